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
  const parser = new DelimitedParser(file);
  const rows: { line: number; cells: string[] }[] = [];
  const keep = (line: number, cells: string[]) => {
    rows.push({ line, cells });
  };
  const issue = parser.push(text, keep) ?? parser.end(keep);
  if (issue) return { issue };
  return { table: { header: parser.header ?? [], rows, decimalComma: parser.decimalComma } };
}

/**
 * CSV read in pieces (RFC 4180 quoting), so that a file larger than memory can be read record by record: `push` each
 * piece of text in order, then `end`. Each data record goes to `onRecord` with the line it starts on; blank lines are
 * skipped and the first record that is not blank is the header. The separator is detected from the first line: a
 * semicolon means a Dutch-locale Excel export, whose numbers use a decimal comma. A record is only parsed once the
 * text that ends it has arrived, so where the pieces are cut does not matter.
 */
export class DelimitedParser {
  header: string[] | null = null;
  decimalComma = false;
  private sep = -1;
  private rest = "";
  /** the line the unparsed rest starts on */
  private line = 1;
  /** `preset`: the header and separator of a file read from after its header (a stretch, stream.ts) */
  constructor(
    private readonly file: string,
    preset?: { header: string[]; decimalComma: boolean },
  ) {
    if (preset) {
      this.header = preset.header;
      this.decimalComma = preset.decimalComma;
      this.sep = (preset.decimalComma ? ";" : ",").charCodeAt(0);
    }
  }

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  /** Characters of a record that has not ended yet (0: the text so far ended between records). */
  get pending(): number {
    return this.rest.length;
  }

  /** Parses the complete records in what has arrived; an issue (an empty file, an unclosed quote) ends the reading. */
  push(text: string, onRecord: (line: number, cells: string[]) => void): InputIssue | null {
    this.rest = this.rest === "" ? text : this.rest + text;
    return this.parse(false, onRecord);
  }

  /** Parses what is left at the end of the file. */
  end(onRecord: (line: number, cells: string[]) => void): InputIssue | null {
    const issue = this.parse(true, onRecord);
    if (issue) return issue;
    if (this.header === null) return { file: this.file, expected: "a header line followed by data rows", found: "an empty file" };
    return null;
  }

  private parse(final: boolean, onRecord: (line: number, cells: string[]) => void): InputIssue | null {
    const text = this.rest;
    const n = text.length;
    if (this.sep < 0) {
      // the separator, from the file's first line: wait for all of it
      const eol = text.search(/\r?\n/);
      if (eol < 0 && !final) return null;
      const firstLine = eol < 0 ? text : text.slice(0, eol);
      const semi = countOutsideQuotes(firstLine, ";") > countOutsideQuotes(firstLine, ",");
      this.sep = (semi ? ";" : ",").charCodeAt(0);
      this.decimalComma = semi;
    }
    const sepCode = this.sep;
    let line = this.line;
    let i = 0;
    // the start of the record being parsed and its line: where the next piece resumes when this one ends inside it
    let recordStart = 0;
    let recordLine = line;
    let cells: string[] = [];
    while (i < n || (final && i === n && recordStart < n)) {
      // one field per iteration
      let k: number;
      if (text.charCodeAt(i) === 34) {
        let field = "";
        let j = i + 1;
        let closed = false;
        for (;;) {
          const q = text.indexOf('"', j);
          // a quote at the very end of a piece may be the first of a doubled quote
          if (q < 0 || (q + 1 >= n && !final)) break;
          field += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            field += '"';
            j = q + 2;
            continue;
          }
          j = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          if (final) return { file: this.file, line, expected: 'a closing quote (")', found: "the end of the file" };
          break;
        }
        // anything between the closing quote and the separator is kept, as spreadsheets do
        k = j;
        while (k < n && text.charCodeAt(k) !== sepCode && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
        if (!final && (k >= n || (text.charCodeAt(k) === 13 && k + 1 >= n))) break;
        for (let m = i; m < j; m++) if (text.charCodeAt(m) === 10) line++;
        cells.push(field + text.slice(j, k));
      } else {
        k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === sepCode || c === 10 || c === 13) break;
          k++;
        }
        // a field that reaches the end of a piece may go on in the next; a CR there may be the first half of CR LF
        if (!final && (k >= n || (text.charCodeAt(k) === 13 && k + 1 >= n))) break;
        cells.push(text.slice(i, k));
      }
      i = k;
      const c = text.charCodeAt(i);
      if (c === sepCode) {
        i++;
        continue;
      }
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (!(cells.length === 1 && cells[0].trim() === "")) {
        if (this.header === null) this.header = cells.map((h) => h.trim());
        else onRecord(recordLine, cells);
      }
      cells = [];
      line++;
      i++;
      recordStart = i;
      recordLine = line;
      if (i >= n) break;
    }
    // what is not parsed yet starts at the last record's start, on its line
    this.rest = final || recordStart >= n ? "" : text.slice(recordStart);
    this.line = recordLine;
    return null;
  }
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
