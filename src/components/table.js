// A plain HTML table with a caption and CSV/XLSX downloads.
import { badge, datum, getal } from "./format.js";
import { downloadButtons } from "./download.js";

/**
 * columns: [{key, label, format?: (value, row) => string|Node, align?: "right", status?: true, alleenScherm?: true}]
 * A column with status: true shows its value as a badge (aanname, synthetisch, ...); one with alleenScherm: true
 * (a button) is left out of the downloads.
 */
/** A cell as a Dutch reader reads it: 13.619,29; ja/nee; a year (1900–2100 in a column named …jaar…) as 2024, not 2.024. */
export function celTekst(v, key = "") {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map((x) => celTekst(x, key)).join(", ");
  if (typeof v === "boolean") return v ? "ja" : "nee";
  if (v instanceof Date) v = v.toISOString();
  // dates as a Dutch reader writes them: 1 juli 2024 (and a time of day where there is one)
  const d = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?/.exec(typeof v === "string" ? v : "");
  if (d) return d[2] ? `${datum(d[1])}, ${d[2]}` : datum(d[1]);
  if (typeof v === "bigint") v = Number(v);
  const jaarAchtig = (x) => Number.isInteger(x) && ((x >= 1900 && x <= 2100 && /jaar|^origin$/.test(key)) || /^dev$|seed/.test(key));
  if (typeof v === "number") return jaarAchtig(v) ? String(v) : getal(v, 6);
  // an exact decimal arrives as text ("14700000.00"); a code with a leading zero ("0363") stays as it is
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(v) && !jaarAchtig(Number(v)) && !/code|_id$/.test(key)) return getal(Number(v), 6);
  return String(v);
}

/** @param {any[]} rows @param {any[]} columns @param {{ caption?: string, filename?: string, maxHeight?: string }} [opties] */
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
      const shown = col.status ? badge(v) : col.format ? col.format(v, row) : celTekst(v, col.key);
      td.append(shown instanceof Node ? shown : document.createTextNode(shown));
      if (col.align === "right") {
        td.style.textAlign = "right";
        td.style.whiteSpace = "nowrap";
      }
    }
  }
  scroller.append(table);
  // columns that only act on the page (a button) are not part of a download
  wrap.append(
    scroller,
    downloadButtons(
      rows,
      columns.filter((c) => !c.alleenScherm),
      filename,
    ),
  );
  return wrap;
}
