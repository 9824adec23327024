// Hostile requests, part of the corpus of test/hostile/: work too large to run, refused before it starts with the
// bound and how to go past it; messages that name the user's own words (a scenario's jaar, not --year) and never a
// stack trace; a reader that closes the pipe early.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../pipelines/warehouse/paths.ts";
import { afkoopInProcess } from "../support/cli.ts";
import { sharedWarehouse, tempDir } from "../support/fixtures.ts";

let db: string;
beforeAll(async () => {
  // every command here only reads the warehouse (or is refused before it opens one)
  db = await sharedWarehouse();
});

/** The command in this process (support/cli.ts); the pipe test below spawns the bin, the process boundary being its point. */
const afkoop = (...args: string[]) => afkoopInProcess(args, { db });
const scenario = (obj: unknown) => {
  const f = join(tempDir(), "s.json");
  writeFileSync(f, JSON.stringify(obj));
  return f;
};

describe("work beyond the bounds is refused before it starts", () => {
  it("a billion draws for one municipality, or for the Rekenmodel", async () => {
    const g = await afkoop("gemeente", "--code", "GM0402", "--draws", "1000000000");
    expect(g.code).toBe(2);
    expect(g.err).toContain("--draws: at most 200,000 (run several seeds and pool them), found 1,000,000,000. Nothing was run.");
    const r = await afkoop("rekenmodel", "--draws", "1000000000", "--db", db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--draws: at most 500,000/);
  });

  it("a 1000 x 1000 sweep, or an axis of a million values, with the advice to run it in parts", async () => {
    const grid = await afkoop(
      "scenario",
      "run",
      scenario({
        sweep: [
          { parameter: "verhaal.detectie", van: 0, tot: 100, stappen: 1000 },
          { parameter: "verhaal.slagingskans", van: 0, tot: 100, stappen: 1000 },
        ],
      }),
      "--out",
      join(tempDir(), "uit"),
    );
    expect(grid.code).toBe(2);
    expect(grid.err).toMatch(/sweep: at most 2,500 grid points in one run, found 1,000,000; run the sweep in parts/);
    const list = await afkoop(
      "scenario",
      "run",
      scenario({ sweep: { parameter: "verhaal.detectie", waarden: Array.from({ length: 1_000_000 }, (_, i) => i % 100) } }),
      "--out",
      join(tempDir(), "uit"),
    );
    expect(list.code).toBe(2);
    expect(list.err).toMatch(/waarden: at most 1000 values per axis, found 1000000; run the sweep in parts/);
    const draws = await afkoop(
      "scenario",
      "run",
      scenario({ montecarlo: { trekkingen: 200000 }, sweep: { parameter: "verhaal.detectie", van: 0, tot: 100, stappen: 200 } }),
      "--out",
      join(tempDir(), "uit"),
    );
    expect(draws.code).toBe(2);
    expect(draws.err).toMatch(/draws x grid points at most 20,000,000, found 200,000 x 200/);
  });

  it("a scenario's jaar outside the comparison is named as the scenario's field, not as --year", async () => {
    const f = scenario({ jaar: 2050 });
    const r = await afkoop("scenario", "run", f, "--out", join(tempDir(), "uit"));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${f}: jaar: the comparison covers 2015-2027, not 2050`);
    expect(r.err).not.toContain("--year");
  });

  it("a reader that stops early (afkoop ... | head) ends the command quietly", () => {
    const p = spawnSync("bash", ["-c", `node ${join(ROOT, "bin/afkoop.mjs")} wlz --year 2024 | head -c 10`], {
      encoding: "utf8",
      env: { ...process.env, AFKOOP_DB: db },
    });
    expect(p.status).toBe(0);
    expect(p.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

describe("triangles and life tables that are not what they claim", () => {
  const file = (name: string, text: string) => {
    const f = join(tempDir(), name);
    writeFileSync(f, text);
    return f;
  };

  it("a negative cumulative amount, and a value of 1e308, are refused; an undetermined factor is marked, not hidden", async () => {
    const neg = await afkoop("triangle", "--input", file("neg.csv", "origin,dev,value\n2019,1,100\n2019,2,-5\n2020,1,50\n"));
    expect(neg.code).toBe(1);
    expect(neg.err).toMatch(
      /neg\.csv:3:3 \(column 'value'\): expected a cumulative amount of at least 0 \(use --incremental for incremental amounts\), found -5/,
    );
    const huge = await afkoop("triangle", "--input", file("huge.csv", "origin,dev,value\n2019,1,1e308\n2019,2,1e308\n2020,1,50\n"));
    expect(huge.code).toBe(1);
    expect(huge.err).toMatch(/huge\.csv:2:3 \(column 'value'\): expected a number from -1000000000000000 to 1000000000000000, found "1e308"/);
    const zero = await afkoop(
      "triangle",
      "--input",
      file("zero.csv", "origin,dev,value\n2019,1,0\n2019,2,0\n2019,3,10\n2020,1,0\n2020,2,0\n2021,1,5\n"),
      "--json",
    );
    expect(zero.code, zero.err).toBe(0);
    const f1 = JSON.parse(zero.out).factoren.find((f: { dev: number }) => Number(f.dev) === 1);
    expect(f1.waarschuwing).toMatch(/geen volume in ontwikkeljaar 1: factor onbepaald, als 1 gerekend/);
  });

  it("a life table whose survivors rise with age is refused at the line where they rise", async () => {
    const r = await afkoop("life", "--table", file("lt.csv", "age,lx\n0,100000\n1,99000\n2,99500\n3,98000\n"), "--age", "0", "--interest", "0.03");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/lt\.csv:4 \(column 'lx'\): expected survivors at most those of age 1 \(99000\): lx does not rise with age, found 99500/);
  });
});
