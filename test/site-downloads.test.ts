// The site's table downloads: CSV and XLSX, with spreadsheet formula injection neutralised.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { neutralise, toCsv, toCsvNl, toSheet } from "../engine/export.js";
import { parseDelimited } from "../pipelines/load/delimited.ts";
import { parseNumber } from "../pipelines/load/validate.ts";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { xlsxBytes, xlsxChunks } from "../engine/xlsx.js";

const rows = [
  { naam: "Hilversum", bedrag: 55128.5, formule: '=HYPERLINK("http://x")', plus: "+31 20", at: "@SUM(A1)", min: "-5", lijst: ["a", "b"] },
  { naam: "Noord-Beveland", bedrag: 0, formule: "geen", plus: "", at: null, min: -5, lijst: [] },
];
const columns = ["naam", "bedrag", "formule", "plus", "at", "min", "lijst"].map((key) => ({ key, label: key }));

describe("downloads", () => {
  it("neutralises cells that a spreadsheet would read as a formula", () => {
    for (const s of ["=1+1", "+1", "-1", "@A1", "\t=x"]) expect(neutralise(s)).toBe("'" + s);
    expect(neutralise("Noord-Beveland")).toBe("Noord-Beveland");
    expect(neutralise(-5)).toBe(-5);
  });

  it("writes CSV with quoting and neutralised text cells", () => {
    const csv = toCsv(rows, columns);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("naam,bedrag,formule,plus,at,min,lijst");
    expect(lines[1]).toBe(`Hilversum,55128.5,"'=HYPERLINK(""http://x"")",'+31 20,'@SUM(A1),'-5,"a; b"`);
    expect(lines[2]).toBe("Noord-Beveland,0,geen,,,-5,");
  });

  it("writes a CSV that Dutch Excel opens: semicolons, decimal commas, ja/nee, six decimals at most; read back by a Dutch-locale parser", () => {
    const csv = toCsvNl(
      [...rows, { naam: "Rozendaal", bedrag: 0.6228531548261771, formule: true, plus: false, at: null, min: 1234567.25, lijst: [] }],
      columns,
    );
    const parsed = parseDelimited(csv, "download.csv");
    if ("issue" in parsed) throw new Error(parsed.issue.expected);
    expect(parsed.table.decimalComma).toBe(true);
    expect(parsed.table.header).toEqual(["naam", "bedrag", "formule", "plus", "at", "min", "lijst"]);
    const [h, n, r] = parsed.table.rows.map((x) => x.cells);
    expect(h[0]).toBe("Hilversum");
    expect(parseNumber(h[1], true)).toBe("55128.5");
    expect(h[2]).toBe(`'=HYPERLINK("http://x")`);
    expect(n[5]).toBe("-5");
    expect(parseNumber(r[1], true)).toBe("0.622853");
    expect([r[2], r[3]]).toEqual(["ja", "nee"]);
    expect(parseNumber(r[5], true)).toBe("1234567.25");
  });

  it("writes an XLSX workbook that a spreadsheet library reads back, numbers as numbers", async () => {
    const bytes = xlsxBytes(toSheet(rows, columns), "gemeenten");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("gemeenten");
    expect(ws.getRow(1).values).toEqual([undefined, "naam", "bedrag", "formule", "plus", "at", "min", "lijst"]);
    expect(ws.getCell("B2").value).toBe(55128.5);
    expect(ws.getCell("C2").value).toBe('\'=HYPERLINK("http://x")');
    expect(ws.getCell("F3").value).toBe(-5);
    expect(ws.getCell("A3").value).toBe("Noord-Beveland");
  });

  it("writes the same workbook with Node's CRC-32 as with its own (the scenario files use Node's), stored or deflated", () => {
    const sheet = toSheet(rows, columns);
    const deflate = (b: Uint8Array, last: boolean) => deflateRawSync(b, { level: 1, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
    const bytes = (d: typeof deflate | null, c?: (crc: number, b: Uint8Array) => number) => Buffer.concat([...xlsxChunks(sheet, "g", d, c)]);
    const node = (crc: number, b: Uint8Array) => crc32(b, crc);
    for (const d of [null, deflate]) {
      const eigen = bytes(d);
      expect(eigen.length).toBeGreaterThan(500);
      expect(bytes(d, node).equals(eigen)).toBe(true);
    }
    // and a wrong CRC would show: the check reads the CRC
    expect(bytes(null, (c, b) => node(c, b) ^ 1).equals(bytes(null))).toBe(false);
  });
});
