/**
 * What the browser engine (DuckDB-Wasm) needs to run the model itself: the staging tables of the warehouse as
 * CSV text with their DuckDB column types (loaded with read_csv, as the pipeline does), and the SQL model files
 * in run order, unchanged. Record-level data stays out: the claims ledger is not published, and the models that
 * read it (verhaal/*) publish their aggregates at build time instead.
 */
import { select } from "../../engine/graph.js";
import { loadModelGraph } from "../warehouse/modelfiles.ts";
import { withWarehouse } from "../warehouse/query.ts";

export const NOT_PUBLISHED_TABLES = ["stg_verhaal_claims"];

export interface ModelBundle {
  staging: { table: string; columns: { name: string; type: string }[]; csv: string }[];
  /** In run order, with what each creates and reads and its tags: the browser selects from them as Node does. */
  models: { name: string; sql: string; regel: string; tags: string[]; creates: string[]; reads: string[] }[];
}

const csvField = (v: unknown) => {
  if (v === null || v === undefined) return "";
  const t = String(v);
  return /[",\n\r]/.test(t) || t === "" ? `"${t.replace(/"/g, '""')}"` : t;
};

export async function modelBundle(dbPath?: string): Promise<ModelBundle> {
  return withWarehouse({ dbPath }, async (r) => {
    const tables = (await r.all("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'stg\\_%' ESCAPE '\\' ORDER BY table_name"))
      .map((x) => String(x.table_name))
      .filter((t) => !NOT_PUBLISHED_TABLES.includes(t));
    const staging: ModelBundle["staging"] = [];
    for (const table of tables) {
      const columns = (
        await r.all("SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = $1 ORDER BY column_index", [table])
      ).map((c) => ({ name: String(c.name), type: String(c.type) }));
      const rows = await r.all(`SELECT ${columns.map((c) => `CAST("${c.name}" AS VARCHAR) AS "${c.name}"`).join(", ")} FROM ${table}`);
      const csv = [columns.map((c) => c.name).join(","), ...rows.map((row) => columns.map((c) => csvField(row[c.name])).join(","))].join("\n") + "\n";
      staging.push({ table, columns, csv });
    }
    // the models that read the ledger run at build time only: their aggregates are published, the ledger is not
    const graph = loadModelGraph();
    const buildOnly = new Set(select(graph, { downstreamOf: NOT_PUBLISHED_TABLES }).map((m) => m.name));
    const models = graph.models
      .filter((m) => !buildOnly.has(m.name))
      .map(({ name, sql, regel, tags, creates, reads }) => ({ name, sql, regel, tags, creates, reads }));
    return { staging, models };
  });
}
