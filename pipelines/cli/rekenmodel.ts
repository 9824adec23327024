import { euro, num, table } from "./format.ts";
import type { Command } from "./main.ts";
import { yearOption } from "./wmo.ts";
import { wholeNumber } from "./args.ts";
import { RUN_LIMITS } from "../load/limits.ts";
import { readJsonFile } from "../lib/json.ts";

import { rekenmodel } from "../rekenmodel/runner.ts";

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
