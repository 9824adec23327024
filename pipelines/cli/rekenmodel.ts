import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../lib/errors.ts";
import { parseScenario } from "../params/scenario.ts";
import { runPipeline } from "../warehouse/build.ts";
import { DEFAULT_DB } from "../warehouse/paths.ts";
import { ModelSession } from "../warehouse/session.ts";
import { euro, num, table } from "./format.ts";
import type { Command } from "./main.ts";
import { yearOption } from "./wmo.ts";
import { wholeNumber } from "./args.ts";
import { readJsonFile } from "../lib/json.ts";

export interface RekenmodelOptions { year: number; draws?: number; seed?: number; scenario?: unknown; scenarioLabel?: string; dbPath?: string }

/** Runs the Rekenmodel Wlz (deterministic, Monte Carlo, tornado) for one accident year, in memory. */
export async function rekenmodel(o: RekenmodelOptions) {
  const db = resolve(o.dbPath ?? DEFAULT_DB);
  if (!existsSync(db)) await runPipeline({ dbPath: db });
  const s = await ModelSession.open(db);
  try {
    const scenario = o.scenario === undefined ? null : parseScenario(o.scenario, await s.registry(), o.scenarioLabel);
    await s.run(scenario?.overrides ?? []);
    const years = (await s.all("SELECT jaar FROM rekenmodel_invoer GROUP BY jaar ORDER BY jaar")).map((r) => Number(r.jaar));
    if (!years.includes(o.year)) throw new UsageError(`--year: the Rekenmodel covers the convenant years ${years.join(", ")}, not ${o.year}`);
    const [settings] = await s.all("SELECT trekkingen, seed FROM mc_instellingen WHERE jaar = $1", [o.year]);
    const draws = o.draws ?? Number(settings.trekkingen);
    const seed = o.seed ?? Number(settings.seed);
    await s.exec("CREATE OR REPLACE TABLE mc_instellingen AS SELECT $1::INTEGER AS jaar, $2::INTEGER AS trekkingen, $3::BIGINT AS seed", [o.year, draws, seed]);
    const t0 = performance.now();
    await s.runOne("rekenmodel/montecarlo.sql");
    const mcMillis = performance.now() - t0;
    const groepen = await s.all("SELECT groep, instroom, kosten_per_jaar, sterftefactor_man, sterftefactor_vrouw, contante_waarde_per_persoon, schadelast_100pct, draagvlak, schadelast FROM rekenmodel_schadelast WHERE jaar = $1 ORDER BY groep", [o.year]);
    const [toereikendheid] = await s.all("SELECT afkoopsom_definitief, schadelast, verhouding FROM rekenmodel_toereikendheid WHERE jaar = $1", [o.year]);
    const [montecarlo] = await s.all("SELECT * FROM rekenmodel_montecarlo WHERE jaar = $1", [o.year]);
    const tornado = await s.all("SELECT parameter_id, waarde, laag, hoog, schadelast_bij_laag, schadelast_bij_hoog, elasticiteit FROM rekenmodel_tornado WHERE jaar = $1 ORDER BY bereik DESC", [o.year]);
    const kasstromen = await s.all("SELECT kalenderjaar, sum(kosten_nominaal) AS kosten_nominaal, sum(kosten_contant) AS kosten_contant FROM rekenmodel_kasstromen WHERE jaar = $1 GROUP BY kalenderjaar ORDER BY kalenderjaar", [o.year]);
    return { year: o.year, scenario: scenario?.naam ?? null, groepen, toereikendheid, montecarlo: { ...montecarlo, millis: Math.round(mcMillis) } as Record<string, unknown> & { millis: number }, tornado, kasstromen };
  } finally {
    s.close();
  }
}

export const rekenmodelCommand: Command = {
  name: "rekenmodel",
  summary: "The Rekenmodel Wlz: expected recoverable damage of a year's accidents (NAH, hoge dwarslaesie), with Monte Carlo and tornado",
  usage: "afkoop rekenmodel [--year Y] [--scenario FILE] [--draws N] [--seed S] [--json]",
  help: [
    ["--year Y", "Accident year, a convenant year 2024-2027 (default 2024)"],
    ["--scenario FILE", "JSON file overriding registry parameters"],
    ["--draws N", "Monte Carlo draws (default: rekenmodel.mc_trekkingen)"],
    ["--seed S", "Seed: the same seed gives the same draws, in Node and in the browser (default: rekenmodel.mc_seed)"],
    ["--db FILE", "Warehouse to start from (default warehouse/afkoop.duckdb)"],
    ["--json", "Print the result as JSON"],
  ],
  options: { year: { type: "string" }, scenario: { type: "string" }, draws: { type: "string" }, seed: { type: "string" }, db: { type: "string" }, json: { type: "boolean" } },
  async run(v) {
    const scenario = v.scenario ? readJsonFile(String(v.scenario)) : undefined;
    const r = await rekenmodel({ year: yearOption(v.year, 2024), draws: wholeNumber("draws", v.draws, 1), seed: wholeNumber("seed", v.seed, 0), scenario, scenarioLabel: v.scenario as string, dbPath: v.db as string });
    if (v.json) { console.log(JSON.stringify(r, null, 2)); return 0; }
    console.log(`Rekenmodel Wlz, accidents of ${r.year}${r.scenario ? ` (scenario: ${r.scenario})` : ""}`);
    console.log("Most inputs are assumptions with a range (see the registry); read the results as orders of magnitude.\n");
    console.log(table(r.groepen.map((g) => ({ ...g, instroom: num(g.instroom, 2), kosten_per_jaar: euro(g.kosten_per_jaar), sterfte: `${num(g.sterftefactor_man, 2)} / ${num(g.sterftefactor_vrouw, 2)}`, cw: euro(g.contante_waarde_per_persoon), schadelast: euro(g.schadelast) })), [
      { key: "groep", label: "group" }, { key: "instroom", label: "inflow / yr", align: "right" }, { key: "kosten_per_jaar", label: "cost / person / yr", align: "right" },
      { key: "sterfte", label: "mortality x (m/f)", align: "right" }, { key: "cw", label: "PV / person", align: "right" }, { key: "schadelast", label: "damage (draagvlak)", align: "right" },
    ]));
    const t = r.toereikendheid;
    console.log(`\nStep C: afkoopsom ${euro(t.afkoopsom_definitief)} against modelled damage ${euro(t.schadelast)}: ratio ${num(t.verhouding, 3)}`);
    const m = r.montecarlo;
    console.log(`Monte Carlo (${m.trekkingen} draws, seed ${m.seed}, ${m.millis} ms): damage median ${euro(m.schadelast_p50)} (90%: ${euro(m.schadelast_p05)} – ${euro(m.schadelast_p95)}); ratio median ${num(m.verhouding_p50, 3)} (90%: ${num(m.verhouding_p05, 3)} – ${num(m.verhouding_p95, 3)}); probability the sum falls short ${num(Number(m.kans_tekort) * 100, 1)}%`);
    console.log("\nTornado (damage with each parameter at the ends of its range):");
    console.log(table(r.tornado.slice(0, 12).map((x) => ({ ...x, laag: euro(x.schadelast_bij_laag), hoog: euro(x.schadelast_bij_hoog), e: num(x.elasticiteit, 3) })), [
      { key: "parameter_id", label: "parameter" }, { key: "laag", label: "at low", align: "right" }, { key: "hoog", label: "at high", align: "right" }, { key: "e", label: "elasticity", align: "right" },
    ]));
    return 0;
  },
};
