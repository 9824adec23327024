// Bought off versus individual recovery, read like the method: a municipality worked by hand, the Werkafspraken Verbond–ASP 2023
// threshold, the Monte Carlo's reproducibility, and a scenario run that writes everything or nothing.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modellenVoorVergelijking, sweepInEenDoorgang } from "../engine/vergelijking.js";
import { UsageError } from "../pipelines/lib/errors.ts";
import { parseScenario } from "../pipelines/params/scenario.ts";
import { compareMunicipality } from "../pipelines/vergelijking/gemeente.ts";
import { gridPoints, planScenario, runScenario } from "../pipelines/vergelijking/scenario.ts";
import { ModelSession } from "../pipelines/warehouse/session.ts";
import { sharedWarehouse, tempDir } from "./support/fixtures.ts";

let db: string;
let s: ModelSession;
beforeAll(async () => {
  db = await sharedWarehouse();
  s = await ModelSession.open(db);
});
afterAll(() => s.close());

const TYPES = ["traplift", "woningaanpassing", "rolstoel", "vervoer", "huishoudelijke_hulp", "begeleiding"];

/** One provision type only (a stair lift), every other cost and loss switched off: simple enough to work by hand. */
function handWorked(extra: Record<string, number> = {}) {
  const p: Record<string, number> = {
    ...Object.fromEntries(TYPES.map((t) => [`verhaal.gevallen.${t}`, 0])),
    "verhaal.gevallen.traplift": 10,
    "verhaal.kosten.traplift": 6000,
    "verhaal.detectie": 50,
    "verhaal.slagingskans": 80,
    "verhaal.aansprakelijkheid": 100,
    "verhaal.verjaring_verlies": 0,
    "verhaal.direct_door_verzekeraar": 0,
    "verhaal.drempel_direct": 0,
    "verhaal.drempel_toepassing": 0,
    "verhaal.onverzekerd": 0,
    "verhaal.honorarium_methode": 2,
    "verhaal.honorarium_percentage": 10,
    "verhaal.behandelkosten": 100,
    "verhaal.vaste_kosten": 1000,
    "verhaal.disconteringsvoet": 0,
    "verhaal.horizon": 3,
    ...extra,
  };
  return p;
}

/** Sets the parameters and brings what the comparison stands on up to date (compareMunicipality runs the question's
 * models). */
async function runWith(p: Record<string, number>) {
  const sc = parseScenario({ parameters: p }, await s.registry(), "test");
  await s.runFor(
    modellenVoorVergelijking(s.graaf).map((m) => m.name),
    sc.overrides,
  );
}

