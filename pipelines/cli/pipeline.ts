import { relative } from "node:path";
import { runPipeline } from "../warehouse/build.ts";
import { withWarehouse } from "../warehouse/query.ts";
import type { Command } from "./main.ts";

export const pipelineCommand: Command = {
  name: "pipeline",
  summary: "Validate the data, load it into the DuckDB warehouse and run the rules",
  usage: "afkoop pipeline [--data DIR] [--ledger FILE] [--db FILE] [--scenario FILE] [--json]",
  help: [
    ["--data DIR", "Your own files in the layout of data/ (CSV, Dutch-locale CSV or XLSX); they replace the shipped ones"],
    ["--ledger FILE", "A real recovered-claims ledger (CSV or XLSX) instead of the shipped synthetic one"],
    ["--db FILE", "Warehouse file to write (default warehouse/afkoop.duckdb, or $AFKOOP_DB)"],
    ["--scenario FILE", "JSON file overriding registry parameters"],
    ["--json", "Print the run summary as JSON"],
    ["--stats", "Also print wall time and peak memory (used by the benchmark)"],
  ],
  options: {
    data: { type: "string" },
    ledger: { type: "string" },
    db: { type: "string" },
    scenario: { type: "string" },
    json: { type: "boolean" },
    stats: { type: "boolean" },
  },
  async run(v) {
    const res = await runPipeline({
      dataDir: v.data as string | undefined,
      ledgerPath: v.ledger as string | undefined,
      dbPath: v.db as string | undefined,
      scenarioPath: v.scenario as string | undefined,
    });
    const checks = await withWarehouse({ dbPath: res.dbPath }, (r) =>
      r.all("SELECT soort, count(*) AS n, count(*) FILTER (geslaagd) AS geslaagd FROM mart_controles GROUP BY soort ORDER BY soort DESC"),
    );
    const stats = { millis: Math.round(res.millis), maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) };
    if (v.json) {
      console.log(JSON.stringify({ warehouse: res.dbPath, inputs: res.files, checks, ...(v.stats ? { stats } : {}) }, null, 2));
      return 0;
    }
    console.log(`Warehouse written: ${relative(process.cwd(), res.dbPath) || res.dbPath}`);
    const own = res.files.filter((f) => f.origin === "user");
    const ledger = own.filter((f) => f.table === "stg_verhaal_claims" && v.ledger);
    const fromData = own.length - ledger.length;
    console.log(
      `  ${res.files.length} input files, ${res.files.reduce((s, f) => s + f.rows, 0)} rows (${[fromData ? `${fromData} from --data` : "", ledger.length ? "the claims ledger from --ledger" : "", !fromData && !ledger.length ? "all shipped" : ""].filter(Boolean).join(", ")})`,
    );
    console.log(
      `  ${res.models.length} SQL models run${res.scenario ? `, scenario ${res.scenario.naam ?? ""} with ${res.scenario.overrides.length} overrides` : ""}`,
    );
    for (const c of checks) console.log(`  checks (${c.soort}): ${c.geslaagd} of ${c.n} hold`);
    if (v.stats) console.log(`  time ${stats.millis} ms, peak memory ${stats.maxRssMiB} MiB`);
    return 0;
  },
};
