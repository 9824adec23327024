// Monte Carlo throughput of the Rekenmodel Wlz: N draws of the full model in DuckDB SQL (hash-seeded draws,
// PV grid, interpolation), against the same model written as a plain TypeScript loop over the same draws
// (exact sums over ages and years with the fitted multiplier of every age at injury). The loop is timed on a
// subsample of the same draws and extrapolated to N (it would take minutes for all of them); it also measures how
// far the SQL grid interpolation lies from the exact sums, draw by draw. Then the Sobol indices (Saltelli design,
// Jansen estimators) at the registry's N per matrix.
// Targets: 100,000 draws within 1 s of model time (the grid, which depends only on the year, reused); the Sobol
// indices within 5 s; on a 2-core machine. Reports; does not fail.
import { existsSync } from "node:fs";
import { alleen } from "../engine/engine.js";
import { select } from "../engine/graph.js";
import { runPipeline } from "../pipelines/warehouse/build.ts";
import { DEFAULT_DB } from "../pipelines/warehouse/paths.ts";
import { fitLine, median } from "./growth.ts";
import { ModelSession } from "../pipelines/warehouse/session.ts";

export async function benchMonteCarlo(draws = 100_000, tsDraws = 1_000) {
  if (!existsSync(DEFAULT_DB)) await runPipeline({});
  const s = await ModelSession.open(DEFAULT_DB);
  await s.run([]);
  const year = 2024;
  // the Monte Carlo's models that read its settings (the grid is reused: it reads only the year)
  const mcModels = alleen(select(s.graaf, { downstreamOf: ["mc_instellingen"], tags: ["rekenmodel"] }));
  /** The Monte Carlo's models at these settings, three times with seeds seed..seed+2: the median in ms. */
  const median3 = async (trekkingen: number, seed: number, sobolN: number) => {
    const ms: number[] = [];
    for (let rep = 0; rep < 3; rep++) {
      await s.exec(
        "CREATE OR REPLACE TABLE mc_instellingen AS SELECT $1::INTEGER AS jaar, $2::INTEGER AS trekkingen, $3::BIGINT AS seed, $4::INTEGER AS sobol_n",
        [year, trekkingen, seed + rep, sobolN],
      );
      const t0 = performance.now();
      await s.runSome(mcModels);
      ms.push(performance.now() - t0);
    }
    return median(ms);
  };
  // cost against the number of draws (the grid reused), the largest last: its last run is what the loop below reads
  const growth: [number, number][] = [];
  for (const n of [12_500, 25_000, 50_000]) growth.push([n, await median3(n, 3000, 0)]);
  const sqlMs = await median3(draws, 1000, 0);
  growth.push([draws, sqlMs]);
  // the TypeScript loop, on the first tsDraws draws of the last SQL run
  // the day tariffs are drawn per package inside the mix (rm_tariefmix): drawn here again, per package, for the loop
  const draw = await s.all(`SELECT b.*, t.schadelast AS sql_schadelast,
                              (SELECT list(struct_pack(zzp := y.zzp, waarde := y.waarde)) FROM (
                                 SELECT replace(x.parameter_id, 'rekenmodel.tarief.', '') AS zzp, trek_parameter(x.p, v.soort, v.sleutel, v.matrix, v.gevarieerd, v.kant) AS waarde
                                 FROM rm_parameters x WHERE x.parameter_id LIKE 'rekenmodel.tarief.%') y) AS tarieven
                            FROM rm_breed b JOIN rm_vector_ids v USING (jaar, soort, vector_id) JOIN rm_vector_totalen t USING (jaar, soort, vector_id)
                            WHERE soort = 'mc' ORDER BY vector_id LIMIT ${tsDraws}`);
  const ages = await s.all("SELECT groep, age, gewicht FROM rm_leeftijdsgewichten ORDER BY groep, age");
  const lt = await s.all(
    `SELECT tabel_id, age, lnl, coalesce(ax, 0.5) AS ax FROM int_levenstafels WHERE tabel_id IN (SELECT levenstafel_jaar || '-male' FROM rekenmodel_invoer UNION SELECT levenstafel_jaar || '-female' FROM rekenmodel_invoer) ORDER BY tabel_id, age`,
  );
  const [ctx] = await s.all(`SELECT (SELECT draagvlak FROM wlz_draagvlak WHERE jaar = ${year} AND stand = 'definitief') AS dv`);
  const invoer = await s.all(`SELECT groep, bevolking, huisvesting_per_jaar FROM rekenmodel_invoer WHERE jaar = ${year}`);
  const mix = await s.all("SELECT groep, zzp, aandeel_pct FROM stg_rekenmodel_zorgprofiel");
  const kBasis = await s.all(`SELECT groep, sex, age, k_basis FROM rekenmodel_sterfte_per_leeftijd WHERE jaar = ${year}`);
  // the Sobol indices at the registry's N per matrix (the Monte Carlo itself kept small)
  const [{ sobol_n }] = await s.all(`SELECT CAST(par('rekenmodel.sobol_n', ${year}) AS INTEGER) AS sobol_n`);
  const sobolMs = await median3(1, 2000, Number(sobol_n));
  const [{ d }] = await s.all(`SELECT count(*) AS d FROM rekenmodel_sobol WHERE jaar = ${year}`);
  s.close();

  const lnl: Record<string, Float64Array> = {};
  const axs: Record<string, Float64Array> = {};
  for (const sex of ["male", "female"]) {
    const rows = lt.filter((r) => String(r.tabel_id).split("-")[1] === sex);
    lnl[sex] = Float64Array.from(rows.map((r) => Number(r.lnl)));
    axs[sex] = Float64Array.from(rows.map((r) => Number(r.ax)));
  }
  const top = lnl.male.length;
  const k0 = (g: string, sex: string, age: number) => Number(kBasis.find((r) => r.groep === g && r.sex === sex && Number(r.age) === age)!.k_basis);
  const inv = (g: string, k: string) => Number(invoer.find((r) => r.groep === g)![k]);
  const groups = ["dwarslaesie", "nah"];
  const w = Object.fromEntries(groups.map((g) => [g, ages.filter((a) => a.groep === g).map((a) => [Number(a.age), Number(a.gewicht)] as const)]));
  const t0 = performance.now();
  let maxRelDiff = 0;
  for (const d of draw) {
    const v = (k: string) => Number(d[k]);
    const tarief = (zzp: string) => Number((d.tarieven as { zzp: string; waarde: number }[]).find((x) => x.zzp === zzp)!.waarde);
    const r = (1 + v("disconteringsvoet") / 100) / (1 + v("indexatie") / 100);
    const lag = Math.min(Math.max(Math.round(v("wachttijd")), 0), 5);
    let damage = 0;
    for (const g of groups) {
      const pop = inv(g, "bevolking");
      const inflow =
        ((((g === "dwarslaesie"
          ? (((((((pop * v("dwarslaesie_incidentie")) / 1e6) * v("dwarslaesie_aandeel_tetraplegie")) / 100) * v("dwarslaesie_aandeel_hoog")) / 100) *
              (((v("dwarslaesie_aandeel_verkeer") / 100) * v("dwarslaesie_aandeel_aansprakelijk_verkeer")) / 100 +
                v("dwarslaesie_aandeel_aansprakelijk_overig") / 100) *
              v("dwarslaesie_aandeel_wlz")) /
            100
          : ((((pop * v("nah_incidentie")) / 1e5) * (1 - v("nah_sterfte_ziekenhuis") / 100) * v("nah_aandeel_zeer_ernstig")) / 100) *
            (((v("nah_aandeel_verkeer") / 100) * v("nah_aandeel_aansprakelijk_verkeer")) / 100 + v("nah_aandeel_aansprakelijk_overig") / 100)) *
          v("aansprakelijkheid")) /
          100) *
          (1 - v("werkgever_uitgesloten") / 100) *
          v("civielrechtelijk_verhaalbaar")) /
        100;
      const bruto =
        mix.filter((m) => m.groep === g).reduce((t, m) => t + (Number(m.aandeel_pct) / 100) * tarief(String(m.zzp)) * v("dagen_per_jaar"), 0) +
        inv(g, "huisvesting_per_jaar");
      const cost =
        ((bruto * v("contracteerpercentage")) / 100) * (1 + v("subsidies") / 100) * (1 + v("beleidswijzigingen") / 100) * (1 - v("eigen_bijdrage") / 100);
      const man = (g === "dwarslaesie" ? v("dwarslaesie_aandeel_man") : v("nah_aandeel_man")) / 100;
      const scale = g === "nah" ? v("nah_sterftefactor") : v("dwarslaesie_sterftefactor_schaal");
      let pv = 0;
      for (const sex of ["male", "female"]) {
        let s = 0;
        for (const [age, wt] of w[g]) {
          const k = k0(g, sex, age) * scale;
          for (let a = age + lag; a < top; a++) s += wt * Math.exp(k * (lnl[sex][a] - lnl[sex][age])) * r ** -(a - age);
        }
        pv += (sex === "male" ? man : 1 - man) * s;
      }
      damage += inflow * cost * pv;
    }
    const exact = (damage * Number(ctx.dv)) / 100;
    maxRelDiff = Math.max(maxRelDiff, Math.abs(Number(d.sql_schadelast) / exact - 1));
  }
  const tsMs = performance.now() - t0;
  return {
    draws,
    sqlMs: Math.round(sqlMs),
    sqlDrawsPerSecond: Math.round(draws / (sqlMs / 1000)),
    tsDraws: draw.length,
    tsMs: Math.round(tsMs),
    tsMsExtrapolated: Math.round((tsMs / draw.length) * draws),
    maxRelativeDifferenceSqlGridVsExact: Number(maxRelDiff.toPrecision(3)),
    sobolN: Number(sobol_n),
    sobolParameters: Number(d),
    sobolEvaluations: Number(sobol_n) * (Number(d) + 2),
    sobolMs: Math.round(sobolMs),
    growth: fitLine("draws", growth),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchMonteCarlo(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 1_000));
  console.log(JSON.stringify(r, null, 2));
}
