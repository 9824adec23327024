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
  let cells: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  let inQuotes = false;
  let quoteLine = 0;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (inQuotes) {
      if (ch === 34) {
        if (text.charCodeAt(i + 1) === 34) { field += '"'; i += 2; continue; }
        inQuotes = false; i++; continue;
      }
      if (ch === 10) line++;
      field += text[i]; i++; continue;
    }
    if (ch === 34 && field === "") { inQuotes = true; quoteLine = line; i++; continue; }
    if (text[i] === sep) { cells.push(field); field = ""; i++; continue; }
    if (ch === 13 && text.charCodeAt(i + 1) === 10) { i++; continue; }
    if (ch === 10) {
      cells.push(field); field = "";
      records.push({ line: recordLine, cells });
      cells = []; line++; recordLine = line; i++; continue;
    }
    field += text[i]; i++;
  }
  if (inQuotes) {
    return { issue: { file, line: quoteLine, expected: "a closing quote (\")", found: "the end of the file" } };
  }
  if (field !== "" || cells.length > 0) { cells.push(field); records.push({ line: recordLine, cells }); }
  const nonEmpty = records.filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === ""));
  const [head, ...rows] = nonEmpty;
  return { table: { header: head.cells.map((h) => h.trim()), rows, decimalComma: sep === ";" } };
}

function countOutsideQuotes(s: string, ch: string): number {
  let inQ = false, c = 0;
  for (const x of s) { if (x === '"') inQ = !inQ; else if (!inQ && x === ch) c++; }
  return c;
}

/** Spreadsheet column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = "";
  while (col > 0) { const m = (col - 1) % 26; s = String.fromCharCode(65 + m) + s; col = Math.floor((col - 1) / 26); }
  return s;
}
