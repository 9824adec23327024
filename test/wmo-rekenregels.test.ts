// Wmo-overeenkomst VNG – Verbond van Verzekeraars (Overeenkomst VNG–Verbond 2015): the rules reproduced from the shipped data.
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelSession } from "../pipelines/warehouse/session.ts";
import { withWarehouse, type Row } from "../pipelines/warehouse/query.ts";
import { bijlage1 } from "./support/bijlage1-decimal.ts";
import { sharedWarehouse } from "./support/fixtures.ts";
import { observation, override, param, rows } from "./support/registry.ts";

/** The tables and macros the session is read from (the shipped results are read from the warehouse): only their models run. */
const WMO = ["wmo_afkoopsom", "wmo_bedrag_per_inwoner", "wmo_heronderhandeling", "wmo_art8_gecorrigeerde_som", "wmo_art8_begrenzing_actief"];
let db: string;
let session: ModelSession;
beforeAll(async () => {
  db = await sharedWarehouse();
  session = await ModelSession.open(db);
  await session.runFor(WMO, []);
});
afterAll(() => session?.close());

const q = (sql: string, p?: unknown[]) => withWarehouse({ dbPath: db }, (r) => r.all(sql, p));
const step = async (year: number, n: number) =>
  new Decimal(String((await q("SELECT bedrag FROM wmo_afkoopsom_stappen WHERE jaar = $1 AND stap = $2", [year, n]))[0].bedrag));

describe("Bijlage 1: berekening afkoopsom 2015", () => {
  it("het macrobudget Wmo dat de basis is bedraagt in 2015 € 7.406.000.000 (totaal 8.023 mln)", async () => {
    expect((await step(2015, 1)).toFixed(0)).toBe("7406000000");
    // a helper table (not published): read from the session, where the models have run with the shipped parameters
    const [m] = await session.all("SELECT totaal_meur, relevant_meur FROM wmo_relevant_macrobudget");
    expect(Number(m.totaal_meur)).toBe(Number(observation("macrobudget_2015_totaal").waarde));
    expect(Number(m.relevant_meur)).toBe(Number(observation("macrobudget_2015_relevant").waarde));
  });

  it("de niet relevante posten (42 + 25, 139, 411 mln) verklaren het verschil per onderdeel", async () => {
    const rows = await q("SELECT onderdeel_id, niet_relevant_meur, verschil_meur FROM wmo_bijlage1_macrobudget");
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(Number(r.niet_relevant_meur), String(r.onderdeel_id)).toBe(Number(r.verschil_meur));
  });

  it("(1 × 0,34 + 2¼ × 0,06) : 3¼ = 0,14615…%, in het contract 0,14.62", async () => {
    expect(Number((await step(2015, 2)).toFixed(4))).toBe(Number(observation("regrespercentage_gewogen_2015").waarde));
    expect((await step(2015, 2)).toFixed(12)).toBe(new Decimal("0.475").div("3.25").toFixed(12));
  });

  it("het regrespercentage is vastgesteld op 0,14 2/3 %", async () => {
    expect((await step(2015, 3)).toFixed(10)).toBe(new Decimal(14).plus(new Decimal(2).div(3)).div(100).toFixed(10));
  });

  it("bij wederzijds 100% deelname: (afgerond) € 10.850.000", async () => {
    expect((await step(2015, 6)).toFixed(0)).toBe("10850000");
    expect((await step(2015, 6)).toFixed(0)).toBe(observation("afkoopsom_2015_100pct").waarde);
  });

  it("gecorrigeerd voor 97,45% deelname van gemeenten: € 10.573.325", async () => {
    expect((await step(2015, 7)).toFixed(0)).toBe("10573325");
    expect((await step(2015, 7)).toFixed(0)).toBe(observation("afkoopsom_2015_na_gemeenten").waarde);
  });

  it("het rekenvoorbeeld 'Zou dat percentage uitkomen op 95%': € 10.044.659 (10.044.658,75 afgerond op de euro), apart van de afkoopsom", async () => {
    expect((await step(2015, 9)).toFixed(0)).toBe("10044659");
    expect((await step(2015, 9)).toFixed(0)).toBe(observation("afkoopsom_2015_bij_95pct").waarde);
    expect((await step(2015, 9)).toFixed(0)).toBe(bijlage1(2015).example.toFixed(0));
    expect(observation("afkoopsom_2015_bij_95pct").grootheid).not.toBe("afkoopsom_definitief");
  });

  it("every step agrees with an independent decimal.js computation, to the cent", async () => {
    for (const year of [2015, 2016, 2017, 2018]) {
      const d = bijlage1(year);
      expect((await step(year, 1)).toFixed(2)).toBe(d.relevant.toFixed(2));
      expect((await step(year, 4)).toFixed(2)).toBe(d.unroundedWeighted.toFixed(2));
      expect((await step(year, 5)).toFixed(2)).toBe(d.unroundedContract.toFixed(2));
      expect((await step(year, 6)).toFixed(2)).toBe(d.at100.toFixed(2));
      expect((await step(year, 7)).toFixed(2)).toBe(d.afterMunicipalities.toFixed(2));
      expect((await step(year, 8)).toFixed(2)).toBe(d.afterInsurers.toFixed(2));
    }
  });

  it("the unrounded weighted rate would have given € 10.824.154, rounded € 10.800.000", async () => {
    const d = bijlage1(2015);
    expect((await step(2015, 4)).toFixed(0)).toBe(d.unroundedWeighted.toFixed(0));
    const [r] = await q("SELECT max(bedrag) FILTER (stap = 4) AS w FROM wmo_afkoopsom_stappen WHERE jaar = 2015");
    expect(Math.round(Number(r.w) / 50000) * 50000).toBe(10_800_000);
  });

  it("every reproduction check in mart_controles holds", async () => {
    const failing = await q("SELECT controle_id, berekend, verwacht FROM mart_controles WHERE soort = 'reproductie' AND NOT geslaagd");
    expect(failing).toEqual([]);
  });
});

