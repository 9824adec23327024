import { relative } from "node:path";
import { UsageError } from "../lib/errors.ts";
import { runScenario } from "../vergelijking/scenario.ts";
import type { Command } from "./main.ts";

function progressBar(done: number, total: number) {
  if (!process.stderr.isTTY || total < 2) return;
  const width = 30;
  const filled = Math.round((width * done) / total);
  process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} grid points${done === total ? "\n" : ""}`);
}

export const scenarioCommand: Command = {
  name: "scenario",
  summary: "Run a scenario file (overrides, sweeps, Monte Carlo) for every municipality; writes Parquet, CSV, XLSX and a manifest",
  usage: "afkoop scenario run FILE [--out DIR] [--force] [--db FILE] [--json]",
  help: [
    ["--out DIR", "A new directory for the results (default scenario-resultaten/<file name>); an existing one is refused"],
    ["--force", "Replace the results of an earlier run in --out (only a directory this command made, holding only its files)"],
    ["--db FILE", "Warehouse to start from (default warehouse/afkoop.duckdb)"],
    ["--json", "Print the run summary as JSON"],
  ],
  options: { out: { type: "string" }, force: { type: "boolean" }, db: { type: "string" }, json: { type: "boolean" } },
  async run(v, positionals) {
    const [sub, file] = positionals;
    if (sub !== "run" || !file) throw new UsageError("usage: afkoop scenario run FILE [--out DIR]");
    const r = await runScenario({
      file,
      outDir: v.out as string | undefined,
      force: v.force === true,
      dbPath: v.db as string | undefined,
      onProgress: progressBar,
    });
    if (v.json) {
      console.log(JSON.stringify(r, null, 2));
      return 0;
    }
    console.log(`Scenario ${file}: ${r.points} grid point${r.points === 1 ? "" : "s"} in ${Math.round(r.millis)} ms`);
    console.log(`Results in ${relative(process.cwd(), r.outDir) || r.outDir}: ${r.files.map((f) => f.name).join(", ")}, manifest.json`);
    return 0;
  },
};
