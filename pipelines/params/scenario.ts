/**
 * Scenario files: JSON that overrides parameters of the registry for one run, without editing data/.
 * No Node imports here. The checks of a value against the registry are engine/scenario.js, which the site's
 * Scenario's page makes too.
 *
 * {
 *   "naam": "hogere kosten VNG",
 *   "parameters": {
 *     "wmo.kosten_vng": 2,                                  // the whole series
 *     "wmo.deelname_gemeenten": { "2015": 95, "2016": 96 },  // from those years on
 *     "wlz.invloed_rekenmodel": { "waarde": 25, "laag": 0, "hoog": 50, "eenheid": "pct" }
 *   }
 * }
 */
import { problemenVan } from "../../engine/scenario.js";
import { UsageError } from "../lib/errors.ts";

export interface RegistryEntry {
  parameter_id: string;
  eenheid: string;
  min: number | null;
  max: number | null;
}

export interface Override {
  parameter_id: string;
  vanaf_jaar: number | null;
  waarde: string;
  laag: number | null;
  hoog: number | null;
  toelichting: string | null;
}

export interface Scenario {
  naam: string | null;
  overrides: Override[];
  /** Extra settings (sweeps, Monte Carlo) read by the commands that use them. */
  raw: Record<string, unknown>;
}

const KNOWN_TOP = new Set(["naam", "omschrijving", "parameters", "sweep", "montecarlo", "gemeente", "jaar"]);

export function parseScenario(json: unknown, registry: RegistryEntry[], label = "scenario"): Scenario {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new UsageError(`${label}: expected a JSON object with a "parameters" field`);
  const obj = json as Record<string, unknown>;
  for (const k of Object.keys(obj)) if (!KNOWN_TOP.has(k)) throw new UsageError(`${label}: unknown field "${k}" (known: ${[...KNOWN_TOP].join(", ")})`);
  const params = obj.parameters ?? {};
  if (typeof params !== "object" || params === null || Array.isArray(params))
    throw new UsageError(`${label}: "parameters" must be an object of parameter id → value`);
  const byId = new Map(registry.map((r) => [r.parameter_id, r]));
  const overrides: Override[] = [];
  for (const [id, spec] of Object.entries(params as Record<string, unknown>)) {
    const reg = byId.get(id);
    if (!reg) {
      const near = closest(id, [...byId.keys()]);
      throw new UsageError(`${label}: parameters.${id}: unknown parameter${near ? ` (did you mean ${near}?)` : ""}`);
    }
    if (isValue(spec)) overrides.push(makeOverride(reg, null, spec, `${label}: parameters.${id}`));
    else if (typeof spec === "object" && spec !== null && !Array.isArray(spec)) {
      const s = spec as Record<string, unknown>;
      if ("waarde" in s) overrides.push(makeOverride(reg, null, s, `${label}: parameters.${id}`));
      else {
        for (const [year, v] of Object.entries(s)) {
          if (!/^\d{4}$/.test(year)) throw new UsageError(`${label}: parameters.${id}.${year}: expected a year (such as 2016) or "waarde"`);
          overrides.push(makeOverride(reg, Number(year), v, `${label}: parameters.${id}.${year}`));
        }
      }
    } else throw new UsageError(`${label}: parameters.${id}: expected a number, an object {"waarde": …} or values by year`);
  }
  return { naam: typeof obj.naam === "string" ? obj.naam : null, overrides, raw: obj };
}

function isValue(v: unknown): v is number | string {
  return typeof v === "number" || typeof v === "string";
}

function toNumber(v: unknown, where: string): { text: string; value: number } {
  if (typeof v === "number" && Number.isFinite(v)) return { text: String(v), value: v };
  if (typeof v === "string") {
    const t = v.trim().replace(",", ".");
    const frac = /^(-?\d+(\.\d+)?)\/(\d+(\.\d+)?)$/.exec(t);
    if (frac && Number(frac[3]) !== 0) return { text: `${frac[1]}/${frac[3]}`, value: Number(frac[1]) / Number(frac[3]) };
    if (/^-?\d+(\.\d+)?$/.test(t)) return { text: String(Number(t)) === t ? t : t, value: Number(t) };
  }
  throw new UsageError(`${where}: expected a number, found ${JSON.stringify(v)}`);
}

function makeOverride(reg: RegistryEntry, year: number | null, spec: unknown, where: string): Override {
  const s: Record<string, unknown> = isValue(spec) ? { waarde: spec } : (spec as Record<string, unknown>);
  if (typeof s !== "object" || s === null) throw new UsageError(`${where}: expected a number or {"waarde": …}`);
  for (const k of Object.keys(s)) if (!["waarde", "laag", "hoog", "eenheid", "toelichting"].includes(k)) throw new UsageError(`${where}: unknown field "${k}"`);
  if (s.eenheid !== undefined && s.eenheid !== reg.eenheid) {
    throw new UsageError(`${where}: unit "${String(s.eenheid)}" does not match the unit of ${reg.parameter_id} ("${reg.eenheid}")`);
  }
  const w = toNumber(s.waarde, `${where}.waarde`);
  const laag = s.laag === undefined ? null : toNumber(s.laag, `${where}.laag`).value;
  const hoog = s.hoog === undefined ? null : toNumber(s.hoog, `${where}.hoog`).value;
  const bounds = reg.min !== null && reg.max !== null ? `${reg.min} to ${reg.max}` : reg.min !== null ? `at least ${reg.min}` : `at most ${reg.max}`;
  // the registry's checks, as the site's Scenario's page makes them (engine/scenario.js); the first one found is said
  const [f] = problemenVan(reg, { waarde: w.value, laag, hoog });
  if (f) {
    const veld = `${where}${f.veld === "waarde" ? "" : `.${f.veld}`}`;
    const tekst: Record<string, string> = {
      ontbreekt: `${veld}: expected a number`,
      geen_getal: `${veld}: expected a number`,
      geen_geheel_getal: `${veld}: ${f.waarde} is not a whole number, which ${reg.parameter_id} (${reg.eenheid}) must be`,
      onder_minimum: `${veld}: ${f.waarde} is outside the allowed range of ${reg.parameter_id} (${bounds} ${reg.eenheid})`,
      boven_maximum: `${veld}: ${f.waarde} is outside the allowed range of ${reg.parameter_id} (${bounds} ${reg.eenheid})`,
      laag_boven_hoog: `${where}: laag (${laag}) is above hoog (${hoog})`,
      waarde_onder_laag: `${where}: the value ${w.value} is below laag (${laag}); it is the mode of the range, so it lies within it`,
      waarde_boven_hoog: `${where}: the value ${w.value} is above hoog (${hoog}); it is the mode of the range, so it lies within it`,
    };
    throw new UsageError(tekst[f.soort]);
  }
  return {
    parameter_id: reg.parameter_id,
    vanaf_jaar: year,
    waarde: w.text,
    laag,
    hoog,
    toelichting: typeof s.toelichting === "string" ? s.toelichting : null,
  };
}

function closest(id: string, ids: string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of ids) {
    const d = levenshtein(id, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(3, id.length / 4) ? best : null;
}

function levenshtein(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}
