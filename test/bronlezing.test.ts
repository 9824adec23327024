// How the sources are read: each test pins one reading to the document, table or page it comes from, so that a
// misreading cannot come back. Expectations are recomputed from the shipped data files, not copied from results.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenario } from "../pipelines/params/scenario.ts";
import { withWarehouse } from "../pipelines/warehouse/query.ts";
import { ModelSession } from "../pipelines/warehouse/session.ts";
import { sharedWarehouse } from "./support/fixtures.ts";
import { adults, param, rows } from "./support/registry.ts";

/** The tables this file reads from its session: only the models they are made from run. */
const GELEZEN = [
  "lt_levensverwachting",
  "rekenmodel_brutokosten",
  "rekenmodel_invoer",
  "rekenmodel_levensverwachting",
  "rekenmodel_schadelast",
  "rekenmodel_sterfte_per_leeftijd",
  "vg_per_type",
  "vg_vectoren",
  "wlz_verkeersgewonden",
  "wmo_afkoopsom",
  "wmo_afkoopsom_stappen",
  "wmo_bedrag_per_inwoner",
  "wmo_verdeling_gemeenten",
];
let s: ModelSession;
let db: string;
beforeAll(async () => {
  db = await sharedWarehouse();
  s = await ModelSession.open(db);
  await s.runFor(GELEZEN, []);
});
afterAll(() => s.close());

const n = (v: unknown) => Number(v);
const registryValue = (id: string, year: number) =>
  rows("parameters/waarden.csv")
    .filter((r) => r.parameter_id === id && Number(r.vanaf_jaar) <= year)
    .sort((a, b) => Number(b.vanaf_jaar) - Number(a.vanaf_jaar))[0];
const population = (year: number) => rows("referentie/bevolking.csv").find((r) => Number(r.jaar) === year)!;

/** Re-runs the models these tables are made from, with these parameter overrides (the rest of the registry unchanged). */
async function rerun(parameters: Record<string, number>, tables: string[]) {
  const sc = parseScenario({ parameters }, await s.registry(), "test");
  await s.runFor(tables, sc.overrides);
}

describe("Rekenmodel Wlz: the epidemiological sources, read for what they count", () => {
  it("Jochems et al. 2021 count patients aged 18 and over: the NAH inflow applies the incidence to the adult population (CBS, 1 January)", async () => {
    const [r] = await s.all("SELECT bevolking, instroom FROM rekenmodel_invoer WHERE jaar = 2024 AND groep = 'nah'");
    // CBS gives the band 0-19: 18+ = total - 0-19 x (1 - share of the 18- and 19-year-olds), with the age structure of
    // the last year that has one (2022) where 2024 has none
    const volwassenen = adults(2024);
    expect(n(r.bevolking)).toBe(volwassenen);
    expect(volwassenen).toBeLessThan(n(population(2024).inwoners) * 0.85);
    const p = (id: string) => param(`rekenmodel.nah.${id}`, 2024).toNumber();
    const expected =
      ((volwassenen * p("incidentie")) / 100000) *
      (1 - p("sterfte_ziekenhuis") / 100) *
      (p("aandeel_zeer_ernstig") / 100) *
      ((p("aandeel_verkeer") / 100) * (p("aandeel_aansprakelijk_verkeer") / 100) + p("aandeel_aansprakelijk_overig") / 100);
    expect(n(r.instroom)).toBeCloseTo(expected, 9);
  });

  it("NSCISC life expectancy by age at injury: the model's ratio lies within 0.05 of the source's at every age the source lists", async () => {
    const src = rows("rekenmodel/levensverwachting.csv").filter((r) => r.groep === "dwarslaesie");
    expect(src.length).toBeGreaterThanOrEqual(3);
    const fit = await s.all(
      "SELECT leeftijd, ratio_bron, ratio_model FROM rekenmodel_levensverwachting WHERE jaar = 2024 AND groep = 'dwarslaesie' ORDER BY leeftijd",
    );
    expect(fit.map((r) => n(r.leeftijd))).toEqual(src.map((r) => Number(r.leeftijd)));
    for (const r of src) {
      const f = fit.find((x) => n(x.leeftijd) === Number(r.leeftijd))!;
      expect(n(f.ratio_bron)).toBeCloseTo(Number(r.levensverwachting_met) / Number(r.levensverwachting_zonder), 6);
      expect(Math.abs(n(f.ratio_model) - n(f.ratio_bron)), `age ${r.leeftijd}`).toBeLessThan(0.05);
    }
  });

  it("one multiplier fitted at age 20 would understate survival at older ages of injury, so the multiplier varies with the age at injury", async () => {
    const k = await s.all(
      "SELECT age, k_basis FROM rekenmodel_sterfte_per_leeftijd WHERE jaar = 2024 AND groep = 'dwarslaesie' AND sex = 'male' AND age IN (20, 60)",
    );
    const k20 = n(k.find((r) => n(r.age) === 20)!.k_basis),
      k60 = n(k.find((r) => n(r.age) === 60)!.k_basis);
    expect(k60).toBeLessThan(k20);
    // the ratio at 60 with the age-20 multiplier, on the same table, is lower than the source's
    const [r] = await s.all(
      `SELECT (SELECT e_complete FROM lt_levensverwachting('2019-male', 60, ${k20})) / (SELECT e_complete FROM lt_levensverwachting('2019-male', 60, 1.0)) AS ratio`,
    );
    const src60 = rows("rekenmodel/levensverwachting.csv").find((x) => x.groep === "dwarslaesie" && x.leeftijd === "60")!;
    expect(n(r.ratio)).toBeLessThan(Number(src60.levensverwachting_met) / Number(src60.levensverwachting_zonder) - 0.05);
  });

  it("the traffic share of spinal-cord injury comes from an acute-care population, as the incidence does (not from a rehabilitation cohort)", () => {
    const v = registryValue("rekenmodel.dwarslaesie.aandeel_verkeer", 2024);
    const bron = rows("bronnen.csv").find(
      (b) => b.bron_id === (v.bron_id || rows("parameters/parameters.csv").find((p) => p.parameter_id === "rekenmodel.dwarslaesie.aandeel_verkeer")!.bron_id),
    )!;
    expect(bron.bron_id).not.toBe("degroot-2006");
    expect(`${bron.titel} ${bron.toelichting}`.toLowerCase()).toMatch(/acute|ziekenhuis|trauma/);
  });
});

