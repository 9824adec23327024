// Writes a brotli (.br) and a gzip (.gz) copy next to every compressible file of the built site, once, at build time,
// as a static host serves them (nginx `brotli_static`/`gzip_static`, most CDNs): compressing the 34 MB DuckDB engine
// at every request costs the server 0.7 s of CPU per visitor (gzip level 6), and the first visit waits for it.
// `node scripts/precompress.mjs [dir]`; scripts/serve.mjs serves these copies.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** What is worth compressing: text, the engine, the staging tables. */
export const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".wasm", ".csv", ".svg", ".sql", ".bin", ".arrow"]);

function* files(dir) {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

/** Compresses every compressible file of at least 1 KiB under `dir`; returns the bytes before and after (brotli). */
export function precompress(dir) {
  let raw = 0;
  let br = 0;
  for (const file of [...files(dir)]) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const bytes = readFileSync(file);
    if (bytes.length < 1024) continue;
    const b = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    writeFileSync(`${file}.br`, b);
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    raw += bytes.length;
    br += b.length;
  }
  return { raw, br };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? join(import.meta.dirname, "..", "dist");
  const { raw, br } = precompress(dir);
  console.log(`precompress: ${(raw / 1e6).toFixed(1)} MB of text and engine as ${(br / 1e6).toFixed(1)} MB brotli (and gzip) copies in ${dir}`);
}
