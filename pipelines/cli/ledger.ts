import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../lib/errors.ts";
import { DEFAULT_GENERATOR, generateLedger } from "../verhaal/generate.ts";
import { SHIPPED_DATA } from "../warehouse/paths.ts";
import type { Command } from "./main.ts";

/** Municipalities and inhabitants from the shipped reference list (the generator's population). */
export function shippedMunicipalities(): { gemeentecode: string; inwoners: number }[] {
  const lines = readFileSync(join(SHIPPED_DATA, "referentie/gemeenten.csv"), "utf8").trim().split("\n").slice(1);
  return lines.map((l) => {
    const cells = l.split(",");
    return { gemeentecode: cells[0], inwoners: Number(cells[cells.length - 1]) };
  });
}

export const ledgerCommand: Command = {
  name: "ledger",
  summary: "Generate a synthetic recovered-claims ledger (seeded, marked synthetic on every row)",
  usage: "afkoop ledger generate [--seed S] [--from YEAR] [--to YEAR] [--peildatum YYYY-MM-DD] [--out FILE]",
  help: [
    ["--seed S", `Seed of the generator (default ${DEFAULT_GENERATOR.seed}, the seed of the shipped ledger)`],
    ["--from YEAR", `First accident year (default ${DEFAULT_GENERATOR.firstYear})`],
    ["--to YEAR", `Last accident year (default ${DEFAULT_GENERATOR.lastYear})`],
    ["--peildatum DATE", `Date the ledger is drawn up; later events are unknown (default ${DEFAULT_GENERATOR.peildatum})`],
    ["--out FILE", "Write the CSV here (default: standard output)"],
  ],
  options: { seed: { type: "string" }, from: { type: "string" }, to: { type: "string" }, peildatum: { type: "string" }, out: { type: "string" } },
  async run(v, positionals) {
    if (positionals[0] !== "generate") throw new UsageError("the only subcommand is 'generate': afkoop ledger generate [--seed S] [--out FILE]");
    const int = (name: string, d: number) => {
      if (v[name] === undefined) return d;
      const n = Number(v[name]);
      if (!Number.isInteger(n)) throw new UsageError(`--${name}: expected a whole number, found '${v[name]}'`);
      return n;
    };
    const peildatum = (v.peildatum as string | undefined) ?? DEFAULT_GENERATOR.peildatum;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(peildatum) || Number.isNaN(Date.parse(peildatum)))
      throw new UsageError(`--peildatum: expected a date as YYYY-MM-DD, found '${peildatum}'`);
    const opts = {
      seed: int("seed", DEFAULT_GENERATOR.seed),
      firstYear: int("from", DEFAULT_GENERATOR.firstYear),
      lastYear: int("to", DEFAULT_GENERATOR.lastYear),
      peildatum,
    };
    if (opts.firstYear > opts.lastYear) throw new UsageError(`--from ${opts.firstYear} is after --to ${opts.lastYear}`);
    const csv = generateLedger(shippedMunicipalities(), opts);
    if (v.out) {
      writeFileSync(v.out as string, csv);
      console.error(`Synthetic ledger written: ${v.out} (${csv.split("\n").length - 2} cases, seed ${opts.seed})`);
    } else process.stdout.write(csv);
    return 0;
  },
};
