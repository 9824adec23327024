// A claims ledger at scale (issue: scale): the shipped synthetic ledger repeated under new case ids to n rows, loaded
// by the pipeline with everything after it (privacy checks, validation, the run-off triangles, the chain ladder and
// the calibration), in a child process whose wall time and peak memory are reported, and the line through the sizes.
// The largest size is the target's, 10 million rows, measured. Reports; does not fail. The loader refuses a ledger of
// more than LIMITS.ledgerRows rows or LIMITS.ledgerFileBytes bytes before it reads past them.
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LIMITS } from "../pipelines/load/limits.ts";
import { ROOT, SHIPPED_DATA } from "../pipelines/warehouse/paths.ts";
import { fitLine } from "./growth.ts";

/** The shipped ledger repeated to at least `rows` rows: copy k of case Z-000001 is Z<k>-Z-000001. */
function largeLedger(dir: string, rows: number): number {
  const [header, ...body] = readFileSync(join(SHIPPED_DATA, "verhaal/verhaalde_claims.csv"), "utf8").trim().split("\n");
  const copies = Math.ceil(rows / body.length);
  mkdirSync(join(dir, "verhaal"), { recursive: true });
  // written a copy at a time: a file of 10 million rows is longer than the longest string
  const fd = openSync(join(dir, "verhaal/verhaalde_claims.csv"), "w");
  try {
    writeSync(fd, `${header}\n`);
    for (let k = 0; k < copies; k++) writeSync(fd, `${body.map((l) => `Z${k}-${l}`).join("\n")}\n`);
  } finally {
    closeSync(fd);
  }
  return copies * body.length;
}

export function benchLedger(sizes = [300_000, 1_000_000, 3_000_000, 10_000_000]) {
  const work = mkdtempSync(join(tmpdir(), "afkoop-bench-ledger-"));
  try {
    const runs: { rows: number; pipelineMs: number; maxRssMiB: number }[] = [];
    for (const size of sizes) {
      const dir = join(work, String(size));
      const rows = largeLedger(dir, size);
      const p = spawnSync(
        process.execPath,
        [join(ROOT, "bin/afkoop.mjs"), "pipeline", "--json", "--stats", "--db", join(work, `${size}.duckdb`), "--data", dir],
        { encoding: "utf8", maxBuffer: 1 << 26 },
      );
      if (p.status !== 0) throw new Error(p.stderr);
      const out = JSON.parse(p.stdout) as { stats: { millis: number; maxRssMiB: number } };
      runs.push({ rows, pipelineMs: Math.round(out.stats.millis), maxRssMiB: out.stats.maxRssMiB });
      rmSync(dir, { recursive: true, force: true });
    }
    const time = fitLine(
      "ledger rows",
      runs.map((r) => [r.rows, r.pipelineMs]),
    );
    const memory = fitLine(
      "ledger rows",
      runs.map((r) => [r.rows, r.maxRssMiB]),
    );
    // the run at 10 million rows itself (the shipped ledger's copies round it up a little), else the fitted lines
    const ten = runs.find((r) => r.rows >= 1e7 && r.rows < 1.01e7);
    return {
      runs,
      time,
      memory,
      tenMillion: ten
        ? { rows: ten.rows, ms: ten.pipelineMs, maxRssMiB: ten.maxRssMiB, measured: true }
        : { rows: 1e7, ms: Math.round(time.intercept + 1e7 * time.slope), maxRssMiB: Math.round(memory.intercept + 1e7 * memory.slope), measured: false },
      rowLimit: LIMITS.ledgerRows,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(benchLedger(process.argv[2] ? [Number(process.argv[2])] : undefined), null, 2));
