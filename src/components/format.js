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
    case "eur": return euro(v, Math.abs(Number(v) % 1) > 1e-9 ? 2 : 0);
    case "meur": return "€ " + getal(v, 3) + " mln";
    case "pct": return pct(v, 6);
    case "nlg": return "ƒ " + getal(v, 0);
    default: return getal(v, 6);
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
