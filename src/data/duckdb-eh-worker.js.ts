// DuckDB-Wasm's web worker, served by the site itself (no CDN): streamed out of node_modules.
import { createReadStream } from "node:fs";
import { createRequire } from "node:module";

createReadStream(createRequire(import.meta.url).resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js")).pipe(process.stdout);
