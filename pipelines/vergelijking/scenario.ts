/**
 * `afkoop scenario run`: a whole scenario — registry overrides, optionally a sweep of one or two parameters over a
 * grid, Monte Carlo draws and seed — evaluated for every municipality (or one), nationally and for the Wlz side.
 * Writes Parquet, CSV and XLSX results plus a manifest (parameters, seed, input hashes, code version) into a
 * directory that appears only when everything succeeded: a failed run leaves nothing half-finished.
 * Plan (scenario-plan.ts), run (here) and export (scenario-export.ts).
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
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { sqlTekst } from "../../engine/sql.js";
import { modellenVoorVergelijking, sweepInEenDoorgang } from "../../engine/vergelijking.js";
import { UsageError } from "../lib/errors.ts";
import type { Override } from "../params/scenario.ts";
import { codeVersion } from "../warehouse/build.ts";
import { withWarehouse } from "../warehouse/query.ts";
import { type ModelSession, sessieVoor } from "../warehouse/session.ts";
import { EIGEN_CODE, checkYear, setComparison } from "./gemeente.ts";
import { checkOutDir, MAKER, swapIn, writeResultFiles } from "./scenario-export.ts";
import { gridPoints, planScenario } from "./scenario-plan.ts";

export { checkOutDir, MAKER } from "./scenario-export.ts";
export { gridPoints, planScenario, type ScenarioPlan, type SweepAxis } from "./scenario-plan.ts";

/**
 * Draws x municipalities x grid points evaluated at once in a one-pass sweep: each is one value in the Monte Carlo's
 * quantile states. Measured (`npm run bench`, the 20 x 20 sweep at 1,000 draws: two chunks of this size): a peak of
 * 2.0 to 2.6 GiB for the whole process, under the 4 GiB bound.
 */
const SWEEP_CHUNK_CELLS = 75_000_000;

export interface ScenarioRunResult {
  outDir: string;
  points: number;
  files: { name: string; rows: number; sha256: string }[];
  millis: number;
}

