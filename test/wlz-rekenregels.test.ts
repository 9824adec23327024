// Convenant collectieve afkoop regresrecht Wlz 2024-2027 (Convenant Wlz 2024–2027): the rules reproduced.
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelSession } from "../pipelines/warehouse/session.ts";
import { sharedWarehouse } from "./support/fixtures.ts";
import { override, param, rows } from "./support/registry.ts";

/** The tables this file reads: each run re-runs only the models they are made from (not the Monte Carlos, the comparison, the ledger or the marts). */
const WLZ = ["wlz_draagvlak", "wlz_afkoopsom", "wlz_nota", "wlz_tijdpad", "awbz_reeks", "rekenmodel_schadelast"];
let session: ModelSession;
const run = (overrides: ReturnType<typeof override>[]) => session.runFor(WLZ, overrides);
beforeAll(async () => {
  session = await ModelSession.open(await sharedWarehouse());
  await run([]);
});
afterAll(() => session?.close());

const ov = override;
const series = async () =>
  (
    await session.all(
      "SELECT jaar, CAST(voorlopig AS DOUBLE) AS v, CAST(definitief AS DOUBLE) AS d, CAST(nacalculatie AS DOUBLE) AS n, heranalyse_art_3_3 AS h FROM wlz_afkoopsom ORDER BY jaar",
    )
  ).map((r) => ({ jaar: Number(r.jaar), v: Number(r.v), d: Number(r.d), n: Number(r.n), h: r.h as boolean }));

