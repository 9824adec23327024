// Exports of tables, shared by the site's downloads and `afkoop scenario run`: CSV (international, and as Dutch Excel
// opens it) and spreadsheet rows. Text that a spreadsheet would read as a formula (=, +, -, @, tab, CR) is
// neutralised with an apostrophe; numbers stay numbers. Plain ESM: runs in Node and in the browser.

/** @typedef {{ key: string, label?: string }} Kolom */

/** @template T @param {T} v @returns {T | string} */
export function neutralise(v) {
  if (typeof v !== "string") return v;
  return /^[=+\-@\t\r]/.test(v) ? "'" + v : v;
}

function cellText(v) {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join("; ");
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(neutralise(typeof v === "number" ? v : String(v)));
}

/** @param {Record<string, unknown>[]} rows @param {Kolom[]} columns */
export function toCsv(rows, columns) {
  const esc = (s) => (/[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = columns.map((c) => esc(c.label ?? c.key)).join(",");
  const body = rows.map((r) => columns.map((c) => esc(cellText(r[c.key]))).join(","));
  return [head, ...body].join("\r\n") + "\r\n";
}

/**
 * CSV as Dutch Excel opens it: semicolons between fields, a decimal comma, no more than six decimals, ja/nee for
 * true/false (the BOM is added on download). Text cells are neutralised as in every download.
 * @param {Record<string, unknown>[]} rows @param {Kolom[]} columns
 */
export function toCsvNl(rows, columns) {
  const esc = (s) => (/[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cell = (v) => {
    if (typeof v === "number") return Number.isFinite(v) ? String(Number(v.toFixed(6))).replace(".", ",") : "";
    if (typeof v === "boolean") return v ? "ja" : "nee";
    return cellText(v);
  };
  const head = columns.map((c) => esc(c.label ?? c.key)).join(";");
  const body = rows.map((r) => columns.map((c) => esc(cell(r[c.key]))).join(";"));
  return [head, ...body].join("\r\n") + "\r\n";
}

/**
 * One spreadsheet cell: numbers and booleans as they are (an exact decimal given as text becomes a number), other
 * text neutralised, nothing for null.
 * @param {unknown} v
 */
export function sheetCell(v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return neutralise(v.join("; "));
  const t = String(v);
  // a code with a leading zero ("0363") stays text
  return /^-?(0|[1-9]\d*)(\.\d+)?(e[-+]?\d+)?$/i.test(t) ? Number(t) : neutralise(t);
}

/** The rows of a sheet (first the header), each cell by sheetCell. @param {Record<string, unknown>[]} rows @param {Kolom[]} columns */
export function toSheet(rows, columns) {
  return [columns.map((c) => c.label ?? c.key), ...rows.map((r) => columns.map((c) => sheetCell(r[c.key])))];
}