describe("Rekenmodel Wlz: the damage is what a liable party owes under civil law (Wlz art. 10.2.2 lid 1 and 10.2.3)", () => {
  it("the recoverable part is liability x (1 - employer cases) x the civil-law share, and the damage scales with it", async () => {
    const [r] = await s.all("SELECT verhaalbaar FROM rekenmodel_invoer WHERE jaar = 2024 AND groep = 'nah'");
    const p = (id: string) => param(`rekenmodel.${id}`, 2024).toNumber();
    expect(n(r.verhaalbaar)).toBeCloseTo(
      (p("aansprakelijkheid") / 100) * (1 - p("werkgever_uitgesloten") / 100) * (p("civielrechtelijk_verhaalbaar") / 100),
      12,
    );
    const [before] = await s.all("SELECT sum(schadelast) AS d FROM rekenmodel_schadelast WHERE jaar = 2024");
    await rerun({ "rekenmodel.aansprakelijkheid": p("aansprakelijkheid") / 2 }, ["rekenmodel_schadelast"]);
    const [after] = await s.all("SELECT sum(schadelast) AS d FROM rekenmodel_schadelast WHERE jaar = 2024");
    expect(n(after.d) / n(before.d)).toBeCloseTo(0.5, 9);
    await rerun({}, ["rekenmodel_schadelast"]);
  });

  it("care is priced per ZZP LG 5-7 with the housing components; the tariffs, which could not be read from the NZa table, are bounded below by the Wlz pgb of the Regeling langdurige zorg", async () => {
    const mix = rows("rekenmodel/zorgprofiel.csv");
    const got = await s.all("SELECT groep, bruto_per_jaar FROM rekenmodel_brutokosten WHERE jaar = 2024 ORDER BY groep");
    for (const g of got) {
      const expected = mix
        .filter((m) => m.groep === g.groep)
        .reduce(
          (sum, m) =>
            sum +
            (Number(m.aandeel_pct) / 100) *
              (param(`rekenmodel.tarief.${m.zzp}`, 2024).toNumber() + param(`rekenmodel.huisvesting.${m.zzp}`, 2024).toNumber()) *
              param("rekenmodel.dagen_per_jaar", 2024).toNumber(),
          0,
        );
      expect(n(g.bruto_per_jaar)).toBeCloseTo(expected, 6);
    }
    // Rlz art. 5.13 and Bijlage C (2015) x the 2024 index: the pgb per day of each profile, without the top-up for living at home
    const index = param("rekenmodel.pgb_index_2015_2024", 2024).toNumber();
    for (const p of rows("rekenmodel/pgb_2015.csv")) {
      const perDay = ((Number(p.pv) + Number(p.vp) + Number(p.beg_ind) + Number(p.beg_gr)) * index) / param("rekenmodel.dagen_per_jaar", 2024).toNumber();
      const t = registryValue(`rekenmodel.tarief.${p.zzp}`, 2024);
      expect(t.status).toBe("aanname");
      expect(Number(t.laag), p.zzp).toBeGreaterThanOrEqual(perDay);
    }
    // the checks of the shipped warehouse (every model run with the shipped parameters)
    const [c] = await withWarehouse({ dbPath: db }, (r) =>
      r.all("SELECT count(*) FILTER (geslaagd) AS ok, count(*) AS n FROM mart_controles WHERE controle_id LIKE 'rekenmodel.tarief_boven_pgb.%'"),
    );
    expect(n(c.n)).toBe(3);
    expect(n(c.ok)).toBe(3);
  });
});

