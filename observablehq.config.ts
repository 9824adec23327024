// Observable Framework configuration. The site must build and run offline: no web fonts
// (globalStylesheets: []), no npm: or CDN imports (pages import from node_modules).
export default {
  title: "Afkoop regresrecht",
  root: "src",
  lang: "nl",
  globalStylesheets: [],
  style: "style.css",
  // an inline icon, so the browser does not ask the server for /favicon.ico; the page's language and a zoomable
  // viewport for the preview server (the build writes both into the pages: scripts/html-nl.mjs)
  head: '<link rel="icon" href="data:,"><script>document.documentElement.lang = "nl"; document.querySelector(\'meta[name="viewport"]\')?.setAttribute("content", "width=device-width, initial-scale=1"); addEventListener("DOMContentLoaded", () => { if (!document.querySelector(".naar-inhoud")) document.body.insertAdjacentHTML("afterbegin", \'<a class="naar-inhoud" href="#observablehq-main">Naar de inhoud</a>\'); });</script>',
  search: false,
  // links with .html, so the built site works from any static file server (./wmo would be a 404 there)
  cleanUrls: false,
  pager: false,
  pages: [
    { name: "Overzicht", path: "/" },
    { name: "Wmo-afkoopsom", path: "/wmo" },
    { name: "Wlz-afkoopsom en rekenmodel", path: "/wlz" },
    { name: "Gemeente", path: "/gemeente" },
    { name: "Scenario's", path: "/scenario" },
    { name: "Data en bronnen", path: "/bronnen" },
    { name: "Methode", path: "/methode" },
  ],
  footer: "Afkoop regresrecht — open-source evaluatie. Gemeenten en levenstafels: CBS en Human Mortality Database (CC BY 4.0).",
};
