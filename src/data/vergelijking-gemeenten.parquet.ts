// Download for researchers: the comparison for every municipality and year on the shipped parameters, with the
// Monte Carlo of its year, as Parquet (aggregates per municipality; no case-level data).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withWarehouse } from "../../pipelines/warehouse/query.ts";

const dir = mkdtempSync(join(tmpdir(), "afkoop-parquet-"));
const file = join(dir, "vergelijking.parquet");
try {
  await withWarehouse({}, (r) =>
    r.all(`COPY (
    SELECT * EXCLUDE (eigen) FROM vergelijking_wmo_resultaat WHERE NOT eigen ORDER BY jaar, gemeentecode) TO '${file}' (FORMAT parquet)`),
  );
  process.stdout.write(readFileSync(file));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
