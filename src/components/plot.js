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

// Tips show every channel in Dutch as well: Plot's own tip format is English ("1,000", "0.55").
const GEEN_TIP = new Set(["geometry", "href", "src", "ariaLabel", "scales"]);
function metNlTip(mark) {
  if (!mark || typeof mark !== "object" || !mark.tip) return mark;
  const t = mark.tip === true ? {} : typeof mark.tip === "string" ? { pointer: mark.tip } : { ...mark.tip };
  const format = { ...(t.format ?? {}) };
  for (const [k, c] of Object.entries(mark.channels ?? {})) {
    if (k in format) continue;
    // z, and a colour or size given by a function (a literal colour, "darkorange"), say nothing to a reader
    const intern = GEEN_TIP.has(k) || k === "z" || (!["x", "y", "x1", "x2", "y1", "y2", "title"].includes(k) && typeof c?.value !== "string");
    format[k] = intern ? null : nlLabel;
  }
  mark.tip = { ...t, format };
  return mark;
}

/** The options of one chart in Dutch: tick labels on every positional scale that sets none, tips, a legible font. */
function nlOpties(options) {
  const o = { ...options };
  for (const k of ["x", "y", "fx", "fy"]) {
    const s = o[k];
    if (s && typeof s === "object" && s.axis !== null && s.tickFormat === undefined) o[k] = { ...s, tickFormat: nlLabel };
    else if (s === undefined && (k === "x" || k === "y")) o[k] = { tickFormat: nlLabel };
  }
  o.marks = (o.marks ?? []).flat(Infinity).map(metNlTip);
  // at least 12 px text, on a phone too: the chart is drawn at the width it gets, never scaled down
  o.style = typeof o.style === "string" ? o.style : { fontSize: "12px", ...(o.style ?? {}) };
  return o;
}

/**
 * Plot.plot in Dutch (see nlOpties), as wide as the space it is given: a chart without its own width is redrawn
 * when its container changes width (the way Framework's `resize` does), so it stays legible at 390 px.
 */
export function plot(options) {
  const o = nlOpties(options);
  if (options.width !== undefined) return Plot.plot(o);
  const box = document.createElement("div");
  box.className = "plot-breedte";
  let breedte = 0;
  const teken = (w) => {
    breedte = w;
    const chart = Plot.plot({ ...o, width: w });
    // the chart is one image with one description (figure.js): its parts carry no labels of their own
    for (const el of chart.querySelectorAll("[aria-label], [aria-description]")) {
      el.removeAttribute("aria-label");
      el.removeAttribute("aria-description");
    }
    box.replaceChildren(chart);
  };
  teken(640);
  if (typeof ResizeObserver !== "undefined") {
    const ro = new ResizeObserver(([e]) => {
      if (!box.isConnected) return;
      const w = Math.floor(e.contentRect.width);
      if (w >= 200 && Math.abs(w - breedte) >= 8) teken(Math.min(w, 1200));
    });
    ro.observe(box);
  }
  return box;
}
