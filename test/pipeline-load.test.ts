// The pipeline loads every declared file into its staging table, with provenance and a run manifest;
// it accepts Dutch-locale Excel exports and XLSX; and it is idempotent.
import ExcelJS from "exceljs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDelimited } from "../pipelines/load/delimited.ts";
import { normalise, parseNumber } from "../pipelines/load/validate.ts";
import { Decimal } from "decimal.js";
import { TABLES } from "../pipelines/load/schema.ts";
import { runPipeline } from "../pipelines/warehouse/build.ts";
import { withWarehouse } from "../pipelines/warehouse/query.ts";
import { sharedWarehouse, shipped, tempDir, userData } from "./support/fixtures.ts";
import { modelsFor } from "./support/warehouse-compare.ts";

let db: string;
beforeAll(async () => {
  db = await sharedWarehouse();
});

/** A run that loads a user's files and writes the run tables but runs no model: what the loader made of them. */
const loadOnly = (dataDir: string, dbPath: string) => runPipeline({ dataDir, dbPath, modelsDir: modelsFor([]) });

const read = (path: string, sql: string) => withWarehouse({ dbPath: path }, (r) => r.all(sql));

describe("loading the shipped data", () => {
  it("creates one staging table per declared file, with as many rows as the file", async () => {
    const tables = await read(db, "SELECT table_name, estimated_size FROM duckdb_tables() WHERE table_name LIKE 'stg\\_%' ESCAPE '\\'");
    expect(tables.map((t) => t.table_name).sort()).toEqual(TABLES.map((t) => t.table).sort());
    const counts = await read(db, TABLES.map((spec) => `SELECT '${spec.table}' AS t, count(*) AS n FROM ${spec.table}`).join(" UNION ALL "));
    for (const spec of TABLES) {
      const csv = shipped(spec.file + ".csv");
      const parsed = parseDelimited(csv, spec.file);
      if ("issue" in parsed) throw new Error("unparseable shipped file");
      const n = counts.find((c) => c.t === spec.table)?.n;
      expect(Number(n), spec.table).toBe(parsed.table.rows.length);
    }
  });

  it("keeps money exact as DECIMAL", async () => {
    const cols = await read(
      db,
      "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'stg_wmo_waarnemingen' AND column_name IN ('waarde', 'laag', 'hoog')",
    );
    for (const c of cols) expect(c.data_type).toMatch(/^DECIMAL/);
    const [row] = await read(db, "SELECT waarde FROM stg_wmo_waarnemingen WHERE waarneming_id = 'afkoopsom_2016_definitief'");
    expect(row.waarde).toBe("10751312.0000");
  });

  it("writes a run manifest with the hash of every input file", async () => {
    const inputs = await read(db, "SELECT * FROM run_inputs ORDER BY tabel");
    expect(inputs).toHaveLength(TABLES.length);
    for (const i of inputs) {
      expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(i.herkomst).toBe("shipped");
    }
    const [m] = await read(db, "SELECT * FROM run_manifest");
    expect(m.code_versie).toMatch(/^\d+\.\d+\.\d+/);
    expect(String(m.duckdb_versie)).toMatch(/^v1\./);
    const models = await read(db, "SELECT * FROM run_models ORDER BY volgorde");
    expect(models.length).toBeGreaterThan(10);
    expect(models.every((x) => String(x.regel).length > 10)).toBe(true);
  });

  it("gives every figure a source that exists", async () => {
    const missing = await read(db, "SELECT cijfer_id FROM mart_cijfers_met_bron WHERE bron_titel IS NULL");
    expect(missing).toEqual([]);
    const assumptions = await read(db, "SELECT cijfer_id, laag, hoog FROM mart_cijfers_met_bron WHERE status = 'aanname'");
    expect(assumptions.length).toBeGreaterThan(5);
    for (const a of assumptions) expect(a.laag !== null && a.hoog !== null, String(a.cijfer_id)).toBe(true);
  });
});

describe("a number against its column's storage type", () => {
  it("fits exactly when DuckDB would store it: DECIMAL(p,s) below 10^(p-s), INTEGER and BIGINT to their largest value", () => {
    const col = (sql: string) => ({ name: "x", type: "decimal" as const, description: "X", sql });
    const cases: [string, string][] = [
      ["DECIMAL(5,2)", "999.99"],
      ["DECIMAL(5,2)", "-999.99"],
      ["DECIMAL(5,2)", "1000"],
      ["DECIMAL(5,2)", "-1000.5"],
      ["DECIMAL(5,2)", "0.5"],
      ["DECIMAL(2,2)", "0.99"],
      ["DECIMAL(2,2)", "1"],
      ["DECIMAL(18,2)", "1e16"],
      ["DECIMAL(18,2)", "9999999999999999.99"],
      ["INTEGER", "2147483647"],
      ["INTEGER", "-2147483648"],
      ["INTEGER", "2147483648"],
      ["INTEGER", "999999999"],
      ["BIGINT", "9223372036854775807"],
      ["BIGINT", "9223372036854775808"],
      ["BIGINT", "12345678901234567890"],
    ];
    for (const [sql, text] of cases) {
      const d = new Decimal(text).abs();
      const m = /^DECIMAL\((\d+),(\d+)\)$/.exec(sql);
      // recomputed with decimal.js: the largest value each type holds
      const fits = m ? d.lt(new Decimal(10).pow(Number(m[1]) - Number(m[2]))) : sql === "INTEGER" ? d.lte(2147483647) : d.lte("9223372036854775807");
      expect("value" in normalise(col(sql), text, false), `${text} in ${sql}`).toBe(fits);
    }
  });
});

