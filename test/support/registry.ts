// Test-side readers of the shipped data files, so expectations are computed from the sources
// rather than copied from results.
import { Decimal } from "decimal.js";
import { parseDelimited } from "../../pipelines/load/delimited.ts";
import { shipped } from "./fixtures.ts";

export function rows(rel: string): Record<string, string>[] {
  const p = parseDelimited(shipped(rel), rel);
  if ("issue" in p) throw new Error(`cannot parse ${rel}`);
  return p.table.rows.map((r) => Object.fromEntries(p.table.header.map((h, i) => [h, r.cells[i]])));
}

/** The registry value of a parameter for a year, exact (fractions such as 11/75 included). */
export function param(id: string, year: number): Decimal {
  const vals = rows("parameters/waarden.csv")
    .filter((r) => r.parameter_id === id && Number(r.vanaf_jaar) <= year)
    .sort((a, b) => Number(b.vanaf_jaar) - Number(a.vanaf_jaar));
  if (!vals.length) throw new Error(`no value of ${id} for ${year}`);
  const w = vals[0].waarde;
  return w.includes("/") ? new Decimal(w.split("/")[0]).div(w.split("/")[1]) : new Decimal(w);
}

export function observation(id: string): Record<string, string> {
  const r = rows("wmo/waarnemingen.csv").find((x) => x.waarneming_id === id);
  if (!r) throw new Error(`no observation ${id}`);
  return r;
}

/**
 * CBS population aged 18 and over on 1 January of a year, as the project derives it: CBS gives the band 0-19, so
 * 18+ = total - 0-19 x (1 - share of the 18- and 19-year-olds), with the age structure of the last year that has one.
 */
export function adults(year: number): number {
  const pop = rows("referentie/bevolking.csv");
  const total = Number(pop.find((r) => Number(r.jaar) === year)!.inwoners);
  const withAges = pop.filter((r) => r.inwoners_0_19 !== "" && Number(r.jaar) <= year).sort((a, b) => Number(b.jaar) - Number(a.jaar))[0];
  const under20 = Number(withAges.inwoners_0_19) / Number(withAges.inwoners);
  return Math.round(total * (1 - under20 * (1 - param("bevolking.aandeel_18_19_in_0_19", year).toNumber() / 100)));
}

/** A scenario override of one parameter (the whole series, or from vanaf_jaar on), as the pipeline takes it. */
export const override = (parameter_id: string, waarde: number, vanaf_jaar: number | null = null) => ({
  parameter_id,
  vanaf_jaar,
  waarde: String(waarde),
  laag: null,
  hoog: null,
  toelichting: null,
});
