// Shared by the data loaders: reads from the warehouse, building it first when it does not exist.
import { withWarehouse } from "../../pipelines/warehouse/query.ts";

export async function readMart(sql: string): Promise<Record<string, unknown>[]> {
  return withWarehouse({}, (r) => r.all(sql));
}
