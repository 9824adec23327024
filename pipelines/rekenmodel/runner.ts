import { alleen } from "../../engine/engine.js";
import { select } from "../../engine/graph.js";
import { UsageError } from "../lib/errors.ts";
import { parseScenario } from "../params/scenario.ts";
import { type ModelSession, sessieVoor } from "../warehouse/session.ts";

export interface RekenmodelOptions {
  year: number;
  draws?: number;
  seed?: number;
  sobolN?: number;
  afkoopsom?: number;
  scenario?: unknown;
  scenarioLabel?: string;
  dbPath?: string;
  /** An open session to run on (its warehouse is then the one read), left open: runs one after another re-run only
   * what changes (engine/actueel.js). */
  session?: ModelSession;
}

/** The tables the answer is read from: the models they are made from are all that runs. */
const GELEZEN = [
  "rekenmodel_invoer",
  "mc_instellingen",
  "rekenmodel_schadelast",
  "rekenmodel_toereikendheid",
  "rekenmodel_montecarlo",
  "rekenmodel_levensverwachting",
  "rekenmodel_sobol",
  "rm_vector_totalen",
  "rekenmodel_tornado",
  "rekenmodel_kasstromen",
];

/** Runs the Rekenmodel Wlz (deterministic, Monte Carlo, tornado) for one accident year, in memory. */
export async function rekenmodel(o: RekenmodelOptions) {
  const { s, sluit } = await sessieVoor(o);
  try {
    const scenario = o.scenario === undefined ? null : parseScenario(o.scenario, await s.registry(), o.scenarioLabel);
    // only what the answer is read from: first everything but the Monte Carlo (the grid included: it reads only the
    // year), then the Monte Carlo once, with the draws and seed asked for
    const nodig = new Set(select(s.graaf, { upstreamOf: GELEZEN }).map((m) => m.name));
    const inMc = new Set(select(s.graaf, { downstreamOf: ["mc_instellingen"] }).map((m) => m.name));
    await s.runFor(
      [...nodig].filter((n) => !inMc.has(n)),
      scenario?.overrides ?? [],
    );
    const years = (await s.all("SELECT jaar FROM rekenmodel_invoer GROUP BY jaar ORDER BY jaar")).map((r) => Number(r.jaar));
    if (!years.includes(o.year)) throw new UsageError(`--year: the Rekenmodel covers the convenant years ${years.join(", ")}, not ${o.year}`);
    const [settings] = await s.all("SELECT jaar, trekkingen, seed, sobol_n FROM mc_instellingen");
    const draws = o.draws ?? Number(settings.trekkingen);
    const seed = o.seed ?? Number(settings.seed);
    const sobolN = o.sobolN ?? Number(settings.sobol_n);
    await s.exec(
      "CREATE OR REPLACE TABLE mc_instellingen AS SELECT $1::INTEGER AS jaar, $2::INTEGER AS trekkingen, $3::BIGINT AS seed, $4::INTEGER AS sobol_n",
      [o.year, draws, seed, sobolN],
    );
    const t0 = performance.now();
    // another year has its own grid (its life table); the same year reuses the grid
    const anderJaar = Number(settings.jaar) !== o.year;
    if (anderJaar) await s.exec("CREATE OR REPLACE TABLE mc_jaar AS SELECT $1::INTEGER AS jaar", [o.year]);
    const mc = alleen(select(s.graaf, { downstreamOf: anderJaar ? ["mc_instellingen", "mc_jaar"] : ["mc_instellingen"], tags: ["rekenmodel"] }));
    await s.runSome((n) => nodig.has(n) && mc(n));
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
    sluit();
  }
}