describe("art. 3.2 onder B: Draagvlak = (a/100) × [(b1 × p1)/100 + (b2 × p2)/100]", () => {
  it("is 92,58% in 2024 with a = 100% and the insurers' 92,58% (overwegingen 3 and 4)", async () => {
    const [d] = await session.all("SELECT draagvlak FROM wlz_draagvlak WHERE jaar = 2024 AND stand = 'voorlopig'");
    expect(Number(d.draagvlak)).toBeCloseTo(92.58, 10);
  });

  it("stays within 0-100% for any a, b1, b2 in 0-100% and p1 + p2 = 100%", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        async (a, b1, b2, p1) => {
          const [r] = await session.all("SELECT wlz_draagvlak($1, $2, $3, $4, $5) AS d", [a, b1, p1, b2, 100 - p1]);
          const d = Number(r.d);
          expect(d).toBeGreaterThanOrEqual(-1e-9);
          expect(d).toBeLessThanOrEqual(100 + 1e-9);
          expect(d).toBeCloseTo((a / 100) * ((b1 * p1) / 100 + (b2 * (100 - p1)) / 100), 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("art. 3.2: voor jaar t is de definitieve afkoopsom van t-1 het uitgangspunt; stappen A t/m D", () => {
  it("with no policy change and an unchanged draagvlak every sum equals the 2023 starting point", async () => {
    const base = param("wlz.afkoopsom_definitief_basis", 2023).toNumber();
    for (const r of await series()) {
      expect(r.v).toBe(base);
      expect(r.d).toBe(base);
    }
  });

  it("a worked series: A and B chain from each year's definitive sum, rounded to the euro", async () => {
    const A = { 2024: [2, 1.5], 2025: [3, 3.5], 2026: [-1, 0], 2027: [0.5, 0.25] } as Record<number, [number, number]>;
    const b1def = { 2024: 93, 2025: 94 } as Record<number, number>;
    const overrides = [
      ...Object.entries(A).flatMap(([y, [v, d]]) => [ov("wlz.beleidswijziging_voorlopig", v, Number(y)), ov("wlz.beleidswijziging_definitief", d, Number(y))]),
      ...Object.entries(b1def).map(([y, b]) => ov("wlz.draagvlak_b1_definitief", b, Number(y))),
    ];
    await run(overrides);
    const got = await series();
    // recompute with decimal.js from the registry and the overrides
    const dv = (stand: "voorlopig" | "definitief", y: number) => {
      const b1 =
        stand === "definitief" && y >= 2024
          ? new Decimal(
              b1def[y] ??
                b1def[
                  Math.max(
                    ...Object.keys(b1def)
                      .map(Number)
                      .filter((k) => k <= y),
                  )
                ],
            )
          : param(`wlz.draagvlak_b1_${stand}`, y);
      return param("wlz.draagvlak_a", y)
        .div(100)
        .times(
          b1
            .times(param("wlz.draagvlak_p1", y))
            .div(100)
            .plus(param(`wlz.draagvlak_b2_${stand}`, y).times(param("wlz.draagvlak_p2", y)).div(100)),
        );
    };
    let prevDef = param("wlz.afkoopsom_definitief_basis", 2023);
    let prevDv = param("wlz.draagvlak_basis", 2023);
    for (const y of [2024, 2025, 2026, 2027]) {
      const v = prevDef
        .times(new Decimal(1).plus(new Decimal(A[y][0]).div(100)))
        .times(dv("voorlopig", y))
        .div(prevDv)
        .toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
      const d = prevDef
        .times(new Decimal(1).plus(new Decimal(A[y][1]).div(100)))
        .times(dv("definitief", y))
        .div(prevDv)
        .toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
      const row = got.find((r) => r.jaar === y)!;
      expect(row.v, `voorlopig ${y}`).toBe(v.toNumber());
      expect(row.d, `definitief ${y}`).toBe(d.toNumber());
      prevDef = d;
      prevDv = dv("definitief", y);
    }
  });

  it("step C moves the sum towards the Rekenmodel Wlz by the agreed influence", async () => {
    await run([ov("wlz.invloed_rekenmodel", 40)]);
    const [r] = await series();
    const [{ model }] = await session.all("SELECT sum(schadelast_100pct) AS model FROM rekenmodel_schadelast WHERE jaar = 2024");
    const base = param("wlz.afkoopsom_definitief_basis", 2023).toNumber();
    expect(r.v).toBe(Math.round(0.6 * base + 0.4 * Number(model) * 0.9258));
  });

  it("art. 3.3: a change in traffic casualties above 10% applies the analysed effect; within 10% it does not", async () => {
    await run([ov("wlz.mutatie_verkeersgewonden", 12, 2025), ov("wlz.effect_heranalyse", 5)]);
    let s = await series();
    expect(s.map((r) => r.h)).toEqual([false, true, true, true]);
    expect(s[1].v).toBe(Math.round(s[0].d * 1.05));
    await run([ov("wlz.mutatie_verkeersgewonden", 10), ov("wlz.effect_heranalyse", 5)]);
    s = await series();
    expect(s.every((r) => r.h === false)).toBe(true);
  });
});

describe("art. 3.4-3.5 and 4.1: definitieve afkoopsom, nacalculatie, nota", () => {
  it("nacalculatie = definitief - voorlopig, for any policy changes and draagvlak updates", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 85, max: 100, noNaN: true }),
        async (av, ad, b1) => {
          await run([ov("wlz.beleidswijziging_voorlopig", av), ov("wlz.beleidswijziging_definitief", ad), ov("wlz.draagvlak_b1_definitief", b1)]);
          for (const r of await series()) expect(r.n).toBeCloseTo(r.d - r.v, 6);
        },
      ),
      { numRuns: 10 },
    );
  });

  it("the nota of year t (by 1 July) holds the voorlopige afkoopsom t and the nacalculatie t-1; it is paid before 1 September", async () => {
    await run([ov("wlz.beleidswijziging_definitief", 2, 2024)]);
    const nota = (await session.all(
      "SELECT jaar, CAST(uiterlijk_verstuurd AS VARCHAR) AS u, CAST(betaald_voor AS VARCHAR) AS b, CAST(totaal_nota AS DOUBLE) AS t, CAST(nacalculatie_t_min_1 AS DOUBLE) AS n, CAST(voorlopig_t AS DOUBLE) AS v FROM wlz_nota ORDER BY jaar",
    )) as { jaar: number; u: string; b: string; t: number | null; n: number | null; v: number }[];
    expect(nota[0]).toMatchObject({ jaar: 2024, u: "2024-07-01", b: "2024-09-01", n: null, t: null });
    expect(nota[1].t).toBe(nota[1].v + (nota[1].n ?? NaN));
    expect(nota[1].n).toBeGreaterThan(0);
  });

  it("the yearly timeline of Toelichting 7 holds for every convenant year", async () => {
    const t = await session.all("SELECT jaar, count(*) AS n, min(CAST(van AS VARCHAR)) AS eerste FROM wlz_tijdpad GROUP BY jaar ORDER BY jaar");
    expect(t.map((r) => r.jaar)).toEqual([2024, 2025, 2026, 2027]);
    expect(t.every((r) => Number(r.n) === rows("wlz/tijdpad.csv").length)).toBe(true);
  });
});

describe("AWBZ history", () => {
  it("converts the guilder sums at the fixed rate and splits them 95% motor / 5% general liability", async () => {
    const r = await session.all("SELECT periode_id, bedrag_eur, bedrag_eur_per_jaar, deel_motor_eur, deel_av_eur FROM awbz_reeks ORDER BY jaar");
    const nlg = param("valuta.gulden_per_euro", 1999);
    const h2 = r.find((x) => x.periode_id === "awbz_1999_h2")!;
    expect(Number(h2.bedrag_eur)).toBeCloseTo(new Decimal(15_000_000).div(nlg).toNumber(), 6);
    expect(Number(h2.bedrag_eur_per_jaar)).toBeCloseTo(2 * Number(h2.bedrag_eur), 6);
    for (const x of r) expect(Number(x.deel_motor_eur) + Number(x.deel_av_eur)).toBeCloseTo(Number(x.bedrag_eur), 6);
  });
});
