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

/** Buttons "CSV" and "XLSX" for a table. */
export function downloadButtons(rows, columns, filename) {
  const div = document.createElement("div");
  div.className = "downloads";
  const csv = document.createElement("button");
  csv.type = "button";
  csv.textContent = "Download CSV";
  csv.onclick = () => save(new Blob(["\ufeff" + toCsv(rows, columns)], { type: "text/csv;charset=utf-8" }), `${filename}.csv`);
  const xlsx = document.createElement("button");
  xlsx.type = "button";
  xlsx.textContent = "Download XLSX";
  xlsx.onclick = () => save(xlsxBlob(toSheet(rows, columns), filename.slice(0, 31)), `${filename}.xlsx`);
  div.append(csv, xlsx);
  return div;
}
