// What drives a headline: the first-order and total Sobol indices (models/intermediate/int_sobol.sql) of its
// uncertain inputs, as a sentence naming the largest three and as a chart with its table.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import { figure } from "./figure.js";
import { pct } from "./format.js";

/** "A (45%), B (14%) en C (9%)": the n inputs with the largest total index, with that index as a share. */
export function drijversTekst(rows, n = 3) {
  const top = [...rows].sort((a, b) => Number(b.totaal) - Number(a.totaal)).slice(0, n);
  const delen = top.map((d) => `${kort(d.omschrijving ?? d.parameter_id)} (${pct(100 * Math.max(0, Number(d.totaal)), 0)})`);
  return delen.length <= 1 ? delen.join("") : `${delen.slice(0, -1).join(", ")} en ${delen.at(-1)}`;
}

/** The description up to its first parenthesis or colon, lower-cased at the start: readable in a sentence. */
export function kort(omschrijving) {
  const s = String(omschrijving).split(/ \(|: /)[0];
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** A chart of the indices: one bar per input for the total index, a tick for the first-order index. */
export function sobolFiguur(rows, { title, description, filename, n = 10 }) {
  const top = [...rows]
    .sort((a, b) => Number(b.totaal) - Number(a.totaal))
    .slice(0, n)
    .map((d) => ({
      ...d,
      invoer: kort(d.omschrijving ?? d.parameter_id),
      totaal: Math.max(0, Number(d.totaal)),
      eerste_orde: Math.max(0, Number(d.eerste_orde)),
    }));
  return figure({
    title,
    description,
    chart: plot({
      height: 30 + 26 * top.length,
      marginLeft: 10,
      x: { label: "aandeel van de variantie", grid: true, domain: [0, 1], tickFormat: (d) => pct(100 * d, 0) },
      y: { label: null, domain: top.map((d) => d.invoer), axis: null },
      marks: [
        Plot.barX(top, {
          y: "invoer",
          x: "totaal",
          fill: "#9cb9d9",
          title: (d) => `${d.invoer}\ntotaal ${pct(100 * d.totaal, 0)}, alleen ${pct(100 * d.eerste_orde, 0)}`,
        }),
        Plot.tickX(top, { y: "invoer", x: "eerste_orde", stroke: "#1b3a7a", strokeWidth: 2 }),
        Plot.text(top, { y: "invoer", x: 0, text: "invoer", textAnchor: "start", dx: 4, fill: "#111" }),
        Plot.ruleX([0]),
      ],
    }),
    rows: rows.map((d) => ({ parameter_id: d.parameter_id, omschrijving: d.omschrijving, eerste_orde: d.eerste_orde, totaal: d.totaal })),
    columns: [
      { key: "parameter_id", label: "parameter" },
      { key: "omschrijving", label: "omschrijving" },
      { key: "eerste_orde", label: "eerste orde" },
      { key: "totaal", label: "totaal" },
    ],
    filename,
  });
}