describe("later years", () => {
  it("2016: the published definitive € 10.751.312 is the afkoopsom, and the participation it implies is reported", async () => {
    const [a] = await q("SELECT * FROM wmo_afkoopsom WHERE jaar = 2016");
    expect(a.afkoopsom).toBe("10751312.00");
    expect(a.grondslag).toBe("gepubliceerd");
    const implied = new Decimal(observation("afkoopsom_2016_definitief").waarde).div(bijlage1(2016).at100).times(100);
    expect(Number(a.deelname_gecombineerd_impliciet)).toBeCloseTo(implied.toNumber(), 10);
    // on the 2015 base, 97.45% municipal participation would need more than 100% of the insurers:
    expect(Number(a.deelname_verzekeraars_impliciet)).toBeGreaterThan(100);
  });

  it("2017: 99,7% of municipalities and 98% of insurers on the 2015 base, within the reported 10,5-11 mln", async () => {
    const [a] = await q("SELECT * FROM wmo_afkoopsom WHERE jaar = 2017");
    expect(a.afkoopsom).toBe(bijlage1(2017).afterInsurers.toFixed(2));
    const o = observation("ontvangsten_2015_2017_per_jaar");
    expect(Number(a.afkoopsom)).toBeGreaterThanOrEqual(Number(o.laag));
    expect(Number(a.afkoopsom)).toBeLessThanOrEqual(Number(o.hoog));
  });

  it("the agreement ends on 1 January 2019: there is no afkoopsom for 2019", async () => {
    expect(await q("SELECT * FROM wmo_afkoopsom WHERE jaar = 2019")).toEqual([]);
    expect((await q("SELECT status FROM stg_wmo_looptijd WHERE jaar = 2019"))[0].status).toBe("beeindigd");
  });
});

