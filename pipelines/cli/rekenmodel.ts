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
import { RUN_LIMITS } from "../load/limits.ts";
import { readJsonFile } from "../lib/json.ts";

export interface RekenmodelOptions {
  year: number;
  draws?: number;
  seed?: number;
  sobolN?: number;
  afkoopsom?: number;
  scenario?: unknown;
  scenarioLabel?: string;
  dbPath?: string;
}

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
    const [settings] = await s.all("SELECT trekkingen, seed, sobol_n FROM mc_instellingen");
    const draws = o.draws ?? Number(settings.trekkingen);
    const seed = o.seed ?? Number(settings.seed);
    const sobolN = o.sobolN ?? Number(settings.sobol_n);
    await s.exec(
      "CREATE OR REPLACE TABLE mc_instellingen AS SELECT $1::INTEGER AS jaar, $2::INTEGER AS trekkingen, $3::BIGINT AS seed, $4::INTEGER AS sobol_n",
      [o.year, draws, seed, sobolN],
    );
    const t0 = performance.now();
    await s.runOne("rekenmodel/montecarlo.sql");
    const mcMillis = performance.now() - t0;
    const groepen = await s.all(
      "SELECT groep, instroom, kosten_per_jaar, sterftefactor_man, sterftefactor_vrouw, contante_waarde_per_persoon, schadelast_100pct, draagvlak, schadelast FROM rekenmodel_schadelast WHERE jaar = $1 ORDER BY groep",
      [o.year],
    );
    const [toereikendheid] = await s.all("SELECT afkoopsom_definitief, schadelast, verhouding FROM rekenmodel_toereikendheid WHERE jaar = $1", [o.year]);
    const [montecarlo] = await s.all("SELECT * FROM rekenmodel_montecarlo WHERE jaar = $1", [o.year]);
    // the headline: the afkoopsom that would be adequate (damage x draagvlak), with its 90% interval
    const benodigde_afkoopsom = {
      p05: Number(montecarlo.schadelast_p05),
      p50: Number(montecarlo.schadelast_p50),
      p95: Number(montecarlo.schadelast_p95),
      basis: Number(toereikendheid.schadelast),
    };
    const levensverwachting = await s.all(
      "SELECT groep, leeftijd, ratio_bron, ratio_model FROM rekenmodel_levensverwachting WHERE jaar = $1 ORDER BY groep, leeftijd",
      [o.year],
    );
    const sobol = await s.all("SELECT parameter_id, eerste_orde, totaal FROM rekenmodel_sobol WHERE jaar = $1 ORDER BY rang", [o.year]);
    // a sum the user gives: its ratio to the modelled damage and the share of draws in which it falls short
    const [gegeven] =
      o.afkoopsom === undefined
        ? [undefined]
        : await s.all(
            `SELECT $2::DOUBLE AS afkoopsom, $2::DOUBLE / $3::DOUBLE AS verhouding, count(*) FILTER (schadelast > $2::DOUBLE) / count(*) AS kans_tekort
       FROM rm_vector_totalen WHERE jaar = $1 AND soort = 'mc'`,
            [o.year, o.afkoopsom, benodigde_afkoopsom.basis],
          );
    const tornado = await s.all(
      "SELECT parameter_id, waarde, laag, hoog, schadelast_bij_laag, schadelast_bij_hoog, elasticiteit FROM rekenmodel_tornado WHERE jaar = $1 ORDER BY bereik DESC",
      [o.year],
    );
    const kasstromen = await s.all(
      "SELECT kalenderjaar, sum(kosten_nominaal) AS kosten_nominaal, sum(kosten_contant) AS kosten_contant FROM rekenmodel_kasstromen WHERE jaar = $1 GROUP BY kalenderjaar ORDER BY kalenderjaar",
      [o.year],
    );
    return {
      year: o.year,
      scenario: scenario?.naam ?? null,
      benodigde_afkoopsom,
      afkoopsom_gegeven: gegeven ?? null,
      groepen,
      levensverwachting,
      toereikendheid,
      montecarlo: { ...montecarlo, millis: Math.round(mcMillis) } as Record<string, unknown> & { millis: number },
      sobol,
      tornado,
      kasstromen,
    };
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
    ["--sobol N", "Draws per matrix of the Sobol design, N (d + 2) evaluations; 0 skips it (default: rekenmodel.sobol_n)"],
    ["--afkoopsom EUR", "A buy-off sum to set against the model (the Wlz sums are not public): its ratio and the chance it falls short"],
    ["--db FILE", "Warehouse to start from (default warehouse/afkoop.duckdb)"],
    ["--json", "Print the result as JSON"],
  ],
  options: {
    year: { type: "string" },
    scenario: { type: "string" },
    draws: { type: "string" },
    seed: { type: "string" },
    sobol: { type: "string" },
    afkoopsom: { type: "string" },
    db: { type: "string" },
    json: { type: "boolean" },
  },
  async run(v) {
    const scenario = v.scenario ? readJsonFile(String(v.scenario)) : undefined;
    const r = await rekenmodel({
      year: yearOption(v.year, 2024),
      draws: wholeNumber("draws", v.draws, 1, {
        value: RUN_LIMITS.rekenmodelDraws,
        hint: "more draws narrow the interval little; run several seeds and pool them",
      }),
      seed: wholeNumber("seed", v.seed, 0),
      sobolN: wholeNumber("sobol", v.sobol, 0, { value: RUN_LIMITS.sobolN, hint: "the estimates' error shrinks as 1 / sqrt(N)" }),
      afkoopsom: wholeNumber("afkoopsom", v.afkoopsom, 0),
      scenario,
      scenarioLabel: v.scenario as string,
      dbPath: v.db as string,
    });
    if (v.json) {
      console.log(JSON.stringify(r, null, 2));
      return 0;
    }
    console.log(`Rekenmodel Wlz, accidents of ${r.year}${r.scenario ? ` (scenario: ${r.scenario})` : ""}`);
    console.log("Most inputs are assumptions with a range (see the registry); read the results as orders of magnitude.\n");
    console.log(
      table(
        r.groepen.map((g) => ({
          ...g,
          instroom: num(g.instroom, 2),
          kosten_per_jaar: euro(g.kosten_per_jaar),
          sterfte: `${num(g.sterftefactor_man, 2)} / ${num(g.sterftefactor_vrouw, 2)}`,
          cw: euro(g.contante_waarde_per_persoon),
          schadelast: euro(g.schadelast),
        })),
        [
          { key: "groep", label: "group" },
          { key: "instroom", label: "inflow / yr", align: "right" },
          { key: "kosten_per_jaar", label: "cost / person / yr", align: "right" },
          { key: "sterfte", label: "mortality x (m/f)", align: "right" },
          { key: "cw", label: "PV / person", align: "right" },
          { key: "schadelast", label: "damage (draagvlak)", align: "right" },
        ],
      ),
    );
    const m = r.montecarlo;
    const b = r.benodigde_afkoopsom;
    console.log(
      `\nThe afkoopsom that would be adequate (damage x draagvlak): ${euro(b.basis)} at the base values; Monte Carlo (${m.trekkingen} draws, seed ${m.seed}, ${m.millis} ms) median ${euro(b.p50)}, 90% interval ${euro(b.p05)} – ${euro(b.p95)}`,
    );
    console.log(
      `Driven most by (total Sobol index): ${r.sobol
        .slice(0, 3)
        .map((x) => `${x.parameter_id} ${num(x.totaal, 2)}`)
        .join(", ")}`,
    );
    if (r.afkoopsom_gegeven) {
      const g = r.afkoopsom_gegeven;
      console.log(
        `A sum of ${euro(g.afkoopsom)} is ${num(g.verhouding, 2)} times the modelled damage; it falls short in ${num(Number(g.kans_tekort) * 100, 1)}% of the draws`,
      );
    } else console.log("The Wlz afkoopsom is not public: give one with --afkoopsom EUR to set it against the model.");
    console.log("\nLife expectancy after a high spinal-cord injury, as a share of that without (source against model):");
    console.log(
      table(
        r.levensverwachting.map((x) => ({ ...x, ratio_bron: num(x.ratio_bron, 3), ratio_model: num(x.ratio_model, 3) })),
        [
          { key: "groep", label: "group" },
          { key: "leeftijd", label: "age at injury", align: "right" },
          { key: "ratio_bron", label: "source", align: "right" },
          { key: "ratio_model", label: "model", align: "right" },
        ],
      ),
    );
    console.log("\nTornado (damage with each parameter at the ends of its range):");
    console.log(
      table(
        r.tornado.slice(0, 12).map((x) => ({ ...x, laag: euro(x.schadelast_bij_laag), hoog: euro(x.schadelast_bij_hoog), e: num(x.elasticiteit, 3) })),
        [
          { key: "parameter_id", label: "parameter" },
          { key: "laag", label: "at low", align: "right" },
          { key: "hoog", label: "at high", align: "right" },
          { key: "e", label: "elasticity", align: "right" },
        ],
      ),
    );
    return 0;
  },
};
