// Download for researchers: the comparison for every municipality and year on the shipped parameters, with the
// Monte Carlo of its year, as Parquet (aggregates per municipality; no case-level data).
import { readFileSync, rmSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withWarehouse } from "../../pipelines/warehouse/query.ts";

const dir = mkdtempSync(join(tmpdir(), "afkoop-parquet-"));
const file = join(dir, "vergelijking.parquet");
try {
  await withWarehouse({}, (r) => r.all(`COPY (
    SELECT g.* EXCLUDE (eigen), m.trekkingen, m.seed, m.kans_uittreden_beter, m.voordeel_p05, m.voordeel_p50, m.voordeel_p95
    FROM vergelijking_wmo_gemeente g LEFT JOIN vergelijking_wmo_mc m USING (jaar, gemeentecode)
    WHERE NOT g.eigen ORDER BY g.jaar, g.gemeentecode) TO '${file}' (FORMAT parquet)`));
  process.stdout.write(readFileSync(file));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
