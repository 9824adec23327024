// DuckDB-Wasm in the browser, from the site's own files: the engine and worker are passed in as URLs
// (FileAttachment(...).href), extensions are never fetched, and the staging tables arrive as Arrow IPC.
import * as duckdb from "@duckdb/duckdb-wasm";
import { alleen, modelEngine } from "../engine/engine.js";

/** `bundle` may be a promise: the engine is fetched and compiled meanwhile (the files and the 34 MB engine in parallel). */
export async function openEngine({ wasm, worker, bundle }) {
  const w = new Worker(worker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), w);
  await db.instantiate(wasm);
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  const adapter = {
    async query(sql) {
      const t = await conn.query(sql);
      return t.toArray().map((r) => r.toJSON());
    },
    async registerFileText(name, text) {
      await db.registerFileText(name, text);
    },
    async insertArrowIPC(name, bytes) {
      await conn.insertArrowFromIPCStream(bytes, { name, create: true });
    },
  };
  return modelEngine(adapter, await bundle, () => {
    conn.close();
    db.terminate();
  });
}

/**
 * A page's engine, started in the background after the first paint and shared by all its questions; `eerst`
 * (graph → the models to run, e.g. modellenVoorGemeente) runs once with the shipped parameters. Pass the
 * FileAttachments of the page.
 */
/** @param {any} files @param {((graaf: any) => { name: string }[]) | null} [eerst] */
export function pageEngine({ modelFile, stagingFile, wasmFile, workerFile }, eerst = null) {
  let belofte = null;
  const engine = () =>
    (belofte ??= (async () => {
      const bundle = Promise.all([modelFile.json(), stagingFile.arrayBuffer()]).then(([model, staging]) => ({ ...model, arrow: new Uint8Array(staging) }));
      const e = await openEngine({ wasm: wasmFile.href, worker: workerFile.href, bundle });
      if (eerst) await e.run([], alleen(eerst(e.graaf)));
      return e;
    })());
  setTimeout(engine, 0);
  return engine;
}
