/**
 * The plan of an `afkoop scenario run`: a scenario file read and checked against the registry and the limits before
 * any work starts (parameters, year, municipality, Monte Carlo, a sweep of one or two parameters), and the sweep's
 * grid points. The file's format:
 *
 *   {
 *     "naam": "detectie en honorarium",
 *     "parameters": { "verhaal.vaste_kosten": 5000 },
 *     "jaar": 2018,
 *     "gemeente": "GM0402"  |  { "inwoners": 50000, "naam": "Voorbeeldstad" },     (optional; default all)
 *     "montecarlo": { "trekkingen": 1000, "seed": 7 },
 *     "sweep": [ { "parameter": "verhaal.detectie", "van": 10, "tot": 90, "stappen": 9 },
 *                { "parameter": "verhaal.honorarium_percentage", "waarden": [5, 10, 15] } ]
 *   }
 */
import { RUN_LIMITS } from "../load/limits.ts";
import { UsageError } from "../lib/errors.ts";
import { parseScenario, type RegistryEntry, type Scenario } from "../params/scenario.ts";

export interface SweepAxis {
  parameter: string;
  waarden: number[];
}

export interface ScenarioPlan {
  scenario: Scenario;
  jaar: number | null;
  gemeente: { code?: string; inwoners?: number; naam?: string } | null;
  trekkingen: number | null;
  seed: number | null;
  sweep: SweepAxis[];
}

const fail = (label: string, field: string, msg: string): never => {
  throw new UsageError(`${label}: ${field}: ${msg}`);
};
const isInt = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x);

