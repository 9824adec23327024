import type ExcelJS from "exceljs";
import type { InputIssue } from "../lib/errors.ts";
import type { RawTable } from "./delimited.ts";

/** Reads the first worksheet of an XLSX workbook: row 1 is the header. */
export async function readXlsx(bytes: Uint8Array, file: string): Promise<{ table: RawTable } | { issue: InputIssue }> {
  // loaded when a workbook is read: exceljs and its dependencies added 0.25 to 0.3 s to every start of `afkoop`
  // (`afkoop --help`: 0.85-1.0 s before, 0.5-0.7 s after, on the 2-core machine)
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { issue: { file, expected: "an XLSX workbook", found: `a file that cannot be read as one (${(e as Error).message})` } };
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.actualRowCount === 0) {
    return { issue: { file, expected: "a worksheet with a header row followed by data rows", found: "an empty workbook" } };
  }
  // merged cells spread one value over several cells: in a data range they are refused, naming the range
  const merges = (ws as unknown as { model?: { merges?: string[] } }).model?.merges ?? [];
  if (merges.length)
    return {
      issue: {
        file,
        cell: merges[0].split(":")[0],
        expected: "one value per cell: no merged cells in the data",
        found: `merged cells ${merges.slice(0, 3).join(", ")}${merges.length > 3 ? ", …" : ""} (unmerge them)`,
      },
    };
  const rows: { line: number; cells: string[] }[] = [];
  let header: string[] | undefined;
  const width = ws.columnCount;
  let formula: InputIssue | null = null;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const v = cell.value;
      if (!formula && v && typeof v === "object" && ("formula" in v || "sharedFormula" in v) && (v as { result?: unknown }).result === undefined) {
        formula = {
          file,
          cell: cell.address,
          expected: "a value",
          found: "a formula without a computed result (open the workbook in Excel and save it, so the results are stored)",
        };
      }
      cells.push(cellText(v));
    }
    if (cells.every((x) => x.trim() === "")) return;
    if (!header) header = cells.map((h) => h.trim());
    else rows.push({ line: rowNumber, cells });
  });
  if (formula) return { issue: formula };
  if (!header) return { issue: { file, expected: "a header row", found: "an empty worksheet" } };
  while (header.length && header[header.length - 1] === "") header.pop();
  return { table: { header, rows: rows.map((r) => ({ line: r.line, cells: r.cells.slice(0, header!.length) })), decimalComma: false, workbook: true } };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("result" in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
  }
  return String(v);
}
