/**
 * What the browser engine (DuckDB-Wasm) needs to run the model itself: the staging tables of the warehouse with their
 * DuckDB column types, and the SQL model files in run order, unchanged. The tables travel as Arrow IPC
 * (`stagingArrow`, the site's `data/staging.bin`): numbers arrive as numbers, nothing is parsed again; the CSV form
 * (`modelBundle`'s `csv`) is what the bench compares it with. Record-level data stays out: the claims ledger is not
 * published, and the models that read it (verhaal/*) publish their aggregates at build time instead.
 */
import { Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import { select } from "../../engine/graph.js";
import { loadModelGraph } from "../warehouse/modelfiles.ts";
import { withWarehouse } from "../warehouse/query.ts";

export const NOT_PUBLISHED_TABLES = ["stg_verhaal_claims"];

export interface ModelBundle {
  staging: { table: string; columns: { name: string; type: string }[]; csv: string }[];
  /** In run order, with what each creates and reads and its tags: the browser selects from them as Node does. */
  models: { name: string; sql: string; regel: string; tags: string[]; creates: string[]; reads: string[] }[];
  /** The staging tables as Arrow IPC (stagingArrow), loaded instead of the CSV where the engine can. */
  arrow?: Uint8Array;
}

const csvField = (v: unknown) => {
  if (v === null || v === undefined) return "";
  const t = String(v);
  return /[",\n\r]/.test(t) || t === "" ? `"${t.replace(/"/g, '""')}"` : t;
};

/** The published staging tables of a warehouse, each with its columns and cells (text, or null). */
async function stagingTables(dbPath?: string) {
  return withWarehouse({ dbPath }, async (r) => {
    const tables = (await r.all("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'stg\\_%' ESCAPE '\\' ORDER BY table_name"))
      .map((x) => String(x.table_name))
      .filter((t) => !NOT_PUBLISHED_TABLES.includes(t));
    const out: { table: string; columns: { name: string; type: string }[]; rows: (string | null)[][] }[] = [];
    for (const table of tables) {
      const columns = (
        await r.all("SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = $1 ORDER BY column_index", [table])
      ).map((c) => ({ name: String(c.name), type: String(c.type) }));
      const rows = (await r.all(`SELECT ${columns.map((c) => `CAST("${c.name}" AS VARCHAR) AS "${c.name}"`).join(", ")} FROM ${table}`)).map((row) =>
        columns.map((c) => (row[c.name] === null || row[c.name] === undefined ? null : String(row[c.name]))),
      );
      out.push({ table, columns, rows });
    }
    return out;
  });
}

export async function modelBundle(dbPath?: string): Promise<ModelBundle> {
  const staging = (await stagingTables(dbPath)).map(({ table, columns, rows }) => ({
    table,
    columns,
    csv: [columns.map((c) => c.name).join(","), ...rows.map((row) => row.map(csvField).join(","))].join("\n") + "\n",
  }));
  return { staging, models: bundleModels() };
}

/** The SQL models in run order, without those that read the ledger: they run at build time only, and their
 * aggregates are published, the ledger is not. */
export function bundleModels(): ModelBundle["models"] {
  const graph = loadModelGraph();
  const buildOnly = new Set(select(graph, { downstreamOf: NOT_PUBLISHED_TABLES }).map((m) => m.name));
  return graph.models.filter((m) => !buildOnly.has(m.name)).map(({ name, sql, regel, tags, creates, reads }) => ({ name, sql, regel, tags, creates, reads }));
}

/** The DuckDB types that travel as Arrow numbers; every other column travels as text. */
const ARROW_NUMBERS: Record<string, () => Float64 | Int32> = { DOUBLE: () => new Float64(), INTEGER: () => new Int32() };

/**
 * The bundle's staging tables as Arrow IPC, for engine.js `loadStaging`: a 4-byte little-endian length, a JSON index
 * ([{table, columns, offset, length}], offsets after the index), then one IPC stream per table. DOUBLE and INTEGER
 * columns are Arrow numbers; every other column (DECIMAL, BIGINT, DATE, text) is Arrow text that the engine casts to
 * its DuckDB type, as read_csv would, so that the tables are the same either way.
 */
export async function stagingArrow(dbPath?: string): Promise<Uint8Array> {
  const streams: Uint8Array[] = [];
  const index: { table: string; columns: { name: string; type: string }[]; offset: number; length: number }[] = [];
  let offset = 0;
  for (const t of await stagingTables(dbPath)) {
    const vectors = Object.fromEntries(
      t.columns.map((c, j) => {
        // an empty text is null, as read_csv reads the CSV form (nullstr '', quoted or not)
        const cells = t.rows.map((r) => (r[j] === "" ? null : r[j]));
        const number = ARROW_NUMBERS[c.type];
        return [
          c.name,
          number
            ? vectorFromArray(
                cells.map((v) => (v === null ? null : Number(v))),
                number(),
              )
            : vectorFromArray(cells, new Utf8()),
        ];
      }),
    );
    const bytes = tableToIPC(new Table(vectors), "stream");
    index.push({ table: t.table, columns: t.columns, offset, length: bytes.length });
    streams.push(bytes);
    offset += bytes.length;
  }
  const head = new TextEncoder().encode(JSON.stringify(index));
  const out = new Uint8Array(4 + head.length + offset);
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 4);
  let o = 4 + head.length;
  for (const b of streams) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}