describe("art. 5.5: verdeling over gemeenten per inwoner, na aftrek van kosten VNG", () => {
  it("Hilversum receives about € 55.000 a year (Raadsvoorstel Hilversum 2018), within the tolerance for 'circa'", async () => {
    const [h] = await q("SELECT avg(ontvangen) AS gem FROM wmo_verdeling_gemeenten WHERE gemeentecode = 'GM0402' AND jaar BETWEEN 2015 AND 2017");
    const tol = param("controle.tolerantie_benadering", 2015).toNumber() / 100;
    expect(Math.abs(Number(h.gem) / 55_000 - 1)).toBeLessThan(tol);
  });

  it("the amount per inhabitant is the afkoopsom less the VNG's costs over the participating inhabitants", async () => {
    const [b] = await q("SELECT * FROM wmo_bedrag_per_inwoner WHERE jaar = 2015");
    // the inhabitants of the year (CBS, 1 January 2015): each municipality's 2020 share scaled to the national total
    const national = Number(rows("referentie/bevolking.csv").find((r) => r.jaar === "2015")!.inwoners);
    const list = rows("referentie/gemeenten.csv");
    const listTotal = list.reduce((t, r) => t + Number(r.inwoners), 0);
    const out = new Set(
      rows("wmo/niet_deelnemende_gemeenten.csv")
        .filter((r) => r.jaar === "2015")
        .map((r) => r.gemeentecode),
    );
    // a former municipality (Noordwijkerhout, opted out) is its own row before its merger: its last count, scaled
    // from the national total of that count's year, comes off the municipality it merged into
    const pop = (y: number) => Number(rows("referentie/bevolking.csv").find((r) => Number(r.jaar) === y)!.inwoners);
    const former = rows("referentie/gemeenten_historisch.csv").map((h) => ({
      into: h.opgegaan_in,
      inh: Math.round((Number(h.inwoners) * national) / pop(Number(h.inwoners_peildatum.slice(0, 4)))),
    }));
    const participating = list
      .filter((r) => !out.has(r.gemeentecode))
      .reduce(
        (t, r) => t + Math.round((Number(r.inwoners) * national) / listTotal) - former.filter((f) => f.into === r.gemeentecode).reduce((a, f) => a + f.inh, 0),
        0,
      );
    const expected = new Decimal(String(b.afkoopsom)).times(new Decimal(1).minus(param("wmo.kosten_vng", 2015).div(100))).div(participating);
    expect(Number(b.bedrag_per_inwoner)).toBeCloseTo(expected.toNumber(), 12);
    // and the participating inhabitants agree with the contract's own share (Bijlage 3: 97,45%) within 0,1%
    expect(Math.abs(participating / ((national * param("wmo.deelname_gemeenten", 2015).toNumber()) / 100) - 1)).toBeLessThan(0.001);
  });

  it("the municipalities of Bijlage 3 receive nothing in 2015 and 2016 but are shown what they would have received", async () => {
    const rows = await q(
      "SELECT gemeentenaam, ontvangen, bedrag_bij_deelname FROM wmo_verdeling_gemeenten WHERE jaar = 2015 AND NOT deelnemer ORDER BY gemeentenaam",
    );
    // all eleven of Bijlage 3, Noordwijkerhout as the municipality it then was (it merged into Noordwijk in 2019)
    expect(rows.map((r) => r.gemeentenaam)).toEqual([
      "Alkmaar",
      "Borsele",
      "Goes",
      "Kapelle",
      "Leiden",
      "Leiderdorp",
      "Noord-Beveland",
      "Noordwijkerhout",
      "Reimerswaal",
      "Terneuzen",
      "Westervoort",
    ]);
    for (const r of rows) {
      expect(Number(r.ontvangen)).toBe(0);
      expect(Number(r.bedrag_bij_deelname)).toBeGreaterThan(0);
    }
    const [nw] = await q("SELECT deelnemer, opmerking FROM wmo_verdeling_gemeenten WHERE jaar = 2015 AND gemeentecode = 'GM0575'");
    expect(nw.deelnemer).toBe(true);
    expect(nw.opmerking).toMatch(/Noordwijkerhout \(GM0576\) deed niet mee/);
  });

  it("more VNG costs mean less per inhabitant", async () => {
    await session.runFor(WMO, [override("wmo.kosten_vng", 3)]);
    const [hi] = await session.all("SELECT bedrag_per_inwoner FROM wmo_bedrag_per_inwoner WHERE jaar = 2015");
    await session.runFor(WMO, [override("wmo.kosten_vng", 0)]);
    const [lo] = await session.all("SELECT bedrag_per_inwoner FROM wmo_bedrag_per_inwoner WHERE jaar = 2015");
    expect(Number(hi.bedrag_per_inwoner)).toBeLessThan(Number(lo.bedrag_per_inwoner));
    expect(Number(hi.bedrag_per_inwoner) / Number(lo.bedrag_per_inwoner)).toBeCloseTo(0.97, 12);
  });
});

