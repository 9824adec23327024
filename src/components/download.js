// Downloads of tables as CSV and XLSX. Cells that start with =, +, - or @ are neutralised against
// spreadsheet formula injection (prefixed with an apostrophe), numbers stay numbers.
import { xlsxBlob } from "./xlsx.js";

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

export function toCsv(rows, columns) {
  const esc = (s) => (/[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = columns.map((c) => esc(c.label ?? c.key)).join(",");
  const body = rows.map((r) => columns.map((c) => esc(cellText(r[c.key]))).join(","));
  return [head, ...body].join("\r\n") + "\r\n";
}

/**
 * CSV as Dutch Excel opens it: semicolons between fields, a decimal comma, no more than six decimals, ja/nee for
 * true/false (the BOM is added on download). Text cells are neutralised as in every download.
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

export function toSheet(rows, columns) {
  return [columns.map((c) => c.label ?? c.key), ...rows.map((r) => columns.map((c) => {
    const v = r[c.key];
    if (v === null || v === undefined) return "";
    if (typeof v === "number" || typeof v === "boolean") return v;
    return neutralise(Array.isArray(v) ? v.join("; ") : String(v));
  }))];
}

function save(blob, filename) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Buttons for a table: CSV for Dutch Excel (the default), international CSV (comma, decimal point) and XLSX. */
export function downloadButtons(rows, columns, filename) {
  const div = document.createElement("div");
  div.className = "downloads";
  const nl = document.createElement("button");
  nl.type = "button";
  nl.textContent = "Download CSV (Excel, Nederlands)";
  nl.title = "Puntkomma's en decimale komma's: opent zo in een Nederlandse Excel";
  nl.onclick = () => save(new Blob(["\ufeff" + toCsvNl(rows, columns)], { type: "text/csv;charset=utf-8" }), `${filename}.csv`);
  const csv = document.createElement("button");
  csv.type = "button";
  csv.textContent = "CSV (internationaal)";
  csv.title = "Komma's en decimale punten, voor R, Python en andere software";
  csv.onclick = () => save(new Blob(["\ufeff" + toCsv(rows, columns)], { type: "text/csv;charset=utf-8" }), `${filename}-internationaal.csv`);
  const xlsx = document.createElement("button");
  xlsx.type = "button";
  xlsx.textContent = "Download XLSX";
  xlsx.onclick = () => save(xlsxBlob(toSheet(rows, columns), filename.slice(0, 31)), `${filename}.xlsx`);
  div.append(nl, csv, xlsx);
  return div;
}
