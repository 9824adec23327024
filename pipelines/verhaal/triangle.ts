/**
 * `afkoop triangle`: the chain ladder with Mack's standard errors on any triangle given as CSV (origin, dev,
 * value), run by the same SQL file as the pipeline (models/verhaal/chainladder.sql) in an in-memory DuckDB.
 * The CSV goes through the project's reader and validator, so a bad cell is reported with line and column.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { InputError, type InputIssue } from "../lib/errors.ts";
import { readRaw } from "../load/inputs.ts";
import type { TableSpec } from "../load/schema.ts";
import { validateTable } from "../load/validate.ts";
import { loadModelFiles } from "../warehouse/modelfiles.ts";
import { runModels } from "../warehouse/models.ts";
import type { Row } from "../warehouse/query.ts";

export const TRIANGLE_SPEC: TableSpec = {
  table: "cl_invoer",
  file: "",
  description: "A claims triangle",
  key: ["origin", "dev"],
  columns: [
    { name: "origin", type: "integer", description: "Origin period (accident year)", sql: "INTEGER" },
    { name: "dev", type: "integer", description: "Development age (1 = first)", min: 1, sql: "INTEGER" },
    { name: "value", type: "decimal", description: "Amount (cumulative, or incremental with --incremental)", min: -1e15, max: 1e15, sql: "DOUBLE" },
  ],
};

export interface TriangleResult {
  factoren: Row[];
  perOrigin: Row[];
  totaal: Row;
}

export async function chainLadder(path: string, label: string, incremental: boolean): Promise<TriangleResult> {
  const raw = await readRaw(path, label);
  if ("issue" in raw) throw new InputError([raw.issue]);
  const { table, issues } = validateTable(TRIANGLE_SPEC, raw.table, label);
  if (issues.length) throw new InputError(issues);
  const cells = table.rows.map((r, i) => ({ origin: Number(r[0]), dev: Number(r[1]), value: Number(r[2]), line: table.lines[i] }));
  // a triangle: each origin's ages run 1..latest without gaps
  const problems: InputIssue[] = [];
  const byOrigin = new Map<number, number[]>();
  for (const c of cells) byOrigin.set(c.origin, [...(byOrigin.get(c.origin) ?? []), c.dev]);
  for (const [origin, devs] of byOrigin) {
    const max = Math.max(...devs);
    if (devs.length !== max)
      problems.push({
        file: label,
        expected: `development ages 1 to ${max} for origin ${origin} (a triangle without gaps)`,
        found: `ages ${devs.sort((a, b) => a - b).join(", ")}`,
      });
  }
  if (byOrigin.size < 2) problems.push({ file: label, expected: "at least two origin periods", found: `${byOrigin.size}` });
  // cumulative amounts are not negative (incremental ones may be: recoveries returned)
  if (!incremental)
    for (const c of cells)
      if (c.value < 0)
        problems.push({
          file: label,
          line: c.line,
          column: 3,
          columnName: "value",
          expected: "a cumulative amount of at least 0 (use --incremental for incremental amounts)",
          found: String(c.value),
        });
  if (problems.length) throw new InputError(problems);

  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    await con.run("CREATE TABLE cl_invoer_raw (origin INTEGER, dev INTEGER, waarde DOUBLE)");
    const appender = await con.createAppender("cl_invoer_raw");
    for (const c of cells) {
      appender.appendInteger(c.origin);
      appender.appendInteger(c.dev);
      appender.appendDouble(c.value);
      appender.endRow();
    }
    appender.closeSync();
    await con.run(`CREATE TABLE cl_invoer AS SELECT 'invoer' AS driehoek, origin, dev,
      ${incremental ? "sum(waarde) OVER (PARTITION BY origin ORDER BY dev)" : "waarde"} AS waarde FROM cl_invoer_raw`);
    const model = loadModelFiles().filter((m) => m.name === "verhaal/chainladder.sql");
    await runModels((sql) => con.run(sql), model);
    const read = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson() as Row[];
    return {
      factoren: await read("SELECT dev, f, sigma2, s AS volume, n AS origins, sigma2_geextrapoleerd, waarschuwing FROM cl_factoren ORDER BY dev"),
      perOrigin: await read(
        "SELECT origin, laatste_dev, laatste, ultimate, reserve, ontwikkeld_aandeel, mack_se, variatiecoefficient FROM cl_per_origin ORDER BY origin",
      ),
      totaal: (await read("SELECT laatste, ultimate, reserve, mack_se, variatiecoefficient FROM cl_totaal"))[0],
    };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
