// DuckDB-Wasm (the browser's engine, v1.32 / DuckDB 1.4.3) run in Node through its blocking Node build, behind
// the same adapter the site uses, so the model engine of the site can be checked against node-api quickly.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { modelEngine } from "../../engine/engine.js";
import type { ModelBundle } from "../../pipelines/site/bundle.ts";

const require = createRequire(import.meta.url);

export type WasmEngine = Awaited<ReturnType<typeof modelEngine>>;

/** DuckDB-Wasm behind the site's adapter (engine.js), and how to close it. */
export async function wasmAdapter() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs");
  const dist = dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: join(dist, "duckdb-mvp.wasm"), mainWorker: join(dist, "duckdb-node-mvp.worker.cjs") },
      eh: { mainModule: join(dist, "duckdb-eh.wasm"), mainWorker: join(dist, "duckdb-node-eh.worker.cjs") },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = db.connect();
  const adapter = {
    async query(sql: string) {
      return conn
        .query(sql)
        .toArray()
        .map((r: { toJSON(): Record<string, unknown> }) => r.toJSON());
    },
    async registerFileText(name: string, text: string) {
      db.registerFileText(name, text);
    },
    async insertArrowIPC(name: string, bytes: Uint8Array) {
      conn.insertArrowFromIPCStream(bytes, { name, create: true });
    },
  };
  return { adapter, close: () => conn.close() };
}

export async function wasmEngine(bundle: ModelBundle): Promise<WasmEngine> {
  const { adapter, close } = await wasmAdapter();
  return modelEngine(adapter, bundle, close);
}