describe("Wmo participation, read for what it counts", () => {
  it("Overweging 3 ('naar verwachting minimaal 95%') is an expectation: insurer participation 2015 is an assumption with 95% as its floor", () => {
    const v = registryValue("wmo.deelname_verzekeraars", 2015);
    expect(v.status).toBe("aanname");
    expect(Number(v.laag)).toBe(95);
    expect(Number(v.hoog)).toBeGreaterThan(95);
  });

  it("Bijlage 1's 'Zou dat percentage uitkomen op 95%' is a conditional example: reproduced apart, never used as a definitive sum", async () => {
    const [ex] = await s.all("SELECT bedrag FROM wmo_afkoopsom_stappen WHERE jaar = 2015 AND stap = 9");
    const [na] = await s.all("SELECT bedrag FROM wmo_afkoopsom_stappen WHERE jaar = 2015 AND stap = 7");
    expect(n(ex.bedrag)).toBe(Math.round(n(na.bedrag) * 0.95));
    const definitive = rows("wmo/waarnemingen.csv").filter((w) => w.grootheid === "afkoopsom_definitief");
    expect(definitive.map((w) => w.bron_id)).not.toContain("vng-verbond-wmo-2015");
    const [a] = await s.all("SELECT afkoopsom FROM wmo_afkoopsom WHERE jaar = 2015");
    expect(n(a.afkoopsom)).toBe(Math.round((n(na.bedrag) * param("wmo.deelname_verzekeraars", 2015).toNumber()) / 100));
  });

  it("Raadsvoorstel Hilversum 2018's '99,7% van alle gemeenten' counts municipalities; the parameter counts inhabitants, converted with the two small municipalities' assumed size", () => {
    const v = registryValue("wmo.deelname_gemeenten", 2017);
    expect(v.status).toBe("aanname");
    // the toelichting states the inhabitants assumed for the two: recompute the share from CBS's 1 January 2017
    const m = v.toelichting.match(/samen ([\d.]+) inwoners/);
    expect(m, v.toelichting).not.toBeNull();
    const inh = Number(m![1].replace(/\./g, ""));
    expect(Number(v.waarde)).toBeCloseTo(100 * (1 - inh / Number(population(2017).inwoners)), 2);
    expect(Number(v.waarde)).not.toBe(99.7);
  });

  it("2017's two unnamed small municipalities: every municipality small enough may be one of them, and no year distributes more than is available", async () => {
    const st = await s.all(
      "SELECT deelname_status, max(inwoners) AS grootste, count(*) AS n FROM wmo_verdeling_gemeenten WHERE jaar = 2017 GROUP BY deelname_status",
    );
    const unknown = st.find((r) => r.deelname_status === "onbekend")!;
    expect(n(unknown.n)).toBeGreaterThan(2);
    expect(n(unknown.grootste)).toBeLessThanOrEqual(param("wmo.inwoners_kleine_gemeente_max", 2017).toNumber());
    const years =
      await s.all(`SELECT b.jaar, b.uit_te_keren, sum(v.ontvangen) AS verdeeld, count(*) AS gemeenten FROM wmo_bedrag_per_inwoner b JOIN wmo_verdeling_gemeenten v USING (jaar)
                               GROUP BY b.jaar, b.uit_te_keren ORDER BY b.jaar`);
    expect(years.map((r) => n(r.jaar))).toEqual([2015, 2016, 2017, 2018]);
    // each municipality's amount is rounded to the euro: at most half a euro each above what is available
    for (const r of years) expect(n(r.verdeeld), `year ${r.jaar}`).toBeLessThanOrEqual(n(r.uit_te_keren) + 0.5 * n(r.gemeenten));
    // in 2017 the unknown municipalities' amounts are not counted as received
    expect(n(years.find((r) => n(r.jaar) === 2017)!.verdeeld)).toBeLessThan(n(years.find((r) => n(r.jaar) === 2017)!.uit_te_keren) * 0.99);
  });

  it("art. 5.5 distributes over the inhabitants of the year: CBS's population on 1 January of each year", async () => {
    const got = await s.all("SELECT jaar, inwoners_nederland FROM wmo_bedrag_per_inwoner ORDER BY jaar");
    for (const r of got) expect(n(r.inwoners_nederland)).toBe(Number(population(n(r.jaar)).inwoners));
  });
});

