/**
 * `afkoop scenario run`: a whole scenario — registry overrides, optionally a sweep of one or two parameters over a
 * grid, Monte Carlo draws and seed — evaluated for every municipality (or one), nationally and for the Wlz side.
 * Writes Parquet, CSV and XLSX results plus a manifest (parameters, seed, input hashes, code version) into a
 * directory that appears only when everything succeeded: a failed run leaves nothing half-finished.
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
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { sheetCell } from "../../engine/export.js";
import { RUN_LIMITS } from "../load/limits.ts";
import { UsageError } from "../lib/errors.ts";
import { parseScenario, type Override, type RegistryEntry, type Scenario } from "../params/scenario.ts";
import { codeVersion, runPipeline } from "../warehouse/build.ts";
import { DEFAULT_DB } from "../warehouse/paths.ts";
import { withWarehouse, type Row } from "../warehouse/query.ts";
import { ModelSession } from "../warehouse/session.ts";
import { EIGEN_CODE, checkYear, setComparison } from "./gemeente.ts";
import { alleen } from "../../engine/engine.js";
import { modellenVoorVergelijking } from "../../engine/vergelijking.js";

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

export interface ScenarioRunResult {
  outDir: string;
  points: number;
  files: { name: string; rows: number; sha256: string }[];
  millis: number;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** What the manifest of a results directory says of its maker: the mark of a directory this tool may replace. */
export const MAKER = "afkoop scenario run";

/**
 * Where results may go, checked before any work starts: a directory that does not exist yet; or, with force, one that
 * an earlier run of this command made (its manifest says so) and that holds nothing but that run's files. Anything
 * else (a file, the user's own directory, '.', '/') is refused: the tool never removes what it did not create.
 */
export function checkOutDir(outDir: string, force: boolean): "nieuw" | "vervangen" {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(outDir);
  } catch {
    return "nieuw";
  }
  const refuse = (why: string) => new UsageError(`--out ${outDir}: ${why}; results go into a new directory. Nothing was changed.`);
  if (!st.isDirectory() || st.isSymbolicLink()) throw refuse("exists and is not a directory");
  let manifest: { gemaakt_door?: unknown; bestanden?: { name: string }[] } | null = null;
  try {
    manifest = JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8"));
  } catch {
    manifest = null;
  }
  if (!manifest || manifest.gemaakt_door !== MAKER) throw refuse(`exists and was not made by ${MAKER}`);
  const ours = new Set(["manifest.json", ...(manifest.bestanden ?? []).map((f) => f.name)]);
  const foreign = readdirSync(outDir).filter((f) => !ours.has(f));
  if (foreign.length) throw refuse(`holds files an earlier run did not make (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", …" : ""})`);
  if (!force) throw new UsageError(`--out ${outDir}: holds the results of an earlier run; add --force to replace them. Nothing was changed.`);
  return "vervangen";
}

