// One Dutch number format for every chart: Plot.plot with tick labels in nl-NL (d3's locale support: a decimal comma
// and thousands dots) unless a chart sets its own, and years written as years (2024, not 2.024).
import * as Plot from "@observablehq/plot";
import { formatLocale } from "d3";

export const nl = formatLocale({ decimal: ",", thousands: ".", grouping: [3], currency: ["€\u00a0", ""] });

/** A tick or tip label in Dutch: numbers with a decimal comma, whole years as they are, dates as "1 juli 2024". */
export function nlLabel(d) {
  if (d instanceof Date) return d.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  if (typeof d !== "number" || !Number.isFinite(d)) return d;
  if (Number.isInteger(d) && d >= 1900 && d <= 2100) return String(d);
  const abs = Math.abs(d);
  return nl.format(abs >= 100 || Number.isInteger(d) ? ",.0f" : abs >= 1 ? ",.2~f" : ",.3~f")(d);
}

/**
 * Plot.plot with Dutch tick labels on every positional scale that does not set its own tickFormat: x and y always,
 * fx and fy where the chart uses them.
 */
export function plot(options) {
  const o = { ...options };
  for (const k of ["x", "y", "fx", "fy"]) {
    const s = o[k];
    if (s && typeof s === "object" && s.axis !== null && s.tickFormat === undefined) o[k] = { ...s, tickFormat: nlLabel };
    else if (s === undefined && (k === "x" || k === "y")) o[k] = { tickFormat: nlLabel };
  }
  return Plot.plot(o);
}
