// Observable Framework configuration. The site must build and run offline: no web fonts
// (globalStylesheets: []), no npm: or CDN imports (pages import from node_modules).
export default {
  title: "Afkoop regresrecht",
  root: "src",
  lang: "nl",
  globalStylesheets: [],
  style: "style.css",
  // an inline icon, so the browser does not ask the server for /favicon.ico
  head: '<link rel="icon" href="data:,">',
  search: false,
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
