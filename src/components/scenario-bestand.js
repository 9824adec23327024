// The Scenario's page's state: a scenario {naam, parameters: {id: {waarde, laag?, hoog?}}} in the format of
// `afkoop scenario run`, kept in the URL (?s=<JSON>) so that a link reproduces the view.
import { problemenVan } from "../engine/scenario.js";

export function scenarioUitUrl(search, registry) {
  const raw = new URLSearchParams(search).get("s");
  if (!raw) return { naam: "", parameters: {} };
  try {
    const s = JSON.parse(raw);
    const parameters = {};
    for (const [id, v] of Object.entries(s.parameters ?? {})) {
      if (!registry.has(id)) continue; // an unknown id in a link is dropped, not guessed
      const o = typeof v === "object" && v !== null ? v : { waarde: v };
      if (!Number.isFinite(Number(o.waarde))) continue;
      parameters[id] = {
        waarde: Number(o.waarde),
        ...(o.laag !== undefined ? { laag: Number(o.laag) } : {}),
        ...(o.hoog !== undefined ? { hoog: Number(o.hoog) } : {}),
      };
    }
    return { naam: typeof s.naam === "string" ? s.naam : "", parameters };
  } catch {
    return { naam: "", parameters: {} };
  }
}

export function scenarioNaarUrl(s) {
  const p = new URLSearchParams();
  if (Object.keys(s.parameters).length) p.set("s", JSON.stringify({ naam: s.naam, parameters: s.parameters }));
  return p.toString();
}

/** Scenario parameters as the engine's overrides (a whole series each, as `afkoop` reads a plain value). */
export function overridesVan(s) {
  return Object.entries(s.parameters).map(([id, v]) => ({
    parameter_id: id,
    vanaf_jaar: null,
    waarde: String(v.waarde),
    laag: v.laag ?? null,
    hoog: v.hoog ?? null,
    toelichting: "scenario (site)",
  }));
}

/** A number as typed in a field: "0,55" or "0.55", "10.000" (Dutch thousands); null for an empty field, NaN for text. */
export function veldGetal(t) {
  const x = String(t ?? "")
    .trim()
    .replace(/\s/g, "");
  if (x === "") return null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(x)) return Number(x.replace(/\./g, "").replace(",", "."));
  const breuk = /^(-?\d+(?:[.,]\d+)?)\/(\d+(?:[.,]\d+)?)$/.exec(x); // the registry writes some contract rates as 11/75
  if (breuk && Number(breuk[2].replace(",", ".")) !== 0) return Number(breuk[1].replace(",", ".")) / Number(breuk[2].replace(",", "."));
  return /^-?\d+([.,]\d+)?$/.test(x) ? Number(x.replace(",", ".")) : NaN;
}

/**
 * Dutch messages, per field, for input the registry does not allow: {waarde?, laag?, hoog?}; empty when all is well.
 * Checks a number in each field, the registry's min and max, a whole number for counts (draws, seeds),
 * laag and hoog together, and laag ≤ waarde ≤ hoog.
 * @returns {Partial<Record<"waarde" | "laag" | "hoog", string>>}
 */
export function controleerVelden(p, invoer) {
  /** @type {Partial<Record<"waarde" | "laag" | "hoog", string>>} */
  const fout = {};
  const v = { waarde: veldGetal(invoer.waarde), laag: veldGetal(invoer.laag), hoog: veldGetal(invoer.hoog) };
  const n = (x) => String(x).replace(".", ",");
  // the registry's checks, as afkoop makes them (engine/scenario.js), in Dutch
  const tekst = {
    ontbreekt: () => `Geef een waarde (${p.eenheid}).`,
    geen_getal: () => "Geef een getal, bijvoorbeeld 0,55 of 10.000.",
    geen_geheel_getal: () => "Geef een heel getal.",
    onder_minimum: (f) => `${n(f.waarde)} ligt onder het minimum van ${p.parameter_id} (${n(f.grens)} ${p.eenheid}).`,
    boven_maximum: (f) => `${n(f.waarde)} ligt boven het maximum van ${p.parameter_id} (${n(f.grens)} ${p.eenheid}).`,
    laag_boven_hoog: (f) => `Laag (${n(f.waarde)}) ligt boven hoog (${n(f.grens)}).`,
    waarde_onder_laag: (f) => `De waarde (${n(f.waarde)}) ligt onder laag (${n(f.grens)}).`,
    waarde_boven_hoog: (f) => `De waarde (${n(f.waarde)}) ligt boven hoog (${n(f.grens)}).`,
  };
  for (const f of problemenVan(p, v)) fout[f.veld] ??= tekst[f.soort](f);
  if (Object.keys(fout).length) return fout;
  // the page's own rule for its form: a range is two fields, filled together
  if ((v.laag === null) !== (v.hoog === null)) fout[v.laag === null ? "laag" : "hoog"] = "Geef laag én hoog, of geen van beide.";
  return fout;
}

/** One Dutch message for the first problem, or null (for callers that show one message). */
export function controleer(p, invoer) {
  const f = controleerVelden(p, invoer);
  const k = ["waarde", "laag", "hoog"].find((x) => f[x]);
  return k ? `${k[0].toUpperCase()}${k.slice(1)}: ${f[k]}` : null;
}

/** The scenario entry the fields describe, or null when it equals the registry (nothing to change). */
export function invoerNaarEntry(p, invoer) {
  const v = { waarde: veldGetal(invoer.waarde), laag: veldGetal(invoer.laag), hoog: veldGetal(invoer.hoog) };
  const same = v.waarde === veldGetal(p.waarde) && v.laag === (p.laag ?? null) && v.hoog === (p.hoog ?? null);
  if (same) return null;
  return { waarde: v.waarde, ...(v.laag !== null ? { laag: v.laag } : {}), ...(v.hoog !== null ? { hoog: v.hoog } : {}) };
}