describe("Werkafspraken Verbond–ASP 2023, toelichting onder d: the EUR 2,500 rule holds for a share of cases only", () => {
  it("a provision below the threshold is settled directly only in the share of cases the pilot applies to", async () => {
    const rowsDirect = await s.all("SELECT voorziening, kosten, direct FROM vg_per_type WHERE jaar = 2024 AND vector_id = 0");
    const d = param("verhaal.drempel_toepassing", 2024).toNumber() / 100,
      a = param("verhaal.direct_door_verzekeraar", 2024).toNumber() / 100;
    const below = rowsDirect.filter((r) => n(r.kosten) <= param("verhaal.drempel_direct", 2024).toNumber());
    expect(below.length).toBeGreaterThan(0);
    for (const r of below) expect(n(r.direct)).toBeCloseTo(1 - (1 - d) * (1 - a), 12);
    for (const r of rowsDirect.filter((x) => !below.includes(x))) expect(n(r.direct)).toBeCloseTo(a, 12);
  });
});

describe("Monte Carlo distributions have their mode at the registry's value", () => {
  it("every drawn parameter is triangular with its mode at the value, unless the registry states an exception", () => {
    const params = rows("parameters/parameters.csv");
    for (const p of params.filter((x) => x.verdeling !== "")) {
      if (p.verdeling !== "driehoek") expect(p.toelichting, p.parameter_id).toMatch(/uitzondering/i);
    }
  });

  it("the draws of a skewed range average (laag + waarde + hoog) / 3, as a triangle with its mode at the value does", async () => {
    const id = "verhaal.detectie";
    const v = registryValue(id, 2018);
    const [r] = await s.all("SELECT avg(waarde) AS m, count(*) AS k FROM vg_vectoren WHERE parameter_id = $1 AND vector_id > 0", [id]);
    const expected = (Number(v.laag) + Number(v.waarde) + Number(v.hoog)) / 3;
    expect(n(r.k)).toBeGreaterThanOrEqual(1000);
    expect(Math.abs(n(r.m) - expected) / expected).toBeLessThan(0.03);
  });
});

describe("Convenant Wlz 2024–2027 art. 3.3 against SWOV's serious road injuries (MAIS3+)", () => {
  it("the yearly change is computed from the published series and flagged where it exceeds the convenant's 10%", async () => {
    const src = rows("wlz/verkeersgewonden.csv");
    const got = await s.all("SELECT jaar, verandering_pct, boven_drempel FROM wlz_verkeersgewonden ORDER BY jaar");
    expect(got.length).toBe(src.length);
    const drempel = param("wlz.drempel_heranalyse", 2024).toNumber();
    for (let i = 1; i < src.length; i++) {
      const change = (100 * Number(src[i].ernstig_gewonden_mais3)) / Number(src[i - 1].ernstig_gewonden_mais3) - 100;
      expect(n(got[i].verandering_pct)).toBeCloseTo(change, 9);
      expect(got[i].boven_drempel).toBe(Math.abs(change) > drempel);
    }
  });
});