describe("a municipality of 200,000 inhabitants worked by hand (2018)", () => {
  it("staying in, opting out, the advantage over the horizon and the break-even detection rate", async () => {
    await runWith(handWorked());
    const r = await compareMunicipality(s, { inwoners: 200_000, jaar: 2018, trekkingen: 50 });
    const [b] = await s.all("SELECT bedrag_per_inwoner FROM wmo_bedrag_per_inwoner WHERE jaar = 2018");
    const [p] = await s.all("SELECT par('wmo.deelname_verzekeraars', 2018) AS d");
    const ontvangst = Math.round(200_000 * Number(b.bedrag_per_inwoner));
    // 10 stair lifts per 100,000 -> 20 cases; half detected -> 10 reported; 80% succeed -> 8, each 6,000 at 100% liability
    const verhaald = 8 * 6000;
    const honorarium = 0.1 * verhaald; // 10% of what is recovered
    const behandel = 10 * 100; // per reported case
    const netto = verhaald - honorarium - behandel; // no discount at 0%
    const rest = (100 - Number(p.d)) / 100; // non-participating insurers; no uninsured parties
    const g = r.gemeente;
    expect(Number(g.zaken_gemeld)).toBeCloseTo(10, 9);
    expect(Number(g.zaken_geslaagd)).toBeCloseTo(8, 9);
    expect(Number(g.verhaald_bruto)).toBeCloseTo(verhaald, 2);
    expect(Number(g.honorarium)).toBeCloseTo(honorarium, 2);
    expect(Number(g.behandelkosten)).toBeCloseTo(behandel, 2);
    expect(Number(g.ontvangst)).toBe(ontvangst);
    expect(g.ontvangst_basis).toBe("hypothetisch");
    expect(Number(g.waarde_uittreden)).toBeCloseTo(netto - 1000, 2);
    expect(Number(g.waarde_blijven)).toBeCloseTo(ontvangst + netto * rest, 2);
    expect(Number(g.voordeel_uittreden)).toBeCloseTo(netto * (1 - rest) - 1000 - ontvangst, 2);
    expect(Number(g.voordeel_horizon)).toBeCloseTo(3 * (netto * (1 - rest) - 1000 - ontvangst), 2);
    // at the break-even rate the advantage is zero: (ontvangst + vaste kosten) / (netto per detection point x (1 - rest))
    expect(Number(g.breakeven_detectie_pct)).toBeCloseTo((ontvangst + 1000) / ((netto / 50) * (1 - rest)), 4);
    // the advantage as a function of the detection rate is the straight line through these numbers
    const curve = await s.all(
      "SELECT detectie_pct, voordeel_uittreden FROM vergelijking_wmo_detectiecurve WHERE jaar = 2018 AND gemeentecode = 'EIGEN' ORDER BY detectie_pct",
    );
    expect(curve.map((c) => Number(c.detectie_pct))).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(Number(curve[5].voordeel_uittreden)).toBeCloseTo(Number(g.voordeel_uittreden), 2);
    expect(Number(curve[0].voordeel_uittreden)).toBeCloseTo(-1000 - ontvangst, 2);
    expect(Number(curve[10].voordeel_uittreden)).toBeCloseTo(2 * netto * (1 - rest) - 1000 - ontvangst, 1);
  });

  it("the fee scale: 15.8% of the first 3,000 and 10.6% of the next 3,000 of each recovered stair lift", async () => {
    await runWith(handWorked({ "verhaal.honorarium_methode": 1 }));
    const r = await compareMunicipality(s, { inwoners: 200_000, jaar: 2018, trekkingen: 10 });
    expect(Number(r.gemeente.honorarium)).toBeCloseTo(8 * (3000 * 0.158 + 3000 * 0.106), 2);
  });

  it("from 2023 a provision at or below EUR 2,500 is settled directly by the insurer in the share of cases the pilot covers (Werkafspraken Verbond–ASP 2023, toelichting onder d)", async () => {
    await runWith(handWorked({ "verhaal.kosten.traplift": 2400, "verhaal.drempel_direct": 2500, "verhaal.drempel_toepassing": 100 }));
    const all = await compareMunicipality(s, { inwoners: 200_000, jaar: 2024, trekkingen: 10 });
    expect(Number(all.gemeente.verhaald_bruto)).toBe(0);
    await runWith(handWorked({ "verhaal.kosten.traplift": 2400, "verhaal.drempel_direct": 2500, "verhaal.drempel_toepassing": 25 }));
    const quarter = await compareMunicipality(s, { inwoners: 200_000, jaar: 2024, trekkingen: 10 });
    expect(Number(quarter.gemeente.verhaald_bruto)).toBeCloseTo(8 * 2400 * 0.75, 2);
    await runWith(handWorked({ "verhaal.kosten.traplift": 2600, "verhaal.drempel_direct": 2500, "verhaal.drempel_toepassing": 100 }));
    const above = await compareMunicipality(s, { inwoners: 200_000, jaar: 2024, trekkingen: 10 });
    expect(Number(above.gemeente.verhaald_bruto)).toBeCloseTo(8 * 2600, 2);
  });
});

describe("shipped municipalities", () => {
  it("Hilversum's receipts when staying in are its art. 5.5 share, about 55,000 (Raadsvoorstel Hilversum 2018)", async () => {
    await runWith({});
    const r = await compareMunicipality(s, { code: "GM0402", jaar: 2018 });
    const [v] = await s.all("SELECT bedrag_bij_deelname FROM wmo_verdeling_gemeenten WHERE jaar = 2018 AND gemeentecode = 'GM0402'");
    expect(Number(r.gemeente.ontvangst)).toBe(Number(v.bedrag_bij_deelname));
    expect(Math.abs(Number(r.gemeente.ontvangst) - 55_000)).toBeLessThan(2_500);
    expect(Number(r.montecarlo!.kans_uittreden_beter)).toBeGreaterThanOrEqual(0);
    expect(Number(r.montecarlo!.voordeel_p05)).toBeLessThanOrEqual(Number(r.montecarlo!.voordeel_p95));
  });

  it("the Monte Carlo is reproducible: the same seed gives the same numbers, another seed others", async () => {
    await runWith({});
    const a = await compareMunicipality(s, { code: "GM0402", jaar: 2018, trekkingen: 300, seed: 11 });
    const b = await compareMunicipality(s, { code: "GM0402", jaar: 2018, trekkingen: 300, seed: 11 });
    const c = await compareMunicipality(s, { code: "GM0402", jaar: 2018, trekkingen: 300, seed: 12 });
    expect(b.montecarlo).toEqual(a.montecarlo);
    expect(c.montecarlo!.voordeel_p50).not.toEqual(a.montecarlo!.voordeel_p50);
  });

  it("nationally, individual recovery by every municipality is set against the buy-off sum of the year", async () => {
    await s.runFor(["vergelijking_wmo_nationaal", "vergelijking_wmo_gemeente", "wmo_afkoopsom"], []);
    const [n] = await s.all("SELECT * FROM vergelijking_wmo_nationaal WHERE jaar = 2015");
    const [g] = await s.all("SELECT sum(waarde_uittreden) AS w FROM vergelijking_wmo_gemeente WHERE jaar = 2015 AND NOT eigen");
    const [a] = await s.all("SELECT afkoopsom FROM wmo_afkoopsom WHERE jaar = 2015");
    expect(Number(n.waarde_individueel_verhaal)).toBeCloseTo(Number(g.w), 0);
    expect(Number(n.verhouding_tot_afkoopsom)).toBeCloseTo(Number(g.w) / Number(a.afkoopsom), 6);
  });
});

