// A chart with what every chart on this site carries: a title, a short description, an ARIA label,
// a table view of its data and a CSV/XLSX download.
import { dataTable } from "./table.js";

/** @param {{ title: string, description: string, chart?: Element, rows: any[], columns: any[], filename?: string, note?: any }} f */
export function figure({ title, description, chart, rows, columns, filename, note }) {
  const fig = document.createElement("figure");
  fig.className = "chart";
  const h = document.createElement("h3");
  h.textContent = title;
  const p = document.createElement("p");
  p.className = "description";
  p.textContent = description;
  fig.append(h, p);
  if (chart) {
    chart.setAttribute("role", "img");
    chart.setAttribute("aria-label", `${title}. ${description}`);
    // the chart is one image with one description (and the table view below): its parts carry no labels of their own
    for (const el of chart.querySelectorAll("[aria-label], [aria-description]")) {
      el.removeAttribute("aria-label");
      el.removeAttribute("aria-description");
    }
    fig.append(chart);
  }
  if (note) {
    const n = document.createElement("p");
    n.className = "opmerking";
    n.append(note);
    fig.append(n);
  }
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = "Tabelweergave en download";
  details.append(summary, dataTable(rows, columns, { filename: filename ?? title.toLowerCase().replace(/[^a-z0-9]+/g, "-") }));
  fig.append(details);
  return fig;
}
