import { UsageError } from "../lib/errors.ts";
import { withWarehouse } from "../warehouse/query.ts";
import { amountIn, euro, num, table } from "./format.ts";
import type { Command } from "./main.ts";
import { idsOf, parameterSources, sourceLines } from "./sources.ts";

export function yearOption(v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d{4}$/.test(String(v))) throw new UsageError(`--year: expected a year such as 2015, found "${String(v)}"`);
  return Number(v);
}

/** The tables this command reads: with a scenario only the models they are made from re-run (withWarehouse). */
const WMO_TABELLEN = ["wmo_afkoopsom_stappen", "wmo_afkoopsom", "wmo_bedrag_per_inwoner", "wmo_heronderhandeling", "mart_controles", "int_parameters_per_jaar"];
export const wmoCommand: Command = {
  name: "wmo",
  summary: "The Wmo afkoopsom of a year, step by step with inputs and sources (VNG–Verbond agreement)",
  usage: "afkoop wmo [--year Y] [--scenario FILE] [--data DIR] [--db FILE] [--json]",
  help: [
    ["--year Y", "Year 2015-2018 (default 2015)"],
    ["--scenario FILE", "JSON file overriding registry parameters"],
    ["--data DIR", "Your own data directory (see afkoop pipeline --help)"],
    ["--db FILE", "Warehouse to read (default warehouse/afkoop.duckdb)"],
    ["--json", "Print the result as JSON"],
  ],
  options: { year: { type: "string" }, scenario: { type: "string" }, data: { type: "string" }, db: { type: "string" }, json: { type: "boolean" } },
  async run(v) {
    const year = yearOption(v.year, 2015);
    const out = await withWarehouse(
      { scenarioPath: v.scenario as string, dataDir: v.data as string, dbPath: v.db as string },
      async (r) => {
        const steps = await r.all(
          "SELECT stap, omschrijving, formule, bedrag, eenheid, parameters, artikel FROM wmo_afkoopsom_stappen WHERE jaar = $1 ORDER BY stap",
          [year],
        );
        if (steps.length === 0) {
          const years = (await r.all("SELECT jaar FROM wmo_afkoopsom ORDER BY jaar")).map((x) => x.jaar);
          throw new UsageError(`--year: no Wmo afkoopsom for ${year}; the agreement covers ${years.join(", ")}`);
        }
        const [afkoopsom] = await r.all("SELECT * FROM wmo_afkoopsom WHERE jaar = $1", [year]);
        const [perInwoner] = await r.all("SELECT * FROM wmo_bedrag_per_inwoner WHERE jaar = $1", [year]);
        const [art83] = await r.all("SELECT * FROM wmo_heronderhandeling WHERE jaar = $1", [year]);
        const notParticipating = await r.all("SELECT gemeentecode, gemeentenaam FROM stg_wmo_niet_deelnemend WHERE jaar = $1 ORDER BY gemeentenaam", [year]);
        const checks = await r.all(
          "SELECT controle_id, soort, omschrijving, berekend, verwacht, laag, hoog, geslaagd, bron_id, vindplaats FROM mart_controles WHERE controle_id LIKE 'wmo.%'",
        );
        const ids = [...idsOf(steps), "wmo.kosten_vng", "wmo.drempel_heronderhandeling"];
        const parameters = await parameterSources(r, ids, year);
        // against what the sources report (Raadsvoorstel Hilversum 2018: 10.5-11 million and 61-64 eurocent a year,
        // 2015-2017): in range, or why not (the insurer participation the reported sum implies)
        const [gerapporteerd] = await r.all(
          `SELECT s.laag AS som_laag, s.hoog AS som_hoog, p.laag AS per_inwoner_laag, p.hoog AS per_inwoner_hoog, s.bron_id, s.vindplaats
         FROM stg_wmo_waarnemingen s, stg_wmo_waarnemingen p
         WHERE s.waarneming_id = 'ontvangsten_2015_2017_per_jaar' AND p.waarneming_id = 'ontvangsten_per_inwoner_2015_2017' AND $1 BETWEEN s.jaar_van AND s.jaar_tot`,
          [year],
        );
        const naGemeenten = Number(steps.find((x) => Number(x.stap) === 7)?.bedrag);
        const som = Number(afkoopsom.afkoopsom);
        const pi = Number(perInwoner.bedrag_per_inwoner);
        const vergelijking = gerapporteerd
          ? {
              bron: "Raadsvoorstel Hilversum 2018, Kanttekeningen 1.1",
              afkoopsom: {
                berekend: som,
                gerapporteerd: [Number(gerapporteerd.som_laag), Number(gerapporteerd.som_hoog)],
                binnen: som >= Number(gerapporteerd.som_laag) && som <= Number(gerapporteerd.som_hoog),
                deelname_verzekeraars_nodig_pct: afkoopsom.grondslag === "berekend" ? (100 * Number(gerapporteerd.som_laag)) / naGemeenten : null,
              },
              bedrag_per_inwoner: {
                berekend: pi,
                eurocent: Math.round(pi * 100),
                gerapporteerd: [Number(gerapporteerd.per_inwoner_laag), Number(gerapporteerd.per_inwoner_hoog)],
                binnen:
                  Math.round(pi * 100) >= Math.round(100 * Number(gerapporteerd.per_inwoner_laag)) &&
                  Math.round(pi * 100) <= Math.round(100 * Number(gerapporteerd.per_inwoner_hoog)),
              },
            }
          : null;
        return { year, steps, afkoopsom, bedrag_per_inwoner: pi, perInwoner, gerapporteerd: vergelijking, art83, notParticipating, checks, parameters };
      },
      WMO_TABELLEN,
    );
    if (v.json) {
      console.log(JSON.stringify(out, null, 2));
      return 0;
    }
    const a = out.afkoopsom;
    console.log(`Wmo afkoopsom ${year} (VNG–Verbond agreement, art. 3 and Bijlage 1)\n`);
    const steps = out.steps.map((s) => ({ ...s, bedrag: amountIn(s.eenheid, s.bedrag) }));
    console.log(
      table(steps, [
        { key: "stap", label: "step", align: "right" },
        { key: "omschrijving", label: "description" },
        { key: "formule", label: "rule" },
        { key: "bedrag", label: "amount", align: "right" },
        { key: "artikel", label: "article" },
      ]),
    );
    console.log("");
    console.log(`Afkoopsom ${year}: ${euro(a.afkoopsom)} (${a.grondslag === "gepubliceerd" ? `published definitive figure, ${a.bron_id}` : "calculated"})`);
    if (a.grondslag === "gepubliceerd")
      console.log(
        `  the calculation would give ${euro(a.afkoopsom_berekend)}; the published sum implies a combined participation of ${num(a.deelname_gecombineerd_impliciet, 2)}% on the 2015 base`,
      );
    console.log(
      `Art. 5.5: ${euro(out.perInwoner.bedrag_per_inwoner, 4)} per inhabitant after ${num(out.perInwoner.kosten_vng_pct, 2)}% VNG costs (inhabitants on 1 January ${out.perInwoner.inwoners_peiljaar}: ${num(out.perInwoner.inwoners_nederland, 0)})`,
    );
    const g = out.gerapporteerd;
    if (g) {
      console.log(
        `Reported (${g.bron}): ${euro(g.afkoopsom.gerapporteerd[0])} – ${euro(g.afkoopsom.gerapporteerd[1])} a year and ${g.bedrag_per_inwoner.gerapporteerd.map((x) => num(x * 100, 0)).join("–")} eurocent per inhabitant`,
      );
      console.log(`  per inhabitant: ${g.bedrag_per_inwoner.eurocent} eurocent, ${g.bedrag_per_inwoner.binnen ? "within" : "OUTSIDE"} the reported range`);
      if (!g.afkoopsom.binnen && g.afkoopsom.deelname_verzekeraars_nodig_pct !== null)
        console.log(
          `  the sum lies below the reported range: the reported sums imply an insurer participation of at least ${num(g.afkoopsom.deelname_verzekeraars_nodig_pct, 1)}% (the agreement expected at least 95%; Bijlage 2 is not public)`,
        );
    }
    console.log(
      `Art. 8.3: municipal participation ${num(out.art83.deelname_gemeenten, 2)}% ${out.art83.overleg_nodig ? "is BELOW" : "is not below"} ${num(out.art83.drempel, 0)}%`,
    );
    if (out.notParticipating.length) console.log(`Not participating: ${out.notParticipating.map((g) => g.gemeentenaam).join(", ")}`);
    console.log(`\nParameters and sources:\n${sourceLines(out.parameters)}`);
    return 0;
  },
};
