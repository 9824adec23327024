// DuckDB-Wasm's engine, served by the site itself (no CDN): streamed out of node_modules.
import { createReadStream } from "node:fs";
import { createRequire } from "node:module";

createReadStream(createRequire(import.meta.url).resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm")).pipe(process.stdout);
