import { Decimal } from "decimal.js";
import type { InputIssue } from "../lib/errors.ts";
import { columnLetters, type RawTable } from "./delimited.ts";
import { cellIssues, headerIssues } from "./privacy.ts";
import type { ColumnSpec, TableSpec } from "./schema.ts";
import type { Streamed } from "./stream.ts";

/** A validated table: every cell normalised (decimal point, ISO dates, true/false), "" for empty. */
export interface ValidTable {
  spec: TableSpec;
  file: string;
  rows: string[][];
  lines: number[];
  /** a table read record by record (stream.ts): its rows are not held, but read again to load them */
  streamed?: Streamed;
}

export const MAX_ISSUES_PER_FILE = 100;

export function validateTable(spec: TableSpec, raw: RawTable, file: string): { table: ValidTable; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  if (spec.personalDataFree) {
    // checked before anything else, so the message is about the personal data and not the header
    const privacy = [...headerIssues(file, raw.header), ...cellIssues(file, raw.header, raw.rows, privacyTextColumns(spec, raw.header))];
    if (privacy.length) return { table: { spec, file, rows: [], lines: [] }, issues: privacy };
  }
  const bad = headerIssue(spec, raw.header, file);
  if (bad) return { table: { spec, file, rows: [], lines: [] }, issues: [bad] };
  if (raw.rows.length === 0) {
    issues.push(noRowsIssue(file));
    return { table: { spec, file, rows: [], lines: [] }, issues };
  }
  const checker = new RowChecker(spec, raw.header, file, raw.decimalComma, raw.workbook);
  const seen = new Map<string, number>();
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const { line, cells } of raw.rows) {
    if (issues.length >= MAX_ISSUES_PER_FILE) break;
    const out = checker.check(line, cells, issues);
    if (!out) continue;
    const key = checker.key(out);
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(checker.duplicate(line, out, first));
      continue;
    }
    seen.set(key, line);
    rows.push(out);
    lines.push(line);
  }
  return { table: { spec, file, rows, lines }, issues };
}

