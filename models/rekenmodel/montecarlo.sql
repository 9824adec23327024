-- regel: Rekenmodel Wlz: de onzekerheid van de benodigde afkoopsom (Monte Carlo, tornado en Sobol-indices).
-- Rekenmodel Wlz, Monte Carlo part 4 of 4: the summary (parts 1-3: mc_rooster.sql, mc_vectoren.sql,
-- mc_evaluatie.sql). Rekenmodel Wlz: uncertainty. Every parameter of the model with a range (laag-hoog) and a distribution in
-- the registry is drawn (driehoek: mode at the registry's value). Draws are hash-based (trek_u and trek_waarde,
-- intermediate/int_trekkingen.sql), so the same seed gives the same numbers in Node and in DuckDB-Wasm (random()
-- would not). The Wlz afkoopsom itself is not public and is not drawn: the output is the damage for the participating
-- insurers, i.e. the afkoopsom that would be adequate (benodigde afkoopsom); a ratio is only formed against a sum
-- the user gives (or the project's assumed one, labelled as such).
-- The same evaluation serves the Monte Carlo (one vector per draw), the tornado (one parameter at laag or hoog, the
-- others at their value) and the Sobol indices (Saltelli design, intermediate/int_sobol.sql). It uses the
-- rekenmodel's own macros for inflow and cost; the present value per person comes from a grid over a shift of the
-- mortality multipliers (ln k = ln k_basis(age) + shift: NAH's k_basis is 1 and its shift ln(nah.sterftefactor);
-- the dwarslaesie's k_basis is the fitted one per age and its shift ln(sterftefactor_schaal)), the net discount rate
-- and the waiting time, interpolated bilinearly (checked against the exact model in the tests).

-- Monte Carlo summary: percentiles of the damage (= the afkoopsom that would be adequate) and, against the assumed
-- sum, of the ratio and the probability that it falls short. Amounts are rounded to the cent and ratios to 1e-9:
-- parallel sums in DOUBLE differ in their last bits from run to run and between engines; the rounding keeps the
-- published numbers identical for the same seed.
CREATE OR REPLACE TABLE rekenmodel_montecarlo AS
SELECT jaar, trekkingen, seed, schadelast_gemiddeld,
       round(s[1], 2) AS schadelast_p05, round(s[2], 2) AS schadelast_p25, round(s[3], 2) AS schadelast_p50,
       round(s[4], 2) AS schadelast_p75, round(s[5], 2) AS schadelast_p95, afkoopsom_aanname,
       round(v[1], 9) AS verhouding_p05, round(v[2], 9) AS verhouding_p50, round(v[3], 9) AS verhouding_p95, kans_tekort
FROM (
  -- the quantiles of each measure from one state (a list of quantiles: the same interpolation as one at a time)
  SELECT t.jaar, i.trekkingen, i.seed,
         round(list_sum(list_sort(list(schadelast))) / count(*), 2) AS schadelast_gemiddeld,
         quantile_cont(schadelast, [0.05, 0.25, 0.5, 0.75, 0.95]) AS s,
         round(any_value(afkoopsom), 2) AS afkoopsom_aanname,
         quantile_cont(verhouding, [0.05, 0.5, 0.95]) AS v,
         count(*) FILTER (afkoopsom < schadelast) / count(*) AS kans_tekort
  FROM rm_vector_totalen t JOIN mc_instellingen i USING (jaar)
  WHERE t.soort = 'mc'
  GROUP BY t.jaar, i.trekkingen, i.seed
)
ORDER BY jaar;

CREATE OR REPLACE TABLE rekenmodel_mc_verdeling AS
SELECT jaar, vector_id AS trekking, round(schadelast, 2) AS schadelast FROM rm_vector_totalen WHERE soort = 'mc' ORDER BY jaar, vector_id;

-- tornado: each uncertain parameter at the ends of its range, the others at their value; and the elasticity
CREATE OR REPLACE TABLE rekenmodel_tornado AS
WITH basis AS (SELECT jaar, schadelast FROM rm_vector_totalen WHERE soort = 'tornado' AND vector_id = 0)
SELECT v.jaar, v.gevarieerd AS parameter_id, o.waarde, o.laag, o.hoog,
       max(t.schadelast) FILTER (v.kant = 'laag') AS schadelast_bij_laag,
       max(t.schadelast) FILTER (v.kant = 'hoog') AS schadelast_bij_hoog,
       any_value(b.schadelast) AS schadelast_basis,
       abs(max(t.schadelast) FILTER (v.kant = 'hoog') - max(t.schadelast) FILTER (v.kant = 'laag')) AS bereik,
       CASE WHEN o.hoog <> o.laag AND o.waarde <> 0 THEN
         ((max(t.schadelast) FILTER (v.kant = 'hoog') - max(t.schadelast) FILTER (v.kant = 'laag')) / any_value(b.schadelast)) / ((o.hoog - o.laag) / o.waarde) END AS elasticiteit
FROM rm_tornado_vectoren v
JOIN rm_vector_totalen t ON t.jaar = v.jaar AND t.soort = 'tornado' AND t.vector_id = v.vector_id
JOIN basis b ON b.jaar = v.jaar
JOIN rm_onzeker o ON o.jaar = v.jaar AND o.parameter_id = v.gevarieerd
GROUP BY v.jaar, v.gevarieerd, o.waarde, o.laag, o.hoog
ORDER BY v.jaar, bereik DESC;

-- Sobol indices of the adequate sum (benodigde afkoopsom): which inputs drive its variance, alone (eerste_orde) and
-- with their interactions (totaal); the same draws in Node and the browser
CREATE OR REPLACE TEMP TABLE rm_sobol_uitkomsten AS
SELECT CAST(t.jaar AS VARCHAR) AS uitkomst, v.matrix, v.gevarieerd, v.trekking, t.schadelast AS f
FROM rm_vector_totalen t JOIN rm_sobol_vectoren v ON v.jaar = t.jaar AND v.vector_id = t.vector_id
WHERE t.soort = 'sobol';

CREATE OR REPLACE TABLE rekenmodel_sobol AS
SELECT CAST(s.uitkomst AS INTEGER) AS jaar, s.parameter_id, s.eerste_orde, s.totaal, s.trekkingen,
       row_number() OVER (PARTITION BY s.uitkomst ORDER BY s.totaal DESC, s.parameter_id) AS rang
FROM sobol_indices('rm_sobol_uitkomsten') s
ORDER BY jaar, rang;
