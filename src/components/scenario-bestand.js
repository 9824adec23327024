// The Scenario's page's state: a scenario {naam, parameters: {id: {waarde, laag?, hoog?}}} in the format of
// `afkoop scenario run`, kept in the URL (?s=<JSON>) so that a link reproduces the view.

export function scenarioUitUrl(search, registry) {
  const raw = new URLSearchParams(search).get("s");
  if (!raw) return {naam: "", parameters: {}};
  try {
    const s = JSON.parse(raw);
    const parameters = {};
    for (const [id, v] of Object.entries(s.parameters ?? {})) {
      if (!registry.has(id)) continue; // an unknown id in a link is dropped, not guessed
      const o = typeof v === "object" && v !== null ? v : {waarde: v};
      if (!Number.isFinite(Number(o.waarde))) continue;
      parameters[id] = {waarde: Number(o.waarde), ...(o.laag !== undefined ? {laag: Number(o.laag)} : {}), ...(o.hoog !== undefined ? {hoog: Number(o.hoog)} : {})};
    }
    return {naam: typeof s.naam === "string" ? s.naam : "", parameters};
  } catch {
    return {naam: "", parameters: {}};
  }
}

export function scenarioNaarUrl(s) {
  const p = new URLSearchParams();
  if (Object.keys(s.parameters).length) p.set("s", JSON.stringify({naam: s.naam, parameters: s.parameters}));
  return p.toString();
}

/** Scenario parameters as the engine's overrides (a whole series each, as `afkoop` reads a plain value). */
export function overridesVan(s) {
  return Object.entries(s.parameters).map(([id, v]) => ({
    parameter_id: id, vanaf_jaar: null, waarde: String(v.waarde), laag: v.laag ?? null, hoog: v.hoog ?? null, toelichting: "scenario (site)",
  }));
}

/** A Dutch message for input that the registry does not allow, or null. */
export function controleer(p, invoer) {
  const getal = (t) => (String(t).trim() === "" ? null : Number(String(t).trim().replace(",", ".")));
  const w = getal(invoer.waarde);
  const l = getal(invoer.laag);
  const h = getal(invoer.hoog);
  if (w === null || !Number.isFinite(w)) return `Waarde: geef een getal (${p.eenheid}).`;
  for (const [naam, v] of [["Waarde", w], ["Laag", l], ["Hoog", h]]) {
    if (v === null) continue;
    if (!Number.isFinite(v)) return `${naam}: geef een getal.`;
    if (p.min !== null && v < p.min) return `${naam}: ${v} ligt onder het minimum van ${p.parameter_id} (${p.min} ${p.eenheid}).`;
    if (p.max !== null && v > p.max) return `${naam}: ${v} ligt boven het maximum van ${p.parameter_id} (${p.max} ${p.eenheid}).`;
  }
  if ((l === null) !== (h === null)) return "Geef laag én hoog, of geen van beide.";
  if (l !== null && l > h) return `Laag (${l}) ligt boven hoog (${h}).`;
  return null;
}
