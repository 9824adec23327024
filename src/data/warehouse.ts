// Shared by the data loaders: reads marts from the warehouse (built first when it does not exist) and
// writes them as one JSON document to stdout. Amounts become JavaScript numbers for the charts;
// the exact DECIMAL values stay in the warehouse and in `afkoop … --json`.
import { withWarehouse } from "../../pipelines/warehouse/query.ts";

export async function publish(queries: Record<string, string>): Promise<void> {
  const out = await withWarehouse({}, async (r) => {
    const o: Record<string, unknown> = {};
    for (const [name, sql] of Object.entries(queries)) o[name] = await r.numbers(sql);
    return o;
  });
  process.stdout.write(JSON.stringify(out));
}
