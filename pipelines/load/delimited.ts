import type { InputIssue } from "../lib/errors.ts";

/** A table read from a file: header names and data rows, each with the line it started on. */
export interface RawTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
  /** Numbers in this file use a decimal comma (Dutch-locale Excel export). */
  decimalComma: boolean;
  /** Cell addresses are spreadsheet cells (XLSX) rather than line:column. */
  workbook?: boolean;
}

/**
 * Parses CSV text (RFC 4180 quoting). The separator is detected from the header line:
 * a semicolon means a Dutch-locale Excel export, whose numbers use a decimal comma.
 */
export function parseDelimited(text: string, file: string): { table: RawTable } | { issue: InputIssue } {
  if (text.trim() === "") {
    return { issue: { file, expected: "a header line followed by data rows", found: "an empty file" } };
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = countOutsideQuotes(firstLine, ";") > countOutsideQuotes(firstLine, ",") ? ";" : ",";
  const records: { line: number; cells: string[] }[] = [];
  const sepCode = sep.charCodeAt(0);
  let cells: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  let inQuotes = false;
  let quoteLine = 0;
  while (i <= n) {
    // one field per iteration
    if (text.charCodeAt(i) === 34) {
      inQuotes = true;
      quoteLine = line;
      let field = "";
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          j = n + 1;
          break;
        }
        field += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          field += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        inQuotes = false;
        break;
      }
      if (inQuotes) break;
      for (let k = i; k < j; k++) if (text.charCodeAt(k) === 10) line++;
      // anything between the closing quote and the separator is kept, as spreadsheets do
      let k = j;
      while (k < n && text.charCodeAt(k) !== sepCode && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
      cells.push(field + text.slice(j, k));
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === sepCode || c === 10 || c === 13) break;
        k++;
      }
      cells.push(text.slice(i, k));
      i = k;
    }
    const c = text.charCodeAt(i);
    if (c === sepCode) {
      i++;
      continue;
    }
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    records.push({ line: recordLine, cells });
    cells = [];
    line++;
    recordLine = line;
    i++;
    if (i >= n) break;
  }
  if (inQuotes) {
    return { issue: { file, line: quoteLine, expected: 'a closing quote (")', found: "the end of the file" } };
  }
  const nonEmpty = records.filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === ""));
  const [head, ...rows] = nonEmpty;
  return { table: { header: head.cells.map((h) => h.trim()), rows, decimalComma: sep === ";" } };
}

function countOutsideQuotes(s: string, ch: string): number {
  let inQ = false,
    c = 0;
  for (const x of s) {
    if (x === '"') inQ = !inQ;
    else if (!inQ && x === ch) c++;
  }
  return c;
}

/** Spreadsheet column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = "";
  while (col > 0) {
    const m = (col - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    col = Math.floor((col - 1) / 26);
  }
  return s;
}
