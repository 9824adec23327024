import { UsageError } from "../lib/errors.ts";
import { withWarehouse } from "../warehouse/query.ts";
import { euro, num, table } from "./format.ts";
import type { Command } from "./main.ts";
import { idsOf, parameterSources, sourceLines } from "./sources.ts";
import { yearOption } from "./wmo.ts";

/** The tables this command reads: with a scenario only the models they are made from re-run (withWarehouse). */
const WLZ_TABELLEN = ["wlz_afkoopsom_stappen", "wlz_afkoopsom", "wlz_draagvlak", "wlz_nota", "wlz_tijdpad", "int_parameters_per_jaar"];
export const wlzCommand: Command = {
  name: "wlz",
  summary: "The Wlz afkoopsom of a year: steps A-D, provisional and definitive sum, nacalculatie (convenant 2024-2027)",
  usage: "afkoop wlz [--year Y] [--scenario FILE] [--data DIR] [--db FILE] [--json]",
  help: [
    ["--year Y", "Year 2024-2027 (default 2024)"],
    ["--scenario FILE", "JSON file overriding registry parameters"],
    ["--data DIR", "Your own data directory (see afkoop pipeline --help)"],
    ["--db FILE", "Warehouse to read (default warehouse/afkoop.duckdb)"],
    ["--json", "Print the result as JSON"],
  ],
  options: { year: { type: "string" }, scenario: { type: "string" }, data: { type: "string" }, db: { type: "string" }, json: { type: "boolean" } },
  async run(v) {
    const year = yearOption(v.year, 2024);
    const out = await withWarehouse(
      { scenarioPath: v.scenario as string, dataDir: v.data as string, dbPath: v.db as string },
      async (r) => {
        const steps = await r.all(
          "SELECT stand, volgnummer, stap, omschrijving, bedrag, parameters, artikel FROM wlz_afkoopsom_stappen WHERE jaar = $1 ORDER BY stand DESC, volgnummer",
          [year],
        );
        if (steps.length === 0) {
          const years = (await r.all("SELECT jaar FROM wlz_afkoopsom ORDER BY jaar")).map((x) => x.jaar);
          throw new UsageError(`--year: no Wlz afkoopsom for ${year}; the convenant covers ${years.join(", ")}`);
        }
        const [afkoopsom] = await r.all("SELECT * FROM wlz_afkoopsom WHERE jaar = $1", [year]);
        const draagvlak = await r.all("SELECT * FROM wlz_draagvlak WHERE jaar = $1 ORDER BY stand DESC", [year]);
        const [nota] = await r.all("SELECT * FROM wlz_nota WHERE jaar = $1", [year]);
        const tijdpad = await r.all("SELECT volgorde, moment, van, tot, actie, partij, artikel FROM wlz_tijdpad WHERE jaar = $1 ORDER BY volgorde", [year]);
        const parameters = await parameterSources(r, idsOf(steps), year);
        return { year, steps, afkoopsom, draagvlak, nota, tijdpad, parameters };
      },
      WLZ_TABELLEN,
    );
    if (v.json) {
      console.log(JSON.stringify(out, null, 2));
      return 0;
    }
    console.log(`Wlz afkoopsom ${year} (convenant Zorginstituut–Verbond 2024-2027, art. 3)\n`);
    console.log("Every Wlz amount rests on the assumed definitive afkoopsom 2023 (not public): see the parameters below.\n");
    console.log(
      table(
        out.draagvlak.map((d) => ({ ...d, draagvlak: `${num(d.draagvlak, 4)} %` })),
        [
          { key: "stand", label: "draagvlak" },
          { key: "a", label: "a", align: "right" },
          { key: "b1", label: "b1", align: "right" },
          { key: "p1", label: "p1", align: "right" },
          { key: "b2", label: "b2", align: "right" },
          { key: "p2", label: "p2", align: "right" },
          { key: "draagvlak", label: "(a/100)[(b1 p1)/100 + (b2 p2)/100]", align: "right" },
        ],
      ),
    );
    console.log("");
    console.log(
      table(
        out.steps.map((s) => ({ ...s, bedrag: euro(s.bedrag, s.stap === "afkoopsom" ? 0 : 2) })),
        [
          { key: "stand", label: "sum" },
          { key: "stap", label: "step" },
          { key: "omschrijving", label: "description" },
          { key: "bedrag", label: "amount", align: "right" },
          { key: "artikel", label: "article" },
        ],
      ),
    );
    const a = out.afkoopsom;
    console.log(
      `\nVoorlopig ${euro(a.voorlopig)}, definitief ${euro(a.definitief)}, nacalculatie ${euro(a.nacalculatie)} (settled on the nota of ${a.nacalculatie_verrekend_in}, art. 3.5)`,
    );
    if (a.heranalyse_art_3_3) console.log("Art. 3.3: the change in traffic casualties exceeds the threshold: re-analysis applies");
    const n = out.nota;
    console.log(
      `Nota ${year} (art. 4.1, by ${n.uiterlijk_verstuurd}): voorlopig ${euro(n.voorlopig_t)} + nacalculatie ${year - 1} ${n.nacalculatie_t_min_1 === null ? "(not known)" : euro(n.nacalculatie_t_min_1)} = ${n.totaal_nota === null ? "not known" : euro(n.totaal_nota)}`,
    );
    console.log(`\nParameters and sources:\n${sourceLines(out.parameters)}`);
    return 0;
  },
};