export async function runScenario(o: {
  file: string;
  outDir?: string;
  force?: boolean;
  dbPath?: string;
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
  const db = resolve(o.dbPath ?? DEFAULT_DB);
  if (!existsSync(db)) await runPipeline({ dbPath: db });
  const s = await ModelSession.open(db);
  const tmp = `${outDir}.tmp-${process.pid}`;
  try {
    const plan = planScenario(json, await s.registry(), o.file);
    const points = gridPoints(plan.sweep);
    await s.runSome(alleen(modellenVoorVergelijking(s.graaf)), plan.scenario.overrides);
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
    const axes = plan.sweep.map((a) => a.parameter);
    const axisCols = (p: Record<string, number>) => axes.map((a, i) => `${p[a]}::DOUBLE AS sweep_${i + 1}`).join(", ");
    const gemeenteFilter = code ? `AND g.gemeentecode = ${sqlString(code)}` : "AND NOT g.eigen";
    for (const [i, p] of points.entries()) {
      const overrides: Override[] = [
        ...plan.scenario.overrides.filter((x) => !(x.parameter_id in p)),
        // a swept parameter is fixed at its grid value, also in the Monte Carlo (laag = hoog)
        ...Object.entries(p).map(([id, w]) => ({ parameter_id: id, vanaf_jaar: null, waarde: String(w), laag: w, hoog: w, toelichting: "sweep" })),
      ];
      if (i > 0 || points.length > 1) await s.runSome(alleen(modellenVoorVergelijking(s.graaf)), overrides);
      await setComparison(s, { jaar, trekkingen: plan.trekkingen ?? undefined, seed: plan.seed ?? undefined, eigen });
      const prefix = `${i + 1} AS punt${axes.length ? ", " + axisCols(p) : ""}`;
      const into = (t: string) => (i === 0 ? `CREATE OR REPLACE TABLE ${t} AS` : `INSERT INTO ${t}`);
      await s.exec(
        `${into("sr_gemeenten")} SELECT ${prefix}, g.* EXCLUDE (eigen) FROM vergelijking_wmo_resultaat g WHERE g.jaar = ${jaar} ${gemeenteFilter} ORDER BY g.gemeentecode`,
      );
      await s.exec(`${into("sr_nationaal")} SELECT ${prefix}, * FROM vergelijking_wmo_nationaal WHERE jaar = ${jaar}`);
      await s.exec(`${into("sr_wlz")} SELECT ${prefix}, * FROM vergelijking_wlz_uitvoerder`);
      o.onProgress?.(i + 1, points.length);
    }
    const [mc] = await s.all("SELECT * FROM vg_mc_instellingen");

    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const files: ScenarioRunResult["files"] = [];
    for (const [table, name] of [
      ["sr_gemeenten", "gemeenten"],
      ["sr_nationaal", "nationaal"],
      ["sr_wlz", "wlz"],
    ] as const) {
      await s.exec(`COPY (SELECT * FROM ${table} ORDER BY ALL) TO ${sqlString(join(tmp, name + ".parquet"))} (FORMAT parquet)`);
      // CSV: text cells neutralised against formula injection, as in the XLSX and the site's downloads
      const cols = await s.all(`SELECT column_name AS c, data_type AS t FROM duckdb_columns() WHERE table_name = '${table}' ORDER BY column_index`);
      const list = cols
        .map((x) =>
          String(x.t) === "VARCHAR" ? `CASE WHEN regexp_matches("${x.c}", '^[=+@\t\r-]') THEN chr(39) || "${x.c}" ELSE "${x.c}" END AS "${x.c}"` : `"${x.c}"`,
        )
        .join(", ");
      await s.exec(`COPY (SELECT ${list} FROM ${table} ORDER BY ALL) TO ${sqlString(join(tmp, name + ".csv"))} (FORMAT csv, HEADER true)`);
      const rows = await s.all(`SELECT * FROM ${table} ORDER BY ALL`);
      await writeXlsx(join(tmp, name + ".xlsx"), name, rows);
      for (const ext of ["parquet", "csv", "xlsx"]) files.push({ name: `${name}.${ext}`, rows: rows.length, sha256: sha256File(join(tmp, `${name}.${ext}`)) });
    }
    const inputs = await withWarehouse({ dbPath: db }, (r) => r.all("SELECT tabel, bestand, herkomst, sha256 FROM run_inputs ORDER BY tabel"));
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
    // swap in: the previous results (an earlier run's, checked again now) stay until the new ones are complete
    mkdirSync(dirname(outDir), { recursive: true });
    const old = `${outDir}.old-${process.pid}`;
    if (checkOutDir(outDir, o.force ?? false) === "vervangen") renameSync(outDir, old);
    renameSync(tmp, outDir);
    rmSync(old, { recursive: true, force: true });
    return { outDir, points: points.length, files, millis: performance.now() - t0 };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    s.close();
  }
}

function sha256File(p: string) {
  return createHash("sha256").update(readFileSync(p)).digest("hex");
}

/** Spreadsheet export; text cells are neutralised against formula injection as in the site's downloads. */
async function writeXlsx(path: string, sheet: string, rows: Row[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  const cols = rows.length ? Object.keys(rows[0]) : [];
  ws.addRow(cols);
  // the cells as the site's downloads write them (engine/export.js); exceljs streams the file, for sweeps of any size
  for (const r of rows) ws.addRow(cols.map((c) => (r[c] === null || r[c] === undefined ? null : sheetCell(r[c]))));
  await wb.xlsx.writeFile(path);
}