describe("art. 6: verdeling over verzekeraars (illustrative table)", () => {
  it("only participating insurers pay, the parts add up to the afkoopsom within rounding, and the result is marked synthetic", async () => {
    const rows = await q("SELECT * FROM wmo_verdeling_verzekeraars WHERE jaar = 2015");
    expect(rows.length).toBe(7);
    const total = rows.reduce((s: number, r: Row) => s + Number(r.bedrag), 0);
    expect(Math.abs(total - Number(rows[0].afkoopsom))).toBeLessThanOrEqual(rows.length);
    expect(rows.every((r) => r.synthetisch === true)).toBe(true);
    expect(rows.reduce((s: number, r: Row) => s + Number(r.aandeel), 0)).toBeCloseTo(1, 12);
  });
});

describe("art. 8.3: minder dan 80% deelname van gemeenten", () => {
  it("is not the case with the sourced participation", async () => {
    expect(await q("SELECT jaar FROM wmo_heronderhandeling WHERE overleg_nodig")).toEqual([]);
  });
  it("flags the year when participation falls below 80%", async () => {
    await session.runFor(WMO, [override("wmo.deelname_gemeenten", 79.9, 2017)]);
    const rows = await session.all("SELECT jaar, overleg_nodig FROM wmo_heronderhandeling ORDER BY jaar");
    expect(rows.map((r) => [r.jaar, r.overleg_nodig])).toEqual([
      [2015, false],
      [2016, false],
      [2017, true],
      [2018, false],
    ]);
  });
});

describe("art. 8.4 and 8.5: correctie achteraf, ten hoogste 30%", () => {
  it("never moves the sum by more than 30%, and follows the estimate within that band", async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 1, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 5e9, noNaN: true }), async (som, schatting) => {
        const [r] = await session.all(
          "SELECT wmo_art8_gecorrigeerde_som($1, $2, par('wmo.correctie_maximum', 2015)) AS g, wmo_art8_begrenzing_actief($1, $2, par('wmo.correctie_maximum', 2015)) AS b",
          [som, schatting],
        );
        const g = Number(r.g);
        expect(Math.abs(g - som)).toBeLessThanOrEqual(0.3 * som * (1 + 1e-12));
        if (schatting >= 0.7 * som && schatting <= 1.3 * som) {
          expect(g).toBeCloseTo(schatting, 6);
          expect(r.b).toBe(false);
        } else expect(r.b).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it("shows on a grid of estimates where the cap binds", async () => {
    const rows = await q("SELECT verhouding, begrenzing_actief FROM wmo_correctie_2015 ORDER BY verhouding");
    expect(rows.filter((r) => r.begrenzing_actief).map((r) => Number(r.verhouding))).toEqual([0.5, 0.55, 0.6, 0.65, 1.35, 1.4, 1.45, 1.5]);
  });
});

describe("property: the afkoopsom rises with participation", () => {
  it("for municipalities and for insurers", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })),
        fc.constantFrom("wmo.deelname_gemeenten", "wmo.deelname_verzekeraars"),
        async ([x, y], id) => {
          const [lo, hi] = [Math.min(x, y), Math.max(x, y)].map((v) => Math.round(v * 100) / 100);
          await session.runFor(["wmo_afkoopsom"], [override(id, lo)]);
          const [a] = await session.all("SELECT afkoopsom FROM wmo_afkoopsom WHERE jaar = 2015");
          await session.runFor(["wmo_afkoopsom"], [override(id, hi)]);
          const [b] = await session.all("SELECT afkoopsom FROM wmo_afkoopsom WHERE jaar = 2015");
          expect(Number(b.afkoopsom)).toBeGreaterThanOrEqual(Number(a.afkoopsom));
        },
      ),
      { numRuns: 15 },
    );
  });
});
