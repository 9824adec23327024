// Warehouses for tests that need less than a full build, and two warehouses compared in SQL. compareWarehouses attaches
// both read-only to one in-memory DuckDB and compares every table in one query (not a few per table and column);
// modelsFor gives runPipeline a models directory with only the models a test reads from (or none: the loader alone).
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { LOADER_TABLES, select } from "../../engine/graph.js";
import { sqlTekst as lit } from "../../engine/sql.js";
import { CATALOGUS } from "../../pipelines/warehouse/publiek.ts";
import { loadModelGraph } from "../../pipelines/warehouse/modelfiles.ts";
import { MODELS_DIR } from "../../pipelines/warehouse/paths.ts";
import { tempDir } from "./fixtures.ts";

/** A DOUBLE or FLOAT column (or a list of them): a model's result, whose last bits may differ between two runs. */
const FLOATING = /^(DOUBLE|FLOAT)/;
/** Tables the loader and the run manifest write: no model computes them, so every column must be identical. */
const LOADED = (t: string) => LOADER_TABLES.test(t) || t.startsWith("run_");

export interface TableComparison {
  tabel: string;
  /** false: the second warehouse has no table of this name (nothing else is compared) */
  inB: boolean;
  rijenA: string;
  rijenB: string;
  /** The columns compared row for row: all of a loaded table, the columns that are not DOUBLE of a model's table. */
  exact: string[];
  /** Rows of those columns in one warehouse and not in the other, EXCEPT ALL both ways (null: no such columns). */
  verschil: string | null;
  /** Per DOUBLE column of a model's table, a checksum: non-null count, sum and sum of absolute values in a and in b. */
  checksums: { kolom: string; a: { n: number; s: number; m: number }; b: { n: number; s: number; m: number } }[];
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Compares every table of warehouse `a` (except those in `skip`) with the table of the same name in `b`: row counts,
 * EXCEPT ALL in both directions over the columns that must be identical, and per DOUBLE column a checksum, all in
 * SQL. Returns one entry per table of `a`, by name; the caller decides what agrees (the tolerance of a checksum).
 */
export async function compareWarehouses(a: string, b: string, skip: string[] = []): Promise<TableComparison[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  const all = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson();
  try {
    await con.run(`ATTACH ${lit(a)} AS a (READ_ONLY)`);
    await con.run(`ATTACH ${lit(b)} AS b (READ_ONLY)`);
    const cols = await all(
      `SELECT c.table_name AS t, c.column_name AS c, c.data_type AS d FROM duckdb_columns() c JOIN duckdb_tables() USING (database_name, schema_name, table_name)
       WHERE database_name = 'a' ORDER BY c.table_name, c.column_index`,
    );
    const inB = new Set((await all("SELECT table_name AS t FROM duckdb_tables() WHERE database_name = 'b'")).map((r) => String(r.t)));
    const tables = new Map<string, { c: string; d: string }[]>();
    for (const r of cols) {
      const t = String(r.t);
      if (skip.includes(t)) continue;
      if (!tables.has(t)) tables.set(t, []);
      tables.get(t)!.push({ c: String(r.c), d: String(r.d) });
    }
    const result: TableComparison[] = [];
    /** per table, its DOUBLE columns compared by checksum */
    const drijvend = new Map<string, { c: string; d: string }[]>();
    const branches: string[] = [];
    for (const [t, cs] of tables) {
      const floating = LOADED(t) ? [] : cs.filter((c) => FLOATING.test(c.d));
      drijvend.set(t, floating);
      const exact = cs.filter((c) => !floating.includes(c)).map((c) => c.c);
      result.push({ tabel: t, inB: inB.has(t), rijenA: "", rijenB: "", exact, verschil: null, checksums: [] });
      if (!inB.has(t)) continue;
      const list = exact.map(ident).join(", ");
      const [ta, tb] = [`a.${ident(t)}`, `b.${ident(t)}`];
      const verschil = exact.length
        ? `(SELECT count(*) FROM (SELECT ${list} FROM ${ta} EXCEPT ALL SELECT ${list} FROM ${tb})) + (SELECT count(*) FROM (SELECT ${list} FROM ${tb} EXCEPT ALL SELECT ${list} FROM ${ta}))`
        : "NULL";
      // one scan per side for all DOUBLE columns: [count, sum, sum of |x|] for each, a list of list_sum for DOUBLE[]
      const sums = (side: string) => {
        const parts = floating.flatMap(({ c, d }) => {
          const v = d.endsWith("[]") ? `list_sum(${ident(c)})` : ident(c);
          return [`count(${v})`, `coalesce(sum(${v}), 0)`, `coalesce(sum(abs(${v})), 0)`].map((x) => `CAST(${x} AS DOUBLE)`);
        });
        return parts.length ? `(SELECT [${parts.join(", ")}] FROM ${side})` : "[]::DOUBLE[]";
      };
      branches.push(
        `SELECT ${lit(t)} AS tabel, (SELECT count(*) FROM ${ta}) AS rijen_a, (SELECT count(*) FROM ${tb}) AS rijen_b, ${verschil} AS verschil, ${sums(ta)} AS sa, ${sums(tb)} AS sb`,
      );
    }
    const rows = new Map((await all(branches.join("\nUNION ALL\n"))).map((r) => [String(r.tabel), r]));
    for (const r of result) {
      const row = rows.get(r.tabel);
      if (!row) continue;
      r.rijenA = String(row.rijen_a);
      r.rijenB = String(row.rijen_b);
      r.verschil = row.verschil === null ? null : String(row.verschil);
      const [sa, sb] = [row.sa, row.sb].map((x) => (x as number[]).map(Number));
      r.checksums = drijvend.get(r.tabel)!.map(({ c }, i) => ({
        kolom: c,
        a: { n: sa[3 * i], s: sa[3 * i + 1], m: sa[3 * i + 2] },
        b: { n: sb[3 * i], s: sb[3 * i + 1], m: sb[3 * i + 2] },
      }));
    }
    return result;
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/**
 * A models directory for runPipeline's `modelsDir` holding the catalogue of published tables and only the models that
 * make the given tables or model files, with every model they read from (graph.js `select` upstreamOf), unchanged.
 * Nothing given: no model at all, a run of the loader and the run tables alone.
 */
export function modelsFor(upstreamOf: string[]): string {
  const dir = join(tempDir("afkoop-models-"), "models");
  mkdirSync(dir, { recursive: true });
  cpSync(join(MODELS_DIR, CATALOGUS), join(dir, CATALOGUS));
  if (upstreamOf.length === 0) return dir;
  for (const m of select(loadModelGraph(), { upstreamOf })) {
    mkdirSync(dirname(join(dir, m.name)), { recursive: true });
    cpSync(join(MODELS_DIR, m.name), join(dir, m.name));
  }
  return dir;
}
