// After `observable build`: every page says it is Dutch (<html lang="nl">), lets the reader zoom (no maximum-scale),
// and Framework's own sidebar speaks Dutch and passes the accessibility checks (a labelled toggle, lists that hold only
// list items), and a skip link leads past the menu to the content. Framework 1.13.4 writes none of this into the built pages.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = join(import.meta.dirname, "..", "dist");
let n = 0;
for (const f of readdirSync(dist, { recursive: true })) {
  if (!String(f).endsWith(".html")) continue;
  const p = join(dist, String(f));
  const html = readFileSync(p, "utf8");
  const out = html
    .replace(/<html(?![^>]*\blang=)>/, '<html lang="nl">')
    .replace(/,\s*maximum-scale=1/, "")
    .replace('title="Toggle sidebar"', 'title="Menu tonen of verbergen" aria-label="Menu tonen of verbergen"')
    .replace(/<ol>(\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$2<ol>$1")
    .replace(/>Contents</g, ">Inhoud<")
    // a skip link, the first thing a keyboard reaches
    .replace('<main id="observablehq-main" class="observablehq">', '<main id="observablehq-main" class="observablehq" tabindex="-1">')
    .replace(/<body>(?!<a class="naar-inhoud")/, '<body><a class="naar-inhoud" href="#observablehq-main">Naar de inhoud</a>');
  if (out !== html) {
    writeFileSync(p, out);
    n++;
  }
}
console.log(`html-nl: lang="nl" and a zoomable viewport in ${n} pages`);