describe("a date against the calendar", () => {
  it("is a day that exists: the Gregorian leap years, the months' lengths; anything else is refused with a message", () => {
    const col = { name: "d", type: "date" as const, description: "D", sql: "DATE" };
    const cases: [string, boolean][] = [
      ["2024-02-29", true],
      ["2023-02-29", false],
      ["2000-02-29", true],
      ["1900-02-29", false],
      ["2023-04-30", true],
      ["2023-04-31", false],
      ["2023-12-31", true],
      ["2023-13-01", false],
      ["2023-00-10", false],
      ["2023-01-00", false],
      ["0001-01-32", false],
    ];
    for (const [text, exists] of cases) expect("value" in normalise(col, text, false), text).toBe(exists);
    expect(normalise(col, "0001-01-32", false)).toEqual({ error: "a date that exists in the calendar (YYYY-MM-DD)" });
    expect(normalise(col, "31-12-2023", false)).toEqual({ error: "a date as YYYY-MM-DD" });
  });
});

describe("inputs from Excel", () => {
  it("reads a Dutch-locale CSV export (semicolons, decimal comma, thousands dots)", async () => {
    const nl = shipped("wmo/waarnemingen.csv")
      .split("\n")
      .map((line) => {
        const p = parseDelimited(line + "\n", "x");
        if ("issue" in p || line.trim() === "") return line;
        return p.table.header
          .map((cell) =>
            /^\d+\.\d+$/.test(cell) ? cell.replace(".", ",") : /^\d{4,}$/.test(cell) && Number(cell) > 99999 ? Number(cell).toLocaleString("nl-NL") : cell,
          )
          .map((c) => (c.includes(";") || (c.includes(",") && !/^[\d.,]+$/.test(c)) ? `"${c}"` : c))
          .join(";");
      })
      .join("\n");
    expect(nl).toContain("10.751.312");
    expect(nl).toContain("0,61;0,64");
    const out = join(tempDir(), "nl.duckdb");
    await loadOnly(userData({ "wmo/waarnemingen.csv": nl }), out);
    const a = await read(out, "SELECT waarneming_id, waarde, laag, hoog FROM stg_wmo_waarnemingen ORDER BY waarneming_id");
    const b = await read(db, "SELECT waarneming_id, waarde, laag, hoog FROM stg_wmo_waarnemingen ORDER BY waarneming_id");
    expect(a).toEqual(b);
    const [origin] = await read(out, "SELECT herkomst FROM run_inputs WHERE tabel = 'stg_wmo_waarnemingen'");
    expect(origin.herkomst).toBe("user");
  });

  it("reads an XLSX workbook in place of a CSV file", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Blad1");
    const parsed = parseDelimited(shipped("wmo/macrobudget_2015.csv"), "x");
    if ("issue" in parsed) throw new Error();
    ws.addRow(parsed.table.header);
    for (const r of parsed.table.rows) ws.addRow(r.cells.map((c) => (/^\d+$/.test(c) ? Number(c) : c)));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const out = join(tempDir(), "xlsx.duckdb");
    await loadOnly(userData({ "wmo/macrobudget_2015.xlsx": bytes }), out);
    const q = "SELECT * FROM stg_wmo_macrobudget ORDER BY onderdeel_id";
    expect(await read(out, q)).toEqual(await read(db, q));
  });

  it("names the cell of a bad value in an XLSX workbook", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Blad1");
    ws.addRow(["jaar", "status", "bron_id", "vindplaats", "toelichting"]);
    ws.addRow([2015, "overeenkomst", "vng-verbond-wmo-2015", "Art. 8.1", ""]);
    ws.addRow(["tweeduizend", "verlengd", "vng-verbond-wmo-2015", "", ""]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const err = await runPipeline({ dataDir: userData({ "wmo/looptijd.xlsx": bytes }), dbPath: join(tempDir(), "x.duckdb") }).catch((e: Error) => e);
    expect(String(err)).toContain(`looptijd.xlsx cell A3 (column 'jaar'): expected a whole number in jaar from 1990 to 2100, found "tweeduizend"`);
  });

  it("parses numbers the way the locale writes them", () => {
    expect(parseNumber("7.406", true)).toBe("7406");
    expect(parseNumber("0,34", true)).toBe("0.34");
    expect(parseNumber("10.850.000,00", true)).toBe("10850000");
    expect(parseNumber("97,45%", true)).toBe("97.45");
    expect(parseNumber("0.34", false)).toBe("0.34");
    expect(parseNumber("1,5", false)).toBeNull();
    expect(parseNumber("abc", true)).toBeNull();
  });

  it("reads quoted fields with separators, quotes and line breaks, and reports the line where a record starts", () => {
    const p = parseDelimited('a,b\n"x, y","he said ""ja"""\n"twee\nregels",z\n', "f.csv");
    if ("issue" in p) throw new Error();
    expect(p.table.rows).toEqual([
      { line: 2, cells: ["x, y", 'he said "ja"'] },
      { line: 3, cells: ["twee\nregels", "z"] },
    ]);
    const bad = parseDelimited('a,b\n"open,1\n', "f.csv");
    expect("issue" in bad && bad.issue).toMatchObject({ line: 2, expected: 'a closing quote (")' });
  });
});
