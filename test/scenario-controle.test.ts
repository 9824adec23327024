// One check of a scenario's values against the registry (engine/scenario.js): `afkoop` and the site's Scenario's page
// refuse the same values, each in its own words, and accept the same values.
import { describe, expect, it } from "vitest";
import { parseScenario, type RegistryEntry } from "../pipelines/params/scenario.ts";
import { controleerVelden } from "../src/components/scenario-bestand.js";
import { rows } from "./support/registry.ts";

const registry: RegistryEntry[] = rows("parameters/parameters.csv").map((r) => ({
  parameter_id: r.parameter_id,
  eenheid: r.eenheid,
  min: r.min === "" ? null : Number(r.min),
  max: r.max === "" ? null : Number(r.max),
}));
const reg = (id: string) => registry.find((r) => r.parameter_id === id)!;

/** [parameter, waarde, laag, hoog]: ranges given in full or not at all (the page's form asks for both together) */
const CASES: [string, number, number | null, number | null][] = [
  ["verhaal.detectie", 40, null, null],
  ["verhaal.detectie", 40, 20, 60],
  ["verhaal.detectie", 101, null, null],
  ["verhaal.detectie", -1, null, null],
  ["verhaal.detectie", 40, 60, 20],
  ["verhaal.detectie", 10, 20, 60],
  ["verhaal.detectie", 70, 20, 60],
  ["verhaal.detectie", 40, 20, 160],
  ["rekenmodel.mc_trekkingen", 1000, null, null],
  ["rekenmodel.mc_trekkingen", 1000.5, null, null],
  ["rekenmodel.mc_trekkingen", 0, null, null],
  ["wmo.kosten_vng", 2.5, 1, 3],
  ["wlz.draagvlak_b1_voorlopig", 100, null, null],
  ["wlz.draagvlak_b1_voorlopig", 100.01, null, null],
];

describe("a scenario's values against the registry", () => {
  for (const [id, waarde, laag, hoog] of CASES) {
    it(`${id} = ${waarde}${laag !== null ? ` (${laag}–${hoog})` : ""}: afkoop and the site agree`, () => {
      const cli = (() => {
        try {
          parseScenario({ parameters: { [id]: laag === null ? waarde : { waarde, laag, hoog } } }, registry, "s.json");
          return null;
        } catch (e) {
          return (e as Error).message;
        }
      })();
      const site = controleerVelden(reg(id), {
        waarde: String(waarde).replace(".", ","),
        laag: laag === null ? "" : String(laag).replace(".", ","),
        hoog: hoog === null ? "" : String(hoog).replace(".", ","),
      });
      expect(Object.keys(site).length > 0, `site: ${JSON.stringify(site)}; afkoop: ${cli}`).toBe(cli !== null);
      if (cli) expect(cli).toMatch(new RegExp(`^s\\.json: parameters\\.${id.replace(/\./g, "\\.")}`));
    });
  }

  it("a value outside its own range is refused: it is the mode of the distribution drawn from the range", () => {
    expect(() => parseScenario({ parameters: { "verhaal.detectie": { waarde: 10, laag: 20, hoog: 60 } } }, registry, "s.json")).toThrow(
      /the value 10 is below laag \(20\)/,
    );
    expect(controleerVelden(reg("verhaal.detectie"), { waarde: "10", laag: "20", hoog: "60" }).waarde).toBe("De waarde (10) ligt onder laag (20).");
  });
});
