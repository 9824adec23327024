// Hostile input, part of the corpus of test/hostile/: values that used to be accepted silently wrong, files that are
// not what they claim, and inputs past the loader's limits. Each is refused with file, line (or cell) and column,
// what was expected and what was found, before anything is loaded; the warehouse stays as it was.
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../pipelines/lib/errors.ts";
import { zipEntries } from "../../pipelines/load/limits.ts";
import { runPipeline } from "../../pipelines/warehouse/build.ts";
import { lineOf, sha256, shipped, userData, warehouseCopy } from "../support/fixtures.ts";

let db: string;
let before: string;
beforeAll(async () => {
  db = await warehouseCopy();
  before = sha256(db);
});

async function refused(files: Record<string, string | Uint8Array>): Promise<string> {
  const err = await runPipeline({ dataDir: userData(files), dbPath: db }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  expect(sha256(db)).toBe(before);
  expect(readdirSync(dirname(db)).filter((f) => f.includes(".tmp-"))).toEqual([]);
  return (err as InputError).message;
}

const gemeenten = shipped("referentie/gemeenten.csv");
const waarden = shipped("parameters/waarden.csv");
const claims = shipped("verhaal/verhaalde_claims.csv");
/** The shipped file in Dutch Excel's export: semicolons and decimal commas. */
const dutch = (csv: string) =>
  csv
    .split("\n")
    .map((l) => l.replace(/,/g, ";"))
    .join("\n");

describe("values that used to load silently wrong", () => {
  it("a % sign in a column that is not a percentage (11523% inhabitants)", async () => {
    const msg = await refused({ "referentie/gemeenten.csv": gemeenten.replace("GM0003,Appingedam,11523", "GM0003,Appingedam,11523%") });
    expect(msg).toContain(
      `gemeenten.csv:${lineOf(gemeenten, "GM0003")}:3 (column 'inwoners'): expected a whole number in aantal of at least 0, without % (the column is not a percentage), found "11523%"`,
    );
  });

  it("a dot-grouped value in a Dutch export that reads two ways in a percentage column (0.060)", async () => {
    const line = waarden.split("\n").find((l) => l.startsWith("wmo.kosten_vng,2015"))!;
    const nl = dutch(waarden.replace(line, "wmo.kosten_vng,2015,0.060,0,3,aanname,,,"));
    const msg = await refused({ "parameters/waarden.csv": nl });
    expect(msg).toMatch(
      /waarden\.csv:\d+:3 \(column 'waarde'\): expected an unambiguous number: in a file with decimal commas "0\.060" reads as an invalid grouping \(dots as thousands\), or as 0\.060 \(a decimal point\)/,
    );
  });

  it("an impossible date (2023-02-30)", async () => {
    const first = claims.split("\n")[1];
    const cells = first.split(",");
    cells[3] = "2019-02-30";
    const msg = await refused({ "verhaal/verhaalde_claims.csv": claims.replace(first, cells.join(",")) });
    expect(msg).toContain(`verhaalde_claims.csv:2:4 (column 'ongevalsdatum'): expected a date that exists in the calendar (YYYY-MM-DD), found "2019-02-30"`);
  });

  it("a whole number beyond its column's type (3,000,000,000 inhabitants)", async () => {
    const msg = await refused({ "referentie/gemeenten.csv": gemeenten.replace("GM0003,Appingedam,11523", "GM0003,Appingedam,3000000000") });
    expect(msg).toContain(`(column 'inwoners'): expected a whole number in aantal of at least 0; at most 2,147,483,647 in size, found "3000000000"`);
  });

  it("a number beyond its DECIMAL column (1e400, 1e30)", async () => {
    const src = shipped("wmo/waarnemingen.csv");
    for (const v of ["1e400", "1e30"]) {
      const msg = await refused({ "wmo/waarnemingen.csv": src.replace(",eur,10751312,", `,eur,${v},`) });
      expect(msg, v).toMatch(
        new RegExp(
          `waarnemingen\\.csv:\\d+:7 \\(column 'waarde'\\): expected a number of at least 0; fewer than \\d+ digits before the decimal point, found "${v}"`,
        ),
      );
      expect(msg).not.toMatch(/null/);
    }
  });

  it("a field of 10 MB", async () => {
    const big = "x".repeat(10 * 1024 * 1024);
    const msg = await refused({ "referentie/gemeenten.csv": gemeenten.replace("GM0003,Appingedam,", `GM0003,${big},`) });
    expect(msg).toContain(`(column 'gemeentenaam'): expected a field of at most 10,000 characters (found 10,485,760)`);
    expect(msg.length).toBeLessThan(2000);
  });
});

describe("files that are not what they claim", () => {
  it("UTF-16 without a byte-order mark is named as such, not as Windows-1252", async () => {
    const text = shipped("wmo/looptijd.csv");
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) utf16[2 * i] = text.charCodeAt(i);
    const msg = await refused({ "wmo/looptijd.csv": utf16 });
    expect(msg).toContain("looptijd.csv:1:1: expected a UTF-8 text file, found UTF-16 text without a byte-order mark (little-endian)");
  });

  it("a ZIP archive that is not a workbook, and a file that is no ZIP at all", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("a").addRow(["x"]);
    const real = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(zipEntries(real)!.some((e) => e.name === "xl/workbook.xml")).toBe(true);
    // a minimal ZIP archive with one stored file, a.txt
    const zip = Uint8Array.from(
      Buffer.from(
        "504b0304140000000000000000000000000000000000000000000500000061" +
          "2e747874" +
          "504b01021400140000000000000000000000000000000000000000000500000000000000000000000000000000612e747874" +
          "504b0506000000000100010033000000230000000000",
        "hex",
      ),
    );
    expect(await refused({ "wmo/looptijd.xlsx": zip })).toContain(
      "looptijd.xlsx: expected an Excel workbook (.xlsx), found a ZIP archive without a workbook (xl/workbook.xml): not an .xlsx file",
    );
    expect(await refused({ "wmo/looptijd.xlsx": new TextEncoder().encode("jaar,status\n") })).toContain(
      "looptijd.xlsx: expected an Excel workbook (.xlsx), found a file that is not a ZIP archive, so not an .xlsx workbook",
    );
  });

  it("merged cells and a formula without a computed result in a workbook, naming the cell", async () => {
    const header = ["jaar", "status", "bron_id", "vindplaats", "toelichting"];
    const merged = new ExcelJS.Workbook();
    const ws = merged.addWorksheet("Blad1");
    ws.addRow(header);
    ws.addRow([2015, "overeenkomst", "vng-verbond-wmo-2015", "Art. 8.1", ""]);
    ws.addRow([2016, "overeenkomst", "vng-verbond-wmo-2015", "", ""]);
    ws.mergeCells("B2:B3");
    const m = await refused({ "wmo/looptijd.xlsx": new Uint8Array(await merged.xlsx.writeBuffer()) });
    expect(m).toContain("looptijd.xlsx cell B2: expected one value per cell: no merged cells in the data, found merged cells B2:B3 (unmerge them)");
    const formula = new ExcelJS.Workbook();
    const fs = formula.addWorksheet("Blad1");
    fs.addRow(header);
    fs.addRow([{ formula: "2014+1" }, "overeenkomst", "vng-verbond-wmo-2015", "", ""]);
    const f = await refused({ "wmo/looptijd.xlsx": new Uint8Array(await formula.xlsx.writeBuffer()) });
    expect(f).toContain("looptijd.xlsx cell A2: expected a value, found a formula without a computed result");
    expect(f).not.toContain("[object Object]");
  });

  it("both a CSV and an XLSX for one table: refused rather than one ignored", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Blad1").addRow(["jaar"]);
    const msg = await refused({ "wmo/looptijd.csv": shipped("wmo/looptijd.csv"), "wmo/looptijd.xlsx": new Uint8Array(await wb.xlsx.writeBuffer()) });
    expect(msg).toMatch(/looptijd\.csv: expected one file for stg_wmo_looptijd: wmo\/looptijd\.csv or wmo\/looptijd\.xlsx, found both/);
  });
});