/** Reads the scenario's run settings; every error names the field. */
export function planScenario(json: unknown, registry: RegistryEntry[], label: string): ScenarioPlan {
  const scenario = parseScenario(json, registry, label);
  const raw = scenario.raw;
  const jaar =
    raw.jaar === undefined ? null : isInt(raw.jaar) ? raw.jaar : fail(label, "jaar", `expected a year such as 2018, found ${JSON.stringify(raw.jaar)}`);
  let gemeente: ScenarioPlan["gemeente"] = null;
  if (typeof raw.gemeente === "string") {
    if (!/^GM\d{4}$/i.test(raw.gemeente)) fail(label, "gemeente", `expected a CBS code such as GM0402, found "${raw.gemeente}"`);
    gemeente = { code: raw.gemeente.toUpperCase() };
  } else if (raw.gemeente !== undefined) {
    const g = raw.gemeente as Record<string, unknown>;
    if (typeof g !== "object" || g === null || Array.isArray(g)) fail(label, "gemeente", 'expected a CBS code or {"inwoners": N, "naam": …}');
    for (const k of Object.keys(g)) if (!["code", "inwoners", "naam"].includes(k)) fail(label, `gemeente.${k}`, "unknown field (known: code, inwoners, naam)");
    if (g.inwoners !== undefined && (!isInt(g.inwoners) || g.inwoners <= 0))
      fail(label, "gemeente.inwoners", `expected a positive whole number, found ${JSON.stringify(g.inwoners)}`);
    if (g.code === undefined && g.inwoners === undefined) fail(label, "gemeente", "give a code, inwoners, or both");
    gemeente = {
      code: typeof g.code === "string" ? g.code.toUpperCase() : undefined,
      inwoners: g.inwoners as number | undefined,
      naam: typeof g.naam === "string" ? g.naam : undefined,
    };
  }
  let trekkingen: number | null = null;
  let seed: number | null = null;
  if (raw.montecarlo !== undefined) {
    const m = raw.montecarlo as Record<string, unknown>;
    if (typeof m !== "object" || m === null || Array.isArray(m)) fail(label, "montecarlo", 'expected {"trekkingen": N, "seed": S}');
    for (const k of Object.keys(m)) if (!["trekkingen", "seed"].includes(k)) fail(label, `montecarlo.${k}`, "unknown field (known: trekkingen, seed)");
    if (m.trekkingen !== undefined)
      trekkingen =
        isInt(m.trekkingen) && m.trekkingen >= 1 && m.trekkingen <= RUN_LIMITS.comparisonDraws
          ? m.trekkingen
          : fail(label, "montecarlo.trekkingen", `expected a whole number from 1 to ${RUN_LIMITS.comparisonDraws}, found ${JSON.stringify(m.trekkingen)}`);
    if (m.seed !== undefined)
      seed = isInt(m.seed) && m.seed >= 0 ? m.seed : fail(label, "montecarlo.seed", `expected a whole number of at least 0, found ${JSON.stringify(m.seed)}`);
  }
  const sweep: SweepAxis[] = [];
  if (raw.sweep !== undefined) {
    const axes = Array.isArray(raw.sweep) ? raw.sweep : [raw.sweep];
    if (axes.length > 2) fail(label, "sweep", `at most two parameters, found ${axes.length}`);
    const byId = new Map(registry.map((r) => [r.parameter_id, r]));
    for (const [i, a] of (axes as unknown[]).entries()) {
      const where = `sweep[${i}]`;
      if (typeof a !== "object" || a === null)
        return fail(label, where, 'expected {"parameter": id, "waarden": [...]} or {"parameter": id, "van": a, "tot": b, "stappen": n}');
      const s = a as Record<string, unknown>;
      for (const k of Object.keys(s))
        if (!["parameter", "waarden", "van", "tot", "stappen"].includes(k))
          fail(label, `${where}.${k}`, "unknown field (known: parameter, waarden, van, tot, stappen)");
      const reg = typeof s.parameter === "string" ? byId.get(s.parameter) : undefined;
      if (!reg) return fail(label, `${where}.parameter`, `unknown parameter ${JSON.stringify(s.parameter)}`);
      let waarden: number[];
      if (s.waarden !== undefined) {
        if (!Array.isArray(s.waarden) || s.waarden.length === 0) return fail(label, `${where}.waarden`, "expected a non-empty list of numbers");
        if (s.waarden.length > RUN_LIMITS.sweepValues)
          return fail(
            label,
            `${where}.waarden`,
            `at most ${RUN_LIMITS.sweepValues} values per axis, found ${s.waarden.length}; run the sweep in parts (its values over several scenario files)`,
          );
        if (!s.waarden.every((x) => typeof x === "number" && Number.isFinite(x)))
          return fail(label, `${where}.waarden`, "expected a non-empty list of numbers");
        waarden = s.waarden as number[];
      } else {
        const { van, tot, stappen } = s;
        if (typeof van !== "number" || typeof tot !== "number") return fail(label, where, 'give "waarden", or "van" and "tot" (numbers) with "stappen"');
        if (!isInt(stappen) || stappen < 2 || stappen > 1000)
          return fail(label, `${where}.stappen`, `expected a whole number from 2 to 1000, found ${JSON.stringify(stappen)}`);
        waarden = Array.from({ length: stappen }, (_, k) => Number((van + ((tot - van) * k) / (stappen - 1)).toPrecision(12)));
      }
      for (const w of waarden) {
        if ((reg.min !== null && w < reg.min) || (reg.max !== null && w > reg.max))
          fail(label, `${where}.waarden`, `${w} is outside the allowed range of ${reg.parameter_id}`);
      }
      if (sweep.some((x) => x.parameter === reg.parameter_id)) fail(label, `${where}.parameter`, `${reg.parameter_id} is swept twice`);
      sweep.push({ parameter: reg.parameter_id, waarden });
    }
  }
  // the size of the whole run, before any of it starts
  const points = sweep.reduce((n, a) => n * a.waarden.length, 1);
  if (points > RUN_LIMITS.gridPoints)
    fail(
      label,
      "sweep",
      `at most ${RUN_LIMITS.gridPoints.toLocaleString("en-GB")} grid points in one run, found ${points.toLocaleString("en-GB")}; run the sweep in parts (split an axis's values over several scenario files)`,
    );
  const draws = trekkingen ?? Number(scenario.overrides.find((o) => o.parameter_id === "verhaal.mc_trekkingen")?.waarde ?? 1000);
  if (draws * points > RUN_LIMITS.drawsTimesPoints)
    fail(
      label,
      "sweep",
      `draws x grid points at most ${RUN_LIMITS.drawsTimesPoints.toLocaleString("en-GB")}, found ${draws.toLocaleString("en-GB")} x ${points.toLocaleString("en-GB")}; use fewer draws, or run the sweep in parts`,
    );
  return { scenario, jaar, gemeente, trekkingen, seed, sweep };
}

/** The grid: every combination of the sweep values (one point without a sweep). */
export function gridPoints(sweep: SweepAxis[]): Record<string, number>[] {
  let points: Record<string, number>[] = [{}];
  for (const axis of sweep) points = points.flatMap((p) => axis.waarden.map((w) => ({ ...p, [axis.parameter]: w })));
  return points;
}
