// Dutch number formatting for the site: € 10.850.000, 0,1467%, 97,45%.
const nl = (opts) => new Intl.NumberFormat("nl-NL", opts);

export function euro(v, decimals = 0) {
  if (v === null || v === undefined || v === "") return "–";
  return "€\u00a0" + nl({ minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(v));
}

export function getal(v, decimals = 0) {
  if (v === null || v === undefined || v === "") return "–";
  return nl({ minimumFractionDigits: 0, maximumFractionDigits: decimals }).format(Number(v));
}

export function pct(v, decimals = 2) {
  if (v === null || v === undefined || v === "") return "–";
  return nl({ minimumFractionDigits: 0, maximumFractionDigits: decimals }).format(Number(v)) + "%";
}

export function miljoen(v, decimals = 2) {
  if (v === null || v === undefined || v === "") return "–";
  return "€\u00a0" + nl({ minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(v) / 1e6) + "\u00a0mln";
}

/** A value in its registry unit. */
export function inEenheid(v, eenheid) {
  switch (eenheid) {
    case "eur":
      return euro(v, Math.abs(Number(v) % 1) > 1e-9 ? 2 : 0);
    case "meur":
      return "€ " + getal(v, 3) + " mln";
    case "pct":
      return pct(v, 6);
    case "nlg":
      return "ƒ " + getal(v, 0);
    default:
      return getal(v, 6);
  }
}

export const statusLabel = {
  contract: "contract",
  bron: "bron",
  "bron (benadering)": "bron (circa)",
  afgeleid: "afgeleid",
  aanname: "aanname",
  synthetisch: "synthetisch",
  scenario: "scenario",
};

/** A small badge that says a figure rests on an assumption or on synthetic data. */
export function badge(status) {
  const span = document.createElement("span");
  span.className = `badge badge-${String(status).replace(/[^a-z]/g, "")}`;
  span.textContent = statusLabel[status] ?? status;
  if (status === "aanname") span.title = "Aanname van dit project, met bandbreedte: geen bron geeft deze waarde";
  if (status === "synthetisch") span.title = "Synthetische (verzonnen) gegevens, alleen ter illustratie";
  return span;
}

/**
 * A number as a Dutch user types it: "10.000" (thousands dots), "20.000.000", "1,5" (decimal comma), "€ 15.000.000".
 * Returns the number, or null for anything else (also for "10.5": a dot is a thousands separator here).
 */
export function leesNlGetal(tekst) {
  const t = String(tekst ?? "").replace(/[€\s\u00a0]/g, "");
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^\d+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, "").replace(",", "."));
  return null;
}

const MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
/** A date as a Dutch reader writes it: "2024-07-01" → "1 juli 2024", "2017-12" → "december 2017", "2015" → "2015". */
export function datum(v) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(v ?? ""));
  if (!m) return v === null || v === undefined ? "" : String(v);
  const [, j, mm, d] = m;
  if (!mm) return j;
  return `${d ? `${Number(d)} ` : ""}${MAANDEN[Number(mm) - 1]} ${j}`;
}
