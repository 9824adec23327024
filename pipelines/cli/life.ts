import { UsageError } from "../lib/errors.ts";
import { lifeFunctions } from "../rekenmodel/life.ts";
import { num, table } from "./format.ts";
import type { Command } from "./main.ts";

/** A rate given as a fraction (0.05) or a percentage ("5%"). */
export function rateOption(name: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  const t = String(v).trim();
  const m = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) throw new UsageError(`--${name}: expected a rate such as 0.03 or 3%, found "${t}"`);
  const r = m[2] ? Number(m[1]) / 100 : Number(m[1]);
  if (r <= -1 || r > 1) throw new UsageError(`--${name}: ${t} is not a plausible yearly rate (give 0.03 or 3%)`);
  return r;
}

export const lifeCommand: Command = {
  name: "life",
  summary: "Life expectancy and annuity factors from a life table (the Rekenmodel's life-table engine)",
  usage: "afkoop life [--table FILE | --year Y --sex male|female] --age X --interest I [--indexation G] [--term N] [--factor K | --ratio R] [--json]",
  help: [
    ["--table FILE", "Your life table (CSV or XLSX): column age and one of lx, qx, mx; ax optional"],
    ["--year Y, --sex S", "Without --table: the shipped Dutch period table (HMD), default 2019 male"],
    ["--age X", "Age (required)"],
    ["--interest I", "Discount rate, as 0.03 or 3% (required)"],
    ["--indexation G", "Yearly growth of the amount, as 0.02 or 2% (default 0)"],
    ["--term N", "Temporary annuity of N years (default: whole life)"],
    ["--factor K", "Excess mortality: multiplier on the force of mortality"],
    ["--ratio R", "Excess mortality solved so that life expectancy is R times the table's (0-1)"],
    ["--json", "Print the result as JSON"],
  ],
  options: {
    table: { type: "string" },
    year: { type: "string" },
    sex: { type: "string" },
    age: { type: "string" },
    interest: { type: "string" },
    indexation: { type: "string" },
    term: { type: "string" },
    factor: { type: "string" },
    ratio: { type: "string" },
    db: { type: "string" },
    json: { type: "boolean" },
  },
  async run(v) {
    if (v.age === undefined || !/^\d+$/.test(String(v.age)))
      throw new UsageError(`--age: expected a whole number of years${v.age === undefined ? "" : `, found "${v.age}"`}`);
    if (v.interest === undefined) throw new UsageError("--interest is required (for example --interest 3%)");
    if (v.factor !== undefined && v.ratio !== undefined) throw new UsageError("give --factor or --ratio, not both");
    const term = v.term === undefined ? null : Number(v.term);
    if (term !== null && !(Number.isInteger(term) && term > 0)) throw new UsageError(`--term: expected a positive whole number of years, found "${v.term}"`);
    const factor = v.factor === undefined ? undefined : Number(v.factor);
    if (factor !== undefined && !(factor > 0)) throw new UsageError(`--factor: expected a positive number, found "${v.factor}"`);
    const ratio = v.ratio === undefined ? undefined : Number(v.ratio);
    if (ratio !== undefined && !(ratio > 0 && ratio <= 1)) throw new UsageError(`--ratio: expected a number above 0 and at most 1, found "${v.ratio}"`);
    if (v.sex !== undefined && !["male", "female"].includes(String(v.sex))) throw new UsageError(`--sex: expected male or female, found "${v.sex}"`);
    const r = await lifeFunctions({
      tablePath: v.table as string | undefined,
      year: v.year ? Number(v.year) : undefined,
      sex: v.sex as string | undefined,
      age: Number(v.age),
      interest: rateOption("interest", v.interest, 0),
      indexation: rateOption("indexation", v.indexation, 0),
      term,
      factor,
      ratio,
      dbPath: v.db as string | undefined,
    });
    if (v.json) {
      console.log(JSON.stringify(r, null, 2));
      return 0;
    }
    console.log(`Life table ${r.table}, age ${r.age}${r.mortalityFactor !== 1 ? `, mortality x ${num(r.mortalityFactor, 4)}` : ""}\n`);
    console.log(
      table(
        [
          { k: "life expectancy, curtate (e_x)", v: num(r.lifeExpectancyCurtate, 4) },
          { k: "life expectancy, complete (e°_x)", v: num(r.lifeExpectancyComplete, 4) },
          { k: "ratio to the table without excess mortality", v: num(r.lifeExpectancyRatio, 4) },
          {
            k: `annuity-due${term ? `, ${term} years` : ", whole life"} (i ${num(r.interest * 100, 4)}%, g ${num(r.indexation * 100, 4)}%)`,
            v: num(r.annuityDue, 6),
          },
          { k: `annuity-immediate${term ? `, ${term} years` : ", whole life"}`, v: num(r.annuityImmediate, 6) },
        ],
        [
          { key: "k", label: "function" },
          { key: "v", label: "value", align: "right" },
        ],
      ),
    );
    return 0;
  },
};