/** Why a header does not match the spec (a column missing, unknown or repeated), or null. */
export function headerIssue(spec: TableSpec, header: string[], file: string): InputIssue | null {
  const names = header.map((h) => h.toLowerCase());
  const expectedHeader = spec.columns.map((c) => c.name).join(",");
  const missing = spec.columns.filter((c) => !names.includes(c.name) && !c.mayBeAbsent);
  const unknown = header.filter((h) => !spec.columns.some((c) => c.name === h.toLowerCase()));
  const dup = names.filter((h, i) => names.indexOf(h) !== i);
  if (!missing.length && !unknown.length && !dup.length) return null;
  const found = [
    missing.length ? `missing ${missing.map((c) => `'${c.name}'`).join(", ")}` : "",
    unknown.length ? `unknown ${unknown.map((h) => `'${h}'`).join(", ")}` : "",
    dup.length ? `repeated ${dup.map((h) => `'${h}'`).join(", ")}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  return { file, line: 1, expected: `the header ${expectedHeader}`, found: `${header.join(",") || "nothing"} (${found})` };
}

/** The columns whose cells are searched for every kind of personal data: the spec's text and id columns, and any column it does not know (refused anyway, but not before this). Every other cell is searched for a BSN only. */
export function privacyTextColumns(spec: TableSpec, header: string[]): Set<string> {
  return new Set(
    header
      .map((h) => h.toLowerCase())
      .filter((h) => {
        const c = spec.columns.find((x) => x.name === h);
        return !c || c.type === "text" || c.type === "id";
      }),
  );
}

export const noRowsIssue = (file: string): InputIssue => ({ file, line: 2, expected: "at least one data row", found: "only a header" });

/**
 * Checks a table's rows one at a time against its spec, once its header has passed (headerIssue): each cell
 * normalised (decimal point, ISO dates, true/false, "" for empty) and the row's own check. The key's uniqueness is the
 * caller's: validateTable keeps the keys it has seen, the streamed ledger (stream.ts) their hashes.
 */
export class RowChecker {
  /** where each spec column is in the file's header (-1: an optional column left out) */
  readonly position: number[];
  private readonly keyIdx: number[];
  private readonly record: Record<string, string>;
  private readonly norms: ((text: string, decimalComma: boolean) => Norm)[];
  constructor(
    readonly spec: TableSpec,
    readonly header: string[],
    readonly file: string,
    readonly decimalComma: boolean,
    readonly workbook = false,
  ) {
    const names = header.map((h) => h.toLowerCase());
    this.position = spec.columns.map((c) => names.indexOf(c.name));
    this.keyIdx = spec.key.map((k) => spec.columns.findIndex((c) => c.name === k));
    this.record = Object.fromEntries(spec.columns.map((c) => [c.name, ""]));
    this.norms = spec.columns.map(normaliser);
  }

  private at(line: number, col: number, c: ColumnSpec) {
    const file = this.file;
    return this.workbook ? { file, line, cell: `${columnLetters(col + 1)}${line}`, columnName: c.name } : { file, line, column: col + 1, columnName: c.name };
  }

  /** The row's normalised cells in the spec's column order, or null after pushing its issues. */
  check(line: number, cells: string[], issues: InputIssue[]): string[] | null {
    const { spec, file, position } = this;
    if (!this.workbook && cells.length !== this.header.length) {
      issues.push({ file, line, expected: `${this.header.length} fields as in the header`, found: `${cells.length} fields` });
      return null;
    }
    const out: string[] = new Array(spec.columns.length);
    let bad = false;
    for (let j = 0; j < spec.columns.length; j++) {
      const c = spec.columns[j];
      const text = position[j] < 0 ? "" : (cells[position[j]] ?? "").trim();
      const r = this.norms[j](text, this.decimalComma);
      if ("error" in r) {
        issues.push({
          ...this.at(line, position[j], c),
          expected: r.error,
          found: text === "" ? "an empty cell" : `"${text.length > 80 ? `${text.slice(0, 77)}…` : text}"`,
        });
        bad = true;
      } else out[j] = r.value;
    }
    if (bad) return null;
    if (spec.rowCheck) {
      // one record object for all rows, its values replaced (a row check keeps nothing)
      const record = this.record;
      for (let j = 0; j < spec.columns.length; j++) record[spec.columns[j].name] = out[j];
      const problem = spec.rowCheck(record);
      if (problem) {
        const j = spec.columns.findIndex((c) => c.name === problem.column);
        issues.push({ ...this.at(line, position[j], spec.columns[j]), expected: problem.expected, found: problem.found });
        return null;
      }
    }
    return out;
  }

  /** The row's key, as one string. */
  key(out: string[]): string {
    return this.keyIdx.length === 1 ? out[this.keyIdx[0]] : this.keyIdx.map((k) => out[k]).join("\u0001");
  }

  /** The issue of a row whose key an earlier row on line `first` has. */
  duplicate(line: number, out: string[], first: number): InputIssue {
    return {
      file: this.file,
      line,
      expected: `a unique key (${this.spec.key.join(", ")})`,
      found: `${this.keyIdx.map((k) => out[k]).join(", ")}, already on line ${first}`,
    };
  }
}

type Norm = { value: string } | { error: string };

const NUM_POINT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NUM_COMMA = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;

/** Parses a number written with a decimal point, or (Dutch export) a decimal comma and optional thousands dots. */
const PLAIN = /^-?(0|[1-9]\d*)(\.\d+)?$/;

export function parseNumber(text: string, decimalComma: boolean): string | null {
  if (!decimalComma && PLAIN.test(text)) return text; // fast path: already canonical
  let t = text.replace(/\s/g, "");
  if (t.endsWith("%")) t = t.slice(0, -1);
  if (decimalComma && NUM_COMMA.test(t)) t = t.replace(/\./g, "").replace(",", ".");
  else if (!NUM_POINT.test(t)) return null;
  try {
    return new Decimal(t).toFixed();
  } catch {
    return null;
  }
}

function describe(c: ColumnSpec): string {
  const unit = c.unit && c.unit !== "eenheid" && c.unit !== "valuta" ? ` in ${c.unit}` : "";
  const range =
    c.min !== undefined && c.max !== undefined
      ? ` from ${c.min} to ${c.max}`
      : c.min === 0
        ? " of at least 0"
        : c.min !== undefined
          ? ` of at least ${c.min}`
          : c.max !== undefined
            ? ` of at most ${c.max}`
            : "";
  return { integer: "a whole number", decimal: "a number", rational: "a number or a fraction such as 11/75" }[c.type as "integer"] + unit + range;
}

/** The words a yes/no column accepts, in any case. */
export const BOOLEAN_WORDS = { true: ["ja", "true", "1", "waar", "yes"], false: ["nee", "false", "0", "onwaar", "no"] };

/** The longest field a data file may hold: text fields are descriptions and notes, not documents. */
export const MAX_FIELD_CHARS = 10_000;

export function normalise(c: ColumnSpec, text: string, decimalComma: boolean): Norm {
  return normaliser(c)(text, decimalComma);
}

/**
 * The normalisation of one column's cells, made once per column: the column's properties are read here, not again
 * for every cell (a ledger has tens of millions of cells, and columns of many shapes).
 */
export function normaliser(c: ColumnSpec): (text: string, decimalComma: boolean) => Norm {
  let f = NORMALISERS.get(c);
  if (f) return f;
  const { optional, type, pattern, patternHint } = c;
  const values = c.values ?? [];
  const empty: Norm = optional ? { value: "" } : { error: `a value (${c.description.toLowerCase()})` };
  const rest = numberNormaliser(c);
  f = (text, decimalComma) => {
    if (text === "") return empty;
    if (text.length > MAX_FIELD_CHARS)
      return { error: `a field of at most ${MAX_FIELD_CHARS.toLocaleString("en-GB")} characters (found ${text.length.toLocaleString("en-GB")})` };
    switch (type) {
      case "text":
      case "id":
        if (pattern && !pattern.test(text)) return { error: patternHint ?? `text matching ${pattern}` };
        if (type === "id" && !pattern && !/^[A-Za-z0-9_.-]+$/.test(text)) return { error: "an id of letters, digits, '_', '.' or '-'" };
        return { value: text };
      case "enum":
        return values.includes(text) ? { value: text } : { error: `one of ${values.join(", ")}` };
      case "boolean": {
        const t = text.toLowerCase();
        if (BOOLEAN_WORDS.true.includes(t)) return { value: "true" };
        if (BOOLEAN_WORDS.false.includes(t)) return { value: "false" };
        return { error: "ja or nee" };
      }
      case "date": {
        const known = DATES.get(text);
        if (known) return known;
        const r = dateNorm(text);
        if (DATES.size < 100_000) DATES.set(text, r);
        return r;
      }
      default:
        return rest(text, decimalComma);
    }
  };
  NORMALISERS.set(c, f);
  return f;
}

const NORMALISERS = new WeakMap<ColumnSpec, (text: string, decimalComma: boolean) => Norm>();

/** The normalisation of a number column's non-empty cells (integer, decimal, rational). */
function numberNormaliser(c: ColumnSpec): (text: string, decimalComma: boolean) => Norm {
  const { type, unit } = c;
  const short = shortBound(c);
  return (text, decimalComma) => {
    let v: string | null;
    if (type === "rational" && text.includes("/")) {
      const [p, q] = text.split("/").map((s) => parseNumber(s, decimalComma));
      if (p === null || q === null || Number(q) === 0) return { error: describe(c) };
      v = `${p}/${q}`;
      const d = new Decimal(p).div(q);
      if (outOfRange(c, d)) return { error: describe(c) };
      return { value: v };
    }
    // (whitespace before a % does not matter: "12 %")
    if (text.trimEnd().endsWith("%") && unit !== "pct") return { error: `${describe(c)}, without % (the column is not a percentage)` };
    if (decimalComma) {
      // a Dutch export writes thousands with dots: 1.234 is 1234. Where the column's range admits the other reading
      // too (a decimal point, 1.234), or the grouping cannot be one (0.060), the value is ambiguous: refused
      const grouped = /^[+-]?\d{1,3}(\.\d{3})+$/.test(text.trim());
      if (grouped) {
        const asThousands = text.trim().replace(/\./g, "");
        const asPoint = (text.trim().match(/\./g) ?? []).length === 1 ? text.trim() : null;
        const leadingZero = /^[+-]?0\./.test(text.trim());
        // ambiguous where the column's finite range admits both readings (a percentage of 1.234 or 1234 would not)
        const pointFits = asPoint !== null && c.min !== undefined && c.max !== undefined && !outOfRange(c, asPoint) && !outOfRange(c, asThousands);
        if (leadingZero || pointFits) {
          return {
            error: `an unambiguous number: in a file with decimal commas "${text.trim()}" reads as ${leadingZero ? "an invalid grouping" : Number(asThousands).toLocaleString("en-GB")} (dots as thousands)${asPoint ? `, or as ${asPoint} (a decimal point)` : ""}; write ${asPoint ? asPoint.replace(".", ",") : asThousands} or ${asThousands} without dots`,
          };
        }
      }
    }
    v = parseNumber(text, decimalComma);
    if (v === null) return { error: describe(c) };
    if (type === "integer" && !/^-?\d+$/.test(v)) return { error: describe(c) };
    const fits = fitsType(c, v);
    if (fits) return { error: `${describe(c)}; ${fits}` };
    if (outOfRange(c, v, short)) return { error: describe(c) };
    return { value: v };
  };
}

/** Each distinct date's answer, found once (a ledger repeats its dates); bounded. */
const DATES = new Map<string, Norm>();

/** A real calendar date: 2023-02-30 is refused (JavaScript would roll it over to 2 March). */
function dateNorm(text: string): Norm {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return { error: "a date as YYYY-MM-DD" };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const schrikkel = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const ok = mo >= 1 && mo <= 12 && d >= 1 && d <= [31, schrikkel ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return ok ? { value: text } : { error: "a date that exists in the calendar (YYYY-MM-DD)" };
}

/**
 * Why a number does not fit the column's storage type (INTEGER, BIGINT, DECIMAL(p,s)), or null. `v` is canonical
 * (parseNumber: no exponent, no leading zeros), so its digits before the point say its size; only a number as long
 * as the largest INTEGER or BIGINT is compared exactly.
 */
function fitsType(c: ColumnSpec, v: string): string | null {
  let t = STORAGE.get(c);
  if (!t) {
    const sql = c.sql.toUpperCase();
    const m = sql.match(/^DECIMAL\((\d+),\s*(\d+)\)$/);
    t = { sql, whole: m ? Number(m[1]) - Number(m[2]) : null };
    STORAGE.set(c, t);
  }
  const point = v.indexOf(".");
  const sign = v.startsWith("-") ? 1 : 0;
  const digits = v.startsWith("0", sign) ? 0 : (point < 0 ? v.length : point) - sign;
  if (t.sql === "INTEGER" && digits >= 10 && new Decimal(v).abs().gt(2147483647)) return "at most 2,147,483,647 in size";
  if (t.sql === "BIGINT" && digits >= 19 && new Decimal(v).abs().gt("9223372036854775807")) return "at most 9,223,372,036,854,775,807 in size";
  // |v| >= 10^w exactly when v has more than w digits before the point
  if (t.whole !== null && digits > t.whole) return `fewer than ${t.whole + 1} digits before the decimal point`;
  if (t.sql === "DOUBLE" && !Number.isFinite(Number(v))) return "a finite number";
  return null;
}

/** Each column's storage type, read once: its SQL type and, for a DECIMAL(p,s), the digits before the point (p - s). */
const STORAGE = new WeakMap<ColumnSpec, { sql: string; whole: number | null }>();

/** Whether a column's bounds have at most 15 significant digits (counted generously: zeros after the point too). */
const shortBound = (c: ColumnSpec): boolean => [c.min, c.max].every((b) => b === undefined || String(b).replace(/^-|\.|e.*$/g, "").length <= 15);

/** `short`: shortBound(c), when the caller has it at hand (a column's normaliser reads it once). */
function outOfRange(c: ColumnSpec, v: Decimal | string, short = shortBound(c)): boolean {
  if (c.min === undefined && c.max === undefined) return false;
  if (typeof v === "string") {
    const n = Number(v);
    // a number of at most 15 digits against a bound of at most 15 is compared exactly as doubles (each is the double
    // nearest to it, and the order of such numbers is kept)
    if (v.length <= 15 && short) return (c.min !== undefined && n < c.min) || (c.max !== undefined && n > c.max);
    const nearMin = c.min !== undefined && Math.abs(n - c.min) < 1e-6 * Math.max(1, Math.abs(c.min));
    const nearMax = c.max !== undefined && Math.abs(n - c.max) < 1e-6 * Math.max(1, Math.abs(c.max));
    if (!nearMin && !nearMax) return (c.min !== undefined && n < c.min) || (c.max !== undefined && n > c.max);
    v = new Decimal(v);
  }
  return (c.min !== undefined && v.lt(c.min)) || (c.max !== undefined && v.gt(c.max));
}
