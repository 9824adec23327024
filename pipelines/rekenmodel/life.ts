// The life-table engine from Node: read a user's life table (CSV or XLSX, validated with file:line:column) and run the
// engine's SQL (models/rekenmodel/levenstafel*.sql) in an in-memory DuckDB. `afkoop life` parses and prints.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { sqlTekst } from "../../engine/sql.js";
import { InputError, UsageError } from "../lib/errors.ts";
import { readRaw } from "../load/inputs.ts";
import type { ColumnSpec, TableSpec } from "../load/schema.ts";
import { validateTable } from "../load/validate.ts";
import { loadModelFiles } from "../warehouse/modelfiles.ts";
import { runModels } from "../warehouse/models.ts";
import { DEFAULT_DB } from "../warehouse/paths.ts";
import { runPipeline } from "../warehouse/build.ts";

const COLS: Record<string, ColumnSpec> = {
  age: { name: "age", type: "integer", description: "Age", min: 0, max: 130, unit: "jaar", sql: "INTEGER" },
  lx: { name: "lx", type: "decimal", description: "Survivors at exact age", min: 0, sql: "DOUBLE" },
  qx: { name: "qx", type: "decimal", description: "Probability of dying within the year", min: 0, max: 1, sql: "DOUBLE" },
  mx: { name: "mx", type: "decimal", description: "Central death rate", min: 0, sql: "DOUBLE" },
  ax: { name: "ax", type: "decimal", description: "Average years lived in the year of death", min: 0, max: 20, sql: "DOUBLE", optional: true },
};

/** Reads a user's life table (CSV or XLSX, column age and one of lx, qx, mx; ax optional), validated with file:line:column. */
export async function readLifeTable(path: string): Promise<{ age: number; lx: number | null; qx: number | null; mx: number | null; ax: number | null }[]> {
  if (!existsSync(path)) throw new UsageError(`--table: no such file ${path}`);
  const raw = await readRaw(path, path);
  if ("issue" in raw) throw new InputError([raw.issue]);
  const header = raw.table.header.map((h) => h.toLowerCase());
  const measure = ["qx", "lx", "mx"].find((m) => header.includes(m));
  if (!header.includes("age") || !measure) {
    throw new InputError([
      { file: path, line: 1, expected: "a header with the column age and one of lx, qx or mx (ax optional)", found: raw.table.header.join(",") },
    ]);
  }
  const cols = header.filter((h) => h in COLS).map((h) => COLS[h]);
  const spec: TableSpec = { table: "lt_invoer", file: path, description: "life table", key: ["age"], columns: cols };
  const known = raw.table.header.map((h) => h.toLowerCase() in COLS);
  const trimmed = {
    ...raw.table,
    header: raw.table.header.filter((_, i) => known[i]),
    rows: raw.table.rows.map((r) => ({ line: r.line, cells: r.cells.filter((_, i) => known[i]) })),
  };
  const { table: t, issues } = validateTable(spec, trimmed, path);
  if (issues.length) throw new InputError(issues);
  const ages = t.rows.map((r) => Number(r[0])).sort((a, b) => a - b);
  for (let i = 1; i < ages.length; i++) {
    if (ages[i] !== ages[i - 1] + 1)
      throw new InputError([
        { file: path, columnName: "age", expected: "consecutive ages without gaps", found: `a gap between ${ages[i - 1]} and ${ages[i]}` },
      ]);
  }
  const get = (r: string[], c: string) => {
    const j = cols.findIndex((x) => x.name === c);
    return j < 0 || r[j] === "" ? null : Number(r[j]);
  };
  const out = t.rows
    .map((r, i) => ({ age: Number(r[0]), lx: get(r, "lx"), qx: get(r, "qx"), mx: get(r, "mx"), ax: get(r, "ax"), line: t.lines[i] }))
    .sort((a, b) => a.age - b.age);
  // survivors never increase with age: a rising lx is a mistake in the table, not a table
  for (let i = 1; i < out.length; i++) {
    const [a, b] = [out[i - 1], out[i]];
    if (a.lx !== null && b.lx !== null && b.lx > a.lx) {
      throw new InputError([
        {
          file: path,
          line: b.line,
          columnName: "lx",
          expected: `survivors at most those of age ${a.age} (${a.lx}): lx does not rise with age`,
          found: String(b.lx),
        },
      ]);
    }
  }
  return out.map(({ line: _line, ...r }) => r);
}

