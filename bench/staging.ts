// The hand-over of the staging tables to DuckDB-Wasm (issue: scale): as CSV text that the engine parses again, or as
// Arrow IPC (the site's data/staging.bin). Bytes over the wire, raw and as a static host compresses them (gzip and
// brotli, as `npm start`'s server and most hosts do), and the time from bytes to loaded tables in DuckDB-Wasm's Node
// build (the browser's engine; medians of `repeat` fresh engines). Reports; does not fail.
import { brotliCompressSync, gzipSync } from "node:zlib";
import { loadStaging } from "../engine/engine.js";
import { modelBundle, stagingArrow } from "../pipelines/site/bundle.ts";
import { wasmAdapter } from "../test/support/wasm.ts";
import { median } from "./growth.ts";

export async function benchStaging(repeat = 5) {
  const bundle = await modelBundle();
  const arrow = await stagingArrow();
  const csv = new TextEncoder().encode(JSON.stringify(bundle.staging));
  const size = (b: Uint8Array) => ({ raw: b.length, gzip: gzipSync(b).length, brotli: brotliCompressSync(b).length });
  const load = async (b: typeof bundle) => {
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const { adapter, close } = await wasmAdapter();
      const t0 = performance.now();
      await loadStaging(adapter, b);
      times.push(performance.now() - t0);
      close();
    }
    return Math.round(median(times));
  };
  return {
    tables: bundle.staging.length,
    csvBytes: size(csv),
    arrowBytes: size(arrow),
    csvLoadMs: await load(bundle),
    arrowLoadMs: await load({ staging: [], models: [], arrow }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchStaging(), null, 2));
