// A plain HTML table with a caption and CSV/XLSX downloads.
import { badge } from "./format.js";
import { downloadButtons } from "./download.js";

/**
 * columns: [{key, label, format?: (value, row) => string|Node, align?: "right", status?: true}]
 * A column with status: true shows its value as a badge (aanname, synthetisch, ...).
 */
export function dataTable(rows, columns, { caption, filename = "tabel", maxHeight } = {}) {
  const wrap = document.createElement("div");
  wrap.className = "data-table";
  const scroller = document.createElement("div");
  scroller.className = "scroller";
  // a scrollable region the keyboard can reach, named after its table
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-label", caption ?? "tabel");
  if (maxHeight) scroller.style.maxHeight = maxHeight;
  const table = document.createElement("table");
  if (caption) {
    const c = document.createElement("caption");
    c.textContent = caption;
    table.append(c);
  }
  const thead = table.createTHead().insertRow();
  for (const col of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = col.label ?? col.key;
    if (col.align === "right") th.style.textAlign = "right";
    thead.append(th);
  }
  const tbody = table.createTBody();
  for (const row of rows) {
    const tr = tbody.insertRow();
    for (const col of columns) {
      const td = tr.insertCell();
      const v = row[col.key];
      const shown = col.status ? badge(v) : col.format ? col.format(v, row) : v === null || v === undefined ? "" : Array.isArray(v) ? v.join(", ") : String(v);
      td.append(shown instanceof Node ? shown : document.createTextNode(shown));
      if (col.align === "right") { td.style.textAlign = "right"; td.style.whiteSpace = "nowrap"; }
    }
  }
  scroller.append(table);
  wrap.append(scroller, downloadButtons(rows, columns, filename));
  return wrap;
}