describe("afkoop scenario run", () => {
  const write = (obj: unknown) => {
    const f = join(tempDir(), "scenario.json");
    writeFileSync(f, JSON.stringify(obj));
    return f;
  };
  const sweep = {
    naam: "test",
    parameters: { "verhaal.vaste_kosten": 4000 },
    jaar: 2018,
    montecarlo: { trekkingen: 100, seed: 5 },
    sweep: [
      { parameter: "verhaal.detectie", van: 20, tot: 60, stappen: 3 },
      { parameter: "verhaal.honorarium_methode", waarden: [1, 2] },
    ],
  };

  it("a grid of every combination; the same scenario gives the same files", async () => {
    const f = write(sweep);
    // once on this file's session, after the questions above (re-running only what the scenario changes), once on a
    // session of its own
    const a = await runScenario({ file: f, outDir: join(tempDir(), "a"), session: s });
    const b = await runScenario({ file: f, outDir: join(tempDir(), "b"), dbPath: db });
    expect(a.points).toBe(6);
    for (const name of ["gemeenten.csv", "nationaal.csv", "wlz.csv"]) {
      expect(readFileSync(join(b.outDir, name), "utf8")).toBe(readFileSync(join(a.outDir, name), "utf8"));
    }
    expect(readdirSync(a.outDir).sort()).toEqual([
      "gemeenten-per-punt",
      "gemeenten.csv",
      "gemeenten.parquet",
      "gemeenten.xlsx",
      "manifest.json",
      "nationaal.csv",
      "nationaal.parquet",
      "nationaal.xlsx",
      "wlz.csv",
      "wlz.parquet",
      "wlz.xlsx",
    ]);
    // the same rows once more, partitioned by grid point: one folder per point, read back as one dataset
    expect(readdirSync(join(a.outDir, "gemeenten-per-punt")).sort()).toEqual([1, 2, 3, 4, 5, 6].map((p) => `punt=${p}`));
    const [{ verschil }] = await s.all(
      `SELECT (SELECT count(*) FROM (SELECT * EXCLUDE (punt) FROM read_parquet('${join(a.outDir, "gemeenten.parquet")}') EXCEPT ALL
               SELECT * EXCLUDE (punt) FROM read_parquet('${join(a.outDir, "gemeenten-per-punt", "**", "*.parquet")}', hive_partitioning = true))) AS verschil`,
    );
    expect(Number(verschil)).toBe(0);
    const m = JSON.parse(readFileSync(join(a.outDir, "manifest.json"), "utf8"));
    expect(m.montecarlo).toEqual({ trekkingen: 100, seed: 5 });
    expect(m.punten).toBe(6);
    expect(m.invoer.length).toBeGreaterThan(10);
    expect(m.synthetisch_claimregister).toBe(true);
    // the swept parameter is fixed in each point: more detection, more recovered
    const nat = readFileSync(join(a.outDir, "nationaal.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    const recovered = (det: string, meth: string) => Number(nat.find((r) => r[1] === det && r[2] === meth)![6]);
    expect(recovered("60.0", "2.0")).toBeCloseTo(3 * recovered("20.0", "2.0"), 0);
  });

  // each grid point of a sweep against a scenario with the swept values fixed (laag = hoog, also in the Monte Carlo),
  // run on its own: every file's rows, all columns after the grid's. The sweep runs on a session of its own; the
  // points one after another on this file's session, each re-running only what its parameters change
  const sweepEqualsPoints = async (base: Record<string, unknown>, axes: { parameter: string; waarden: number[] }[]) => {
    const swept = await runScenario({ file: write({ ...base, sweep: axes }), outDir: join(tempDir(), "sweep"), dbPath: db });
    const csvRows = (dir: string, name: string) => readFileSync(join(dir, name), "utf8").trim().split("\n");
    const points = gridPoints(axes);
    expect(swept.points).toBe(points.length);
    const perFile: Record<string, string[]> = {};
    for (const name of ["gemeenten.csv", "nationaal.csv", "wlz.csv"]) {
      perFile[name] = csvRows(swept.outDir, name);
      expect(perFile[name][0].split(",").slice(0, axes.length + 1)).toEqual(["punt", ...axes.map((_, i) => `sweep_${i + 1}`)]);
    }
    for (const [i, p] of points.entries()) {
      const fixed = Object.fromEntries(Object.entries(p).map(([id, w]) => [id, { waarde: w, laag: w, hoog: w }]));
      const one = await runScenario({
        file: write({ ...base, parameters: { ...(base.parameters as object), ...fixed } }),
        outDir: join(tempDir(), `punt${i + 1}`),
        session: s,
      });
      for (const name of Object.keys(perFile)) {
        const [, ...alone] = csvRows(one.outDir, name);
        const inSweep = perFile[name].slice(1).filter((r) => r.split(",")[0] === String(i + 1));
        expect(inSweep.length, `${name} punt ${i + 1}`).toBeGreaterThan(0);
        expect(
          inSweep.map((r) =>
            r
              .split(",")
              .slice(axes.length + 1)
              .join(","),
          ),
          `${name} punt ${i + 1}`,
        ).toEqual(alone.map((r) => r.split(",").slice(1).join(",")));
      }
    }
    return perFile;
  };

  it("a sweep of the comparison's own parameters, evaluated in one pass, gives point for point what each point gives on its own", async () => {
    const axes = [
      { parameter: "verhaal.detectie", waarden: [25, 50] },
      { parameter: "verhaal.kosten.rolstoel", waarden: [5000] },
    ];
    expect(
      sweepInEenDoorgang(
        s.graaf,
        axes.map((a) => a.parameter),
      ),
    ).toBe(true);
    // a scenario that also sets one of the swept parameters: the grid's value wins, as it does point by point
    const rows = await sweepEqualsPoints(
      { parameters: { "verhaal.vaste_kosten": 4000, "verhaal.detectie": 40 }, jaar: 2018, montecarlo: { trekkingen: 40, seed: 9 } },
      axes,
    );
    // the points differ where the parameters act
    expect(new Set(rows["nationaal.csv"].slice(1).map((r) => r.split(",").slice(3).join(","))).size).toBe(2);
  });

  it("a sweep of a rule the comparison stands on, run point by point, gives what each point gives on its own", async () => {
    // a parameter of the Wmo rules (the amount per inhabitant, so the receipts when staying in): not one of the
    // comparison's own, so each later point re-runs only what it touches
    expect(sweepInEenDoorgang(s.graaf, ["wmo.kosten_vng"])).toBe(false);
    const rows = await sweepEqualsPoints(
      { parameters: { "verhaal.vaste_kosten": 4000 }, jaar: 2018, gemeente: "GM0402", montecarlo: { trekkingen: 50, seed: 9 } },
      [{ parameter: "wmo.kosten_vng", waarden: [2, 3] }],
    );
    expect(rows["gemeenten.csv"].length).toBe(3);
    expect(rows["gemeenten.csv"][1]).not.toBe(rows["gemeenten.csv"][2]);
  });

  it("grids are the cartesian product of the axes", () => {
    expect(
      gridPoints([
        { parameter: "a", waarden: [1, 2] },
        { parameter: "b", waarden: [3, 4, 5] },
      ]),
    ).toHaveLength(6);
    expect(gridPoints([])).toEqual([{}]);
  });

  it("errors name the field, and a failed run leaves the previous results as they were", async () => {
    const registry = await s.registry();
    expect(() => planScenario({ sweep: [{ parameter: "verhaal.detectie", van: 10, tot: 20, stappen: 1 }] }, registry, "x.json")).toThrow(
      /x\.json: sweep\[0\]\.stappen: expected a whole number from 2 to 1000, found 1/,
    );
    expect(() => planScenario({ montecarlo: { trekingen: 5 } }, registry, "x.json")).toThrow(/x\.json: montecarlo\.trekingen: unknown field/);
    expect(() => planScenario({ sweep: { parameter: "verhaal.detectie", waarden: [150] } }, registry, "x.json")).toThrow(
      /sweep\[0\]\.waarden: 150 is outside the allowed range/,
    );
    expect(() => planScenario({ gemeente: "Hilversum" }, registry, "x.json")).toThrow(UsageError);
    // the results of an earlier run, replaced only by a run that succeeds
    const out = join(tempDir(), "keep");
    await runScenario({ file: write({ montecarlo: { trekkingen: 5, seed: 1 } }), outDir: out, session: s });
    const previous = readFileSync(join(out, "manifest.json"), "utf8");
    const bad = write({ ...sweep, gemeente: "GM9999" });
    await expect(runScenario({ file: bad, outDir: out, force: true, session: s })).rejects.toThrow(/gemeente: no municipality GM9999/);
    expect(readFileSync(join(out, "manifest.json"), "utf8")).toBe(previous);
    expect(existsSync(`${out}.tmp-${process.pid}`)).toBe(false);
  });
});
