// After `observable build`: every page says it is Dutch (<html lang="nl">) and lets the reader zoom (no
// maximum-scale). Framework 1.13.4 writes neither the configured lang nor a zoomable viewport into the built pages.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = join(import.meta.dirname, "..", "dist");
let n = 0;
for (const f of readdirSync(dist, { recursive: true })) {
  if (!String(f).endsWith(".html")) continue;
  const p = join(dist, String(f));
  const html = readFileSync(p, "utf8");
  const out = html.replace(/<html(?![^>]*\blang=)>/, '<html lang="nl">').replace(/,\s*maximum-scale=1/, "");
  if (out !== html) { writeFileSync(p, out); n++; }
}
console.log(`html-nl: lang="nl" and a zoomable viewport in ${n} pages`);
