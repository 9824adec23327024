// The download buttons of a table (CSV for Dutch Excel, international CSV, XLSX); what they write comes from the
// engine's exports (engine/export.js), the same code `afkoop scenario run` writes its spreadsheets with.
import { toCsv, toCsvNl, toSheet } from "../engine/export.js";
import { xlsxBytes } from "../engine/xlsx.js";

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
  xlsx.onclick = () =>
    save(
      new Blob([xlsxBytes(toSheet(rows, columns), filename.slice(0, 31))], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
      `${filename}.xlsx`,
    );
  div.append(nl, csv, xlsx);
  return div;
}