export async function runScenario(o: {
  file: string;
  outDir?: string;
  force?: boolean;
  dbPath?: string;
  /** An open session to run on (its warehouse is then the one read): scenarios run one after another in one process
   * re-run only what their parameters change (the session's bookkeeping, engine/actueel.js). Left open. */
  session?: ModelSession;
  onProgress?: (done: number, total: number) => void;
}): Promise<ScenarioRunResult> {
  const t0 = performance.now();
  const outDir = resolve(o.outDir ?? join("scenario-resultaten", basename(o.file).replace(/\.json$/i, "")));
  checkOutDir(outDir, o.force ?? false);
  const text = (() => {
    try {
      return readFileSync(o.file, "utf8");
    } catch (e) {
      throw new UsageError(`${o.file}: cannot read (${(e as Error).message})`);
    }
  })();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${o.file}: not valid JSON (${(e as Error).message})`);
  }
  const { s, sluit } = await sessieVoor(o);
  const tmp = `${outDir}.tmp-${process.pid}`;
  try {
    const plan = planScenario(json, await s.registry(), o.file);
    const points = gridPoints(plan.sweep);
    const axes = plan.sweep.map((a) => a.parameter);
    const eenDoorgang = sweepInEenDoorgang(s.graaf, axes);
    /** A point's overrides: a swept parameter fixed at its grid value, also in the Monte Carlo (laag = hoog). */
    const overridesVan = (p: Record<string, number>): Override[] => [
      ...plan.scenario.overrides.filter((x) => !(x.parameter_id in p)),
      ...Object.entries(p).map(([id, w]) => ({ parameter_id: id, vanaf_jaar: null, waarde: String(w), laag: w, hoog: w, toelichting: "sweep" })),
    ];
    // what the comparison stands on, once, with the scenario's overrides (in one pass not those of the swept
    // parameters: every point sets its own values in the vectors)
    const voor = modellenVoorVergelijking(s.graaf).map((m) => m.name);
    await s.runFor(voor, eenDoorgang ? plan.scenario.overrides.filter((x) => !axes.includes(x.parameter_id)) : plan.scenario.overrides);
    const [defaults] = await s.all("SELECT * FROM vg_mc_instellingen");
    const jaar = plan.jaar ?? Number(defaults.jaar);
    await checkYear(s, jaar, `${o.file}: jaar`);
    let code: string | null = null;
    let eigen: { code: string; naam: string; inwoners: number }[] = [];
    if (plan.gemeente) {
      if (plan.gemeente.code) {
        const [g] = await s.all("SELECT gemeentenaam FROM stg_gemeenten WHERE gemeentecode = $1", [plan.gemeente.code]);
        if (!g) throw new UsageError(`${o.file}: gemeente: no municipality ${plan.gemeente.code} in the shipped list`);
        code = plan.gemeente.code;
        if (plan.gemeente.inwoners)
          eigen = [
            { code: EIGEN_CODE, naam: plan.gemeente.naam ?? `${g.gemeentenaam} met ${plan.gemeente.inwoners} inwoners`, inwoners: plan.gemeente.inwoners },
          ];
      } else eigen = [{ code: EIGEN_CODE, naam: plan.gemeente.naam ?? `gemeente met ${plan.gemeente.inwoners} inwoners`, inwoners: plan.gemeente.inwoners! }];
      if (eigen.length) code = EIGEN_CODE;
    }
    const vraag = { jaar, trekkingen: plan.trekkingen ?? undefined, seed: plan.seed ?? undefined, eigen };
    const gemeenteFilter = code ? `AND g.gemeentecode = ${sqlTekst(code)}` : "AND NOT g.eigen";
    // the results of the grid points now in the tables (vg_*, one row per point), with their swept values (vg_sweep)
    const sweepCols = axes.map((_, i) => `, a.sweep_${i + 1}`).join("");
    const swept = axes.length
      ? ` JOIN (SELECT punt${axes.map((a, i) => `, max(waarde) FILTER (parameter_id = ${sqlTekst(a)}) AS sweep_${i + 1}`).join("")} FROM vg_sweep GROUP BY punt) a USING (punt)`
      : "";
    const collect = async (eerste: boolean) => {
      const into = (t: string) => (eerste ? `CREATE OR REPLACE TABLE ${t} AS` : `INSERT INTO ${t}`);
      const from = (table: string, zonder = "") => `SELECT g.punt${sweepCols}, g.* EXCLUDE (punt${zonder}) FROM ${table} g${swept}`;
      await s.exec(`${into("sr_gemeenten")} ${from("vg_wmo_resultaat", ", eigen")} WHERE g.jaar = ${jaar} ${gemeenteFilter}`);
      await s.exec(`${into("sr_nationaal")} ${from("vg_wmo_nationaal")} WHERE g.jaar = ${jaar}`);
      await s.exec(`${into("sr_wlz")} ${from("vg_wlz_uitvoerder")}`);
    };
    if (eenDoorgang) {
      // one pass: the swept parameters are the comparison's own (verhaal.*, read only through its vectors), so every
      // grid point is one more value of the punt column (vg_sweep), in chunks that bound the Monte Carlo's memory
      // every municipality is evaluated, as a run of one point does (the national comparison needs them all)
      const [{ n }] = await s.all("SELECT count(*) AS n FROM stg_gemeenten");
      const perChunk = Math.max(1, Math.floor(SWEEP_CHUNK_CELLS / ((plan.trekkingen ?? Number(defaults.trekkingen)) * (Number(n) + eigen.length))));
      for (let i = 0; i < points.length; i += perChunk) {
        const punten = points.slice(i, i + perChunk).map((waarden, k) => ({ punt: i + k + 1, waarden }));
        await setComparison(s, { ...vraag, punten: axes.length ? punten : [] });
        await collect(i === 0);
        o.onProgress?.(Math.min(points.length, i + perChunk), points.length);
      }
    } else {
      // point by point: each point re-runs only what its swept parameters touch (the session knows what is stale)
      for (const [i, p] of points.entries()) {
        await s.runFor(voor, overridesVan(p));
        // the point's number and values go into vg_sweep too, which names the point (its values are the overrides')
        await setComparison(s, { ...vraag, punten: [{ punt: i + 1, waarden: p }] });
        await collect(i === 0);
        o.onProgress?.(i + 1, points.length);
      }
    }
    const [mc] = await s.all("SELECT * FROM vg_mc_instellingen");

    const files = await writeResultFiles(s, tmp);
    const inputs = await withWarehouse({ dbPath: s.warehouse }, (r) => r.all("SELECT tabel, bestand, herkomst, sha256 FROM run_inputs ORDER BY tabel"));
    const [engine] = await s.all("SELECT version() AS v");
    const manifest = {
      gemaakt_door: MAKER,
      scenario: plan.scenario.naam,
      scenario_bestand: o.file,
      scenario_sha256: createHash("sha256").update(text).digest("hex"),
      parameters: plan.scenario.overrides,
      jaar,
      gemeente: code ?? "alle",
      montecarlo: { trekkingen: Number(mc.trekkingen), seed: Number(mc.seed) },
      sweep: plan.sweep,
      punten: points.length,
      sweep_kolommen: Object.fromEntries(axes.map((a, i) => [`sweep_${i + 1}`, a])),
      code_versie: codeVersion(),
      duckdb_versie: engine.v,
      node_versie: process.version,
      invoer: inputs,
      bestanden: files,
      synthetisch_claimregister: inputs.some((x) => x.tabel === "stg_verhaal_claims" && x.herkomst === "shipped"),
      opmerking: "De meeste verhaalparameters zijn aannames met een bandbreedte (register verhaal.*); het meegeleverde claimregister is synthetisch.",
    };
    writeFileSync(join(tmp, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    swapIn(outDir, tmp, o.force ?? false);
    return { outDir, points: points.length, files, millis: performance.now() - t0 };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    sluit();
  }
}
