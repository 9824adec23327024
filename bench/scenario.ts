// Scenario run throughput (issue: bought off versus individual recovery): `afkoop scenario run` for every
// municipality with 1,000 Monte Carlo draws each, writing Parquet, CSV and XLSX. Target: within 5 s on a
// 2-core machine. Reports the whole run (opening the warehouse, all models, the files) and the comparison's
// Monte Carlo alone. Reports; does not fail.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPipeline } from "../pipelines/warehouse/build.ts";
import { DEFAULT_DB } from "../pipelines/warehouse/paths.ts";
import { ModelSession } from "../pipelines/warehouse/session.ts";
import { setComparison } from "../pipelines/vergelijking/gemeente.ts";
import { runScenario } from "../pipelines/vergelijking/scenario.ts";
import { fitLine, median } from "./growth.ts";

export async function benchScenario(draws = 1000, repeat = 3) {
  if (!existsSync(DEFAULT_DB)) await runPipeline({});
  const dir = mkdtempSync(join(tmpdir(), "afkoop-bench-scenario-"));
  try {
    const file = join(dir, "alle-gemeenten.json");
    writeFileSync(file, JSON.stringify({ naam: "bench: alle gemeenten", jaar: 2018, montecarlo: { trekkingen: draws, seed: 1 } }));
    const whole: number[] = [];
    let municipalities = 0;
    for (let i = 0; i < repeat; i++) {
      const r = await runScenario({ file, outDir: join(dir, "out"), force: true });
      whole.push(r.millis);
      municipalities = r.files.find((f) => f.name === "gemeenten.csv")!.rows;
    }
    const s = await ModelSession.open(DEFAULT_DB);
    await s.run([]);
    const mc: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const t0 = performance.now();
      await setComparison(s, { jaar: 2018, trekkingen: draws, seed: 100 + i });
      mc.push(performance.now() - t0);
    }
    s.close();
    return { draws, municipalities, evaluations: draws * municipalities, wholeRunMs: Math.round(median(whole)), comparisonOnlyMs: Math.round(median(mc)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A two-parameter sweep (verhaal.detectie x verhaal.honorarium_percentage) of the comparison for every municipality,
 * with `draws` draws, at n x n grid points for each n in `sizes` (the last the 20 x 20): the whole run's time
 * and peak memory per size, the line through them, and the cost of one more point against a one-point run.
 */
export async function benchSweep(draws = 1000, sizes = [1, 5, 10, 20]) {
  if (!existsSync(DEFAULT_DB)) await runPipeline({});
  const dir = mkdtempSync(join(tmpdir(), "afkoop-bench-sweep-"));
  try {
    const points: [number, number][] = [];
    const peaks: Record<number, number> = {};
    for (const n of sizes) {
      const file = join(dir, `sweep-${n}.json`);
      const axis = (parameter: string, van: number, tot: number) => (n === 1 ? { parameter, waarden: [van] } : { parameter, van, tot, stappen: n });
      writeFileSync(
        file,
        JSON.stringify({
          naam: `bench: sweep ${n} x ${n}`,
          jaar: 2018,
          montecarlo: { trekkingen: draws, seed: 1 },
          sweep: [axis("verhaal.detectie", 20, 80), axis("verhaal.honorarium_percentage", 5, 15)],
        }),
      );
      // the process's resident memory, sampled while the run's queries work in DuckDB's threads
      let peak = process.memoryUsage.rss();
      const sample = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage.rss());
      }, 50);
      const r = await runScenario({ file, outDir: join(dir, `out-${n}`) });
      clearInterval(sample);
      points.push([r.points, r.millis]);
      peaks[r.points] = Math.round(peak / 2 ** 20);
      rmSync(join(dir, `out-${n}`), { recursive: true, force: true });
    }
    const line = fitLine("grid points", points);
    const onePointMs = points.find(([p]) => p === 1)?.[1] ?? line.intercept + line.slope;
    const largest = points[points.length - 1];
    return {
      draws,
      line,
      onePointMs: Math.round(onePointMs),
      perPointMs: Math.round(line.slope),
      ratio: Number((line.slope / onePointMs).toFixed(3)),
      largestPoints: largest[0],
      largestMs: Math.round(largest[1]),
      peakRssMiB: peaks,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify({ ...(await benchScenario()), sweep: await benchSweep() }, null, 2));
