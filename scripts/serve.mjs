// Serves the built site (dist/) as a static host should: the right content types, /wmo as /wmo.html, hashed files
// (Framework names them after their content: _file/, _import/, _npm/, _node/, _observablehq/) cached for a year so
// the 34 MB DuckDB engine is downloaded once per visitor, not once per page, and compressed for whatever the browser
// accepts: the brotli or gzip copy the build made (scripts/precompress.mjs), else gzip as it is sent. `npm start`
// runs it after the build; the tests and the bench use it too (plain: no /wmo mapping, no compression).
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { createGzip } from "node:zlib";
import { COMPRESSIBLE } from "./precompress.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.stream",
  ".csv": "text/csv",
  ".parquet": "application/octet-stream",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".sql": "text/plain",
};
const HASHED = /^\/_(file|import|npm|node|observablehq)\//;

/**
 * A static file server on a free loopback port (or `port`). `plain`: serve files exactly as they are, as the simplest
 * static host does (no /wmo → /wmo.html mapping).
 * @param {string} root @param {{ plain?: boolean, port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serve(root, { plain = false, port = 0, host = "127.0.0.1" } = {}) {
  const base = normalize(resolve(root));
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!plain && !existsSync(file) && existsSync(file + ".html")) file += ".html";
    if (!existsSync(file)) return void res.writeHead(404).end("not found");
    const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", vary: "accept-encoding" };
    headers["cache-control"] = HASHED.test(path) ? "public, max-age=31536000, immutable" : "no-cache";
    const accepts = String(req.headers["accept-encoding"] ?? "");
    const compress = !plain && COMPRESSIBLE.has(extname(file));
    // the build's copy, brotli first; else gzip on the way
    const copy = !compress
      ? null
      : /\bbr\b/.test(accepts) && existsSync(`${file}.br`)
        ? "br"
        : /\bgzip\b/.test(accepts) && existsSync(`${file}.gz`)
          ? "gz"
          : null;
    const gzip = compress && !copy && /\bgzip\b/.test(accepts);
    if (copy) headers["content-encoding"] = copy === "br" ? "br" : "gzip";
    else if (gzip) headers["content-encoding"] = "gzip";
    res.writeHead(200, headers);
    const stream = createReadStream(copy ? `${file}.${copy}` : file);
    (gzip ? stream.pipe(createGzip({ level: 6 })) : stream).pipe(res);
  });
  await new Promise((r) => server.listen(port, host, () => r(undefined)));
  const addr = server.address();
  const p = typeof addr === "object" && addr ? addr.port : port;
  return { url: `http://${host}:${p}`, close: () => new Promise((r) => server.close(() => r(undefined))) };
}

// `node scripts/serve.mjs [dir] [port]`: serve the built site and print its address
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? join(import.meta.dirname, "..", "dist");
  if (!existsSync(join(dir, "index.html"))) {
    console.error(`serve: no built site in ${dir} (run npm run build first)`);
    process.exit(1);
  }
  const { url } = await serve(dir, { port: Number(process.argv[3] ?? process.env.PORT ?? 3000) });
  console.log(`De site draait op ${url}/  (Ctrl-C stopt)`);
}
