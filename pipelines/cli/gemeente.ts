import { readJsonFile } from "../lib/json.ts";
import { parseScenario } from "../params/scenario.ts";
import { compareMunicipality, type GemeenteAntwoord } from "../vergelijking/gemeente.ts";
import { alleen } from "../../engine/engine.js";
import { modellenVoorVergelijking } from "../../engine/vergelijking.js";
import { euro, num } from "./format.ts";
import type { Command } from "./main.ts";
import { yearOption } from "./wmo.ts";
import { wholeNumber } from "./args.ts";
import { RUN_LIMITS } from "../load/limits.ts";
import { sessieVoor } from "../warehouse/session.ts";

export function printComparison(r: GemeenteAntwoord) {
  const g = r.gemeente;
  const mc = r.montecarlo;
  console.log(`${g.gemeentenaam} (${g.gemeentecode}), ${Number(g.inwoners).toLocaleString("en-GB")} inhabitants, ${g.jaar}`);
  console.log("Most recovery parameters are assumptions with a range (see the registry: verhaal.*).\n");
  console.log("Staying in the buy-off:");
  console.log(
    `  receipts (${g.ontvangst_basis === "overeenkomst" ? "art. 5.5, this year" : "hypothetical: amount per inhabitant of the last agreement year"})  ${euro(g.ontvangst)}`,
  );
  console.log(`  still recoverable from non-participating insurers and uninsured parties     ${euro(g.rest_verhaal_bij_deelname)}`);
  console.log(`  value of staying in                                                          ${euro(g.waarde_blijven)}`);
  console.log("Opting out (individual recovery):");
  console.log(`  cases detected ${num(g.zaken_gemeld, 2)}, successful ${num(g.zaken_geslaagd, 2)} per year`);
  console.log(`  recovered ${euro(g.verhaald_bruto)}, fees ${euro(g.honorarium)}, handling ${euro(g.behandelkosten)}, fixed costs ${euro(g.vaste_kosten)}`);
  console.log(`  value of opting out (recovery lag discounted)                                ${euro(g.waarde_uittreden)}`);
  console.log(`\nAdvantage of opting out: ${euro(g.voordeel_uittreden)} a year, ${euro(g.voordeel_horizon)} over ${g.horizon} years (discounted)`);
  const be = g.breakeven_detectie_pct === null ? null : Number(g.breakeven_detectie_pct);
  console.log(
    `Break-even detection rate: ${be === null ? "none (individual recovery does not cover its costs)" : be > 100 ? `${num(be, 1)}% — above 100%: opting out does not pay at any detection rate` : `${num(be, 1)}%`}`,
  );
  console.log(`Break-even receipts: opting out pays when the buy-off brings in less than ${euro(g.breakeven_ontvangst)} a year`);
  if (mc)
    console.log(
      `Monte Carlo (${mc.trekkingen} draws, seed ${mc.seed}): probability that opting out beats the buy-off ${num(Number(mc.kans_uittreden_beter) * 100, 1)}%; advantage 90% interval ${euro(mc.voordeel_p05)} – ${euro(mc.voordeel_p95)}`,
    );
}

export const gemeenteCommand: Command = {
  name: "gemeente",
  summary: "Bought off versus individual recovery for one municipality: what opting out means",
  usage: "afkoop gemeente --code GMxxxx [--inwoners N] [--year Y] [--scenario FILE] [--draws N] [--seed S] [--json]",
  help: [
    ["--code GMxxxx", "CBS code of a municipality in the shipped list"],
    ["--inwoners N", "Inhabitants: a custom municipality (with --code: that municipality with N inhabitants)"],
    ["--year Y", "Year, 2015-2027 (default 2018; receipts after 2018 are hypothetical)"],
    ["--scenario FILE", "JSON file overriding registry parameters"],
    ["--draws N", "Monte Carlo draws (default: verhaal.mc_trekkingen)"],
    ["--seed S", "Monte Carlo seed (default: verhaal.mc_seed)"],
    ["--db FILE", "Warehouse to start from (default warehouse/afkoop.duckdb)"],
    ["--json", "Print the result as JSON"],
  ],
  options: {
    code: { type: "string" },
    inwoners: { type: "string" },
    year: { type: "string" },
    scenario: { type: "string" },
    draws: { type: "string" },
    seed: { type: "string" },
    db: { type: "string" },
    json: { type: "boolean" },
  },
  async run(v) {
    const jaar = yearOption(v.year, 2018);
    const inwoners = wholeNumber("inwoners", v.inwoners, 1);
    const scenarioJson = v.scenario ? readJsonFile(String(v.scenario)) : undefined;
    const { s, sluit } = await sessieVoor({ dbPath: v.db as string | undefined });
    try {
      const scenario = scenarioJson === undefined ? null : parseScenario(scenarioJson, await s.registry(), String(v.scenario));
      await s.runSome(alleen(modellenVoorVergelijking(s.graaf)), scenario?.overrides ?? []);
      const r = await compareMunicipality(s, {
        code: v.code as string | undefined,
        inwoners,
        jaar,
        trekkingen: wholeNumber("draws", v.draws, 1, { value: RUN_LIMITS.comparisonDraws, hint: "run several seeds and pool them" }),
        seed: wholeNumber("seed", v.seed, 0),
      });
      if (v.json) console.log(JSON.stringify({ scenario: scenario?.naam ?? null, ...r }, null, 2));
      else printComparison(r);
      return 0;
    } finally {
      sluit();
    }
  },
};
