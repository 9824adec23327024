import { readFileSync } from "node:fs";
import { ModelSession } from "/work/main/pipelines/warehouse/session.ts";
const s = await ModelSession.open("/work/main/warehouse/afkoop.duckdb"); await s.run([]);
await s.exec("CREATE OR REPLACE TABLE mc_instellingen AS SELECT 2024 AS jaar, 100000 AS trekkingen, 5::BIGINT AS seed, 0 AS sobol_n");
const sql = readFileSync("models/rekenmodel/montecarlo.sql", "utf8").split(/;\s*\n/).filter((x) => x.replace(/--.*$/gm, "").trim());
for (const q of sql) { const t = performance.now(); await s.exec(q); const name = q.match(/(TABLE|MACRO|VIEW)\s+(\w+)/)?.[2]; console.log(name, Math.round(performance.now() - t)); }
s.close();