export interface LifeOptions {
  tablePath?: string;
  year?: number;
  sex?: string;
  age: number;
  interest: number;
  indexation: number;
  term: number | null;
  factor?: number;
  ratio?: number;
  dbPath?: string;
}

/** Runs the life-table engine's SQL (models/rekenmodel/levenstafel*.sql) in an in-memory DuckDB. */
export async function lifeFunctions(o: LifeOptions) {
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    const models = loadModelFiles();
    const engine = models.find((m) => m.name === "rekenmodel/levenstafel.sql")!;
    let tabel: string;
    if (o.tablePath) {
      const rows = await readLifeTable(resolve(o.tablePath));
      await con.run("CREATE TABLE stg_levenstafels (year INTEGER, sex VARCHAR, age INTEGER, mx DOUBLE, qx DOUBLE, ax DOUBLE, lx INTEGER, ex DOUBLE)");
      await runModels((sql) => con.run(sql), [engine]);
      await con.run("CREATE TABLE lt_invoer (age INTEGER, lx DOUBLE, qx DOUBLE, mx DOUBLE, ax DOUBLE)");
      const app = await con.createAppender("lt_invoer");
      for (const r of rows) {
        app.appendInteger(r.age);
        for (const v of [r.lx, r.qx, r.mx, r.ax]) v === null ? app.appendNull() : app.appendDouble(v);
        app.endRow();
      }
      app.closeSync();
      const { readFileSync } = await import("node:fs");
      const { MODELS_DIR } = await import("../warehouse/paths.ts");
      await con.run(readFileSync(`${MODELS_DIR}/rekenmodel/levenstafel_invoer.sql`, "utf8"));
      tabel = "invoer";
    } else {
      const db = resolve(o.dbPath ?? DEFAULT_DB);
      if (!existsSync(db)) await runPipeline({ dbPath: db });
      await con.run(`ATTACH ${sqlTekst(db)} AS wh (READ_ONLY); CREATE TABLE stg_levenstafels AS SELECT * FROM wh.stg_levenstafels; DETACH wh;`);
      await runModels((sql) => con.run(sql), [engine]);
      tabel = `${o.year ?? 2019}-${o.sex ?? "male"}`;
      const found = (await con.runAndReadAll("SELECT count(*) FROM int_levenstafels WHERE tabel_id = $1", [tabel])).getRows()[0][0];
      if (Number(found) === 0) {
        const have = (await con.runAndReadAll("SELECT string_agg(DISTINCT tabel_id, ', ' ORDER BY tabel_id) FROM int_levenstafels")).getRows()[0][0];
        throw new UsageError(`no shipped life table ${tabel}; there are ${have}`);
      }
    }
    const [[maxAge]] = (await con.runAndReadAll("SELECT max(age) FROM int_levenstafels WHERE tabel_id = $1", [tabel])).getRows();
    if (o.age > Number(maxAge)) throw new UsageError(`--age: ${o.age} is beyond the table (last age ${maxAge})`);
    let k = o.factor ?? 1;
    if (o.ratio !== undefined) {
      await con.run("DELETE FROM lt_doelen; INSERT INTO lt_doelen VALUES ('cli', $1, $2, $3)", [tabel, o.age, o.ratio]);
      k = Number((await con.runAndReadAll("SELECT k FROM lt_factoren")).getRows()[0][0]);
    }
    const q = async (sql: string, p: unknown[]) => (await con.runAndReadAll(sql, p as never)).getRowObjectsJson()[0] as Record<string, number>;
    const le = await q("SELECT * FROM lt_levensverwachting($1, $2, $3)", [tabel, o.age, k]);
    const le1 = await q("SELECT * FROM lt_levensverwachting($1, $2, 1.0)", [tabel, o.age]);
    const an = await q("SELECT * FROM lt_annuiteit($1, $2, $3, $4, $5, $6)", [tabel, o.age, k, o.interest, o.indexation, o.term]);
    return {
      table: tabel,
      age: o.age,
      interest: o.interest,
      indexation: o.indexation,
      term: o.term,
      mortalityFactor: k,
      lifeExpectancyCurtate: le.e_curtate,
      lifeExpectancyComplete: le.e_complete,
      lifeExpectancyRatio: le.e_complete / le1.e_complete,
      annuityDue: an.a_due,
      annuityImmediate: an.a_immediate,
    };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
