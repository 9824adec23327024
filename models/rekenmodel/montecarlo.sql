-- regel: Rekenmodel Wlz: de onzekerheid van de benodigde afkoopsom (Monte Carlo en Sobol-indices).
-- Rekenmodel Wlz: uncertainty. Every parameter of the model with a range (laag-hoog) and a distribution in
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

-- numerical settings of the grid (not model parameters)
CREATE OR REPLACE TABLE rm_rooster_instellingen AS
SELECT -1.0 AS ln_k_min, 0.035 AS ln_k_stap, 120 AS k_punten, -0.04 AS r_min, 0.004 AS r_stap, 31 AS r_punten, 5 AS max_wachttijd;

-- age weights within each group (class share spread over its ages) with the base multiplier of each age and sex
CREATE OR REPLACE TABLE rm_leeftijdsgewichten AS
SELECT l.groep, a.age, l.aandeel_pct / 100 / (l.leeftijd_tot - l.leeftijd_van + 1) AS gewicht
FROM stg_rekenmodel_leeftijden l CROSS JOIN LATERAL (SELECT range AS age FROM range(l.leeftijd_van, l.leeftijd_tot + 1)) a;

-- S(groep, sex, shift, t) = sum over ages of weight x survival^(k_basis(age) e^shift), for every shift of the grid
CREATE OR REPLACE TEMP TABLE rm_overleving_rooster AS
WITH jaar AS (SELECT min(jaar) AS jaar FROM mc_instellingen),
tafel AS (SELECT DISTINCT levenstafel_jaar FROM rekenmodel_invoer WHERE jaar = (SELECT jaar FROM jaar)),
ks AS (SELECT range AS ki, exp(s.ln_k_min + range * s.ln_k_stap) AS k FROM rm_rooster_instellingen s, range(s.k_punten)),
d AS (
  SELECT w.groep, sx.sex, w.gewicht, f.k_basis, lt.age - w.age AS t, lt.lnl - l0.lnl AS dl
  FROM rm_leeftijdsgewichten w CROSS JOIN (SELECT unnest(['male', 'female']) AS sex) sx CROSS JOIN tafel
  JOIN rekenmodel_sterfte_per_leeftijd f ON f.jaar = (SELECT jaar FROM jaar) AND f.groep = w.groep AND f.sex = sx.sex AND f.age = w.age
  JOIN int_levenstafels l0 ON l0.tabel_id = tafel.levenstafel_jaar || '-' || sx.sex AND l0.age = w.age
  JOIN int_levenstafels lt ON lt.tabel_id = l0.tabel_id AND lt.age >= w.age
)
SELECT d.groep, d.sex, ks.ki, d.t, sum(d.gewicht * exp(d.k_basis * ks.k * d.dl)) AS s
FROM d CROSS JOIN ks GROUP BY d.groep, d.sex, ks.ki, d.t;

-- PV(groep, sex, shift, r, wachttijd) = sum_{t >= wachttijd} S (1 + r)^-t, as a list over wachttijd 0..max, and each
-- grid cell with its three neighbours (shift+1, r+1, both), so that interpolation is one equality join
CREATE OR REPLACE TEMP TABLE rm_pv_rooster AS
WITH rs AS (SELECT range AS ri, s.r_min + range * s.r_stap AS r FROM rm_rooster_instellingen s, range(s.r_punten)),
v AS (SELECT o.groep, o.sex, o.ki, rs.ri, o.t, o.s * exp(-o.t * ln(1 + rs.r)) AS v FROM rm_overleving_rooster o CROSS JOIN rs),
c AS (
  SELECT groep, sex, ki, ri, sum(v) AS totaal,
         [sum(v) FILTER (t = 0), sum(v) FILTER (t = 1), sum(v) FILTER (t = 2), sum(v) FILTER (t = 3), sum(v) FILTER (t = 4)] AS begin
  FROM v GROUP BY groep, sex, ki, ri
)
SELECT groep, sex, ki, ri,
       list_transform(range(0, (SELECT max_wachttijd + 1 FROM rm_rooster_instellingen)),
                      lag -> totaal - coalesce(list_sum(list_slice(begin, 1, lag)), 0)) AS pv
FROM c;

CREATE OR REPLACE TABLE rm_pv_cellen AS
SELECT a.groep, a.sex, a.ki, a.ri, a.pv AS pv00, b.pv AS pv10, c.pv AS pv01, d.pv AS pv11
FROM rm_pv_rooster a
JOIN rm_pv_rooster b ON b.groep = a.groep AND b.sex = a.sex AND b.ki = a.ki + 1 AND b.ri = a.ri
JOIN rm_pv_rooster c ON c.groep = a.groep AND c.sex = a.sex AND c.ki = a.ki AND c.ri = a.ri + 1
JOIN rm_pv_rooster d ON d.groep = a.groep AND d.sex = a.sex AND d.ki = a.ki + 1 AND d.ri = a.ri + 1;

-- the vectors to evaluate: Monte Carlo draws and tornado variations, each a full set of parameter values
CREATE OR REPLACE TABLE rm_onzeker AS
SELECT i.jaar, p.parameter_id, p.waarde, p.laag, p.hoog, s.verdeling
FROM mc_instellingen i
JOIN int_parameters_per_jaar p ON p.jaar = i.jaar
JOIN stg_parameters s USING (parameter_id)
WHERE p.laag < p.hoog AND s.verdeling IS NOT NULL AND p.parameter_id LIKE 'rekenmodel.%';

CREATE OR REPLACE TABLE rm_vast AS
SELECT i.jaar, p.parameter_id, p.waarde
FROM mc_instellingen i JOIN int_parameters_per_jaar p ON p.jaar = i.jaar
WHERE p.parameter_id LIKE 'rekenmodel.%'
  AND p.parameter_id NOT IN (SELECT parameter_id FROM rm_onzeker o WHERE o.jaar = i.jaar);

-- the Sobol design: one row per vector and parameter
CREATE OR REPLACE TEMP TABLE rm_sobol_ontwerp AS
SELECT i.jaar, d.matrix, d.gevarieerd, d.trekking, d.parameter_id, d.u, d.vector_id
FROM mc_instellingen i CROSS JOIN LATERAL (SELECT * FROM sobol_ontwerp(i.seed, i.sobol_n, 'rm_onzeker')) d
WHERE i.sobol_n > 0;
CREATE OR REPLACE TABLE rm_sobol_vectoren AS SELECT DISTINCT jaar, matrix, gevarieerd, trekking, vector_id FROM rm_sobol_ontwerp;

CREATE OR REPLACE TEMP TABLE rm_vectoren AS
WITH trek AS (SELECT i.jaar, i.seed, t.range AS vector_id FROM mc_instellingen i CROSS JOIN LATERAL range(i.trekkingen) t),
mc AS (
  SELECT t.jaar, 'mc' AS soort, t.vector_id, o.parameter_id,
         trek_waarde(trek_u(t.seed, t.vector_id, o.parameter_id), o.laag, o.waarde, o.hoog, o.verdeling) AS waarde
  FROM trek t JOIN rm_onzeker o ON o.jaar = t.jaar
),
tornado_def AS (
  SELECT jaar, parameter_id AS gevarieerd, kant, row_number() OVER (PARTITION BY jaar ORDER BY parameter_id, kant) AS vector_id,
         CASE kant WHEN 'laag' THEN laag ELSE hoog END AS waarde
  FROM rm_onzeker CROSS JOIN (SELECT unnest(['laag', 'hoog']) AS kant)
  UNION ALL SELECT DISTINCT jaar, NULL, 'basis', 0, NULL FROM rm_onzeker
),
tornado AS (
  SELECT d.jaar, 'tornado' AS soort, d.vector_id, o.parameter_id, CASE WHEN o.parameter_id = d.gevarieerd THEN d.waarde ELSE o.waarde END AS waarde
  FROM tornado_def d JOIN rm_onzeker o ON o.jaar = d.jaar
),
sobol AS (
  SELECT d.jaar, 'sobol' AS soort, d.vector_id, o.parameter_id, trek_waarde(d.u, o.laag, o.waarde, o.hoog, o.verdeling) AS waarde
  FROM rm_sobol_ontwerp d JOIN rm_onzeker o ON o.jaar = d.jaar AND o.parameter_id = d.parameter_id
)
SELECT * FROM mc UNION ALL SELECT * FROM tornado UNION ALL SELECT * FROM sobol;

CREATE OR REPLACE TABLE rm_tornado_vectoren AS
SELECT jaar, parameter_id AS gevarieerd, kant, row_number() OVER (PARTITION BY jaar ORDER BY parameter_id, kant) AS vector_id
FROM rm_onzeker CROSS JOIN (SELECT unnest(['laag', 'hoog']) AS kant);

-- one row per vector with every parameter the evaluation needs
CREATE OR REPLACE TEMP TABLE rm_breed AS
WITH alle AS (
  SELECT jaar, soort, vector_id, parameter_id, waarde FROM rm_vectoren
  UNION ALL
  SELECT v.jaar, v.soort, v.vector_id, f.parameter_id, f.waarde
  FROM (SELECT DISTINCT jaar, soort, vector_id FROM rm_vectoren) v JOIN rm_vast f ON f.jaar = v.jaar
)
SELECT jaar, soort, vector_id,
  max(waarde) FILTER (parameter_id = 'rekenmodel.dwarslaesie.incidentie') AS dl_incidentie,
  max(waarde) FILTER (parameter_id = 'rekenmodel.dwarslaesie.aandeel_tetraplegie') AS dl_tetra,
  max(waarde) FILTER (parameter_id = 'rekenmodel.dwarslaesie.aandeel_hoog') AS dl_hoog,
  max(waarde) FILTER (parameter_id = 'rekenmodel.dwarslaesie.aandeel_verkeer') AS dl_verkeer,
  max(waarde) FILTER (parameter_id = 'rekenmodel.dwarslaesie.aandeel_aansprakelijk_verkeer') AS dl_av,
  max(waarde) FILTER (parameter_id = 'rekenmodel.dwarslaesie.aandeel_aansprakelijk_overig') AS dl_ao,
  max(waarde) FILTER (parameter_id = 'rekenmodel.dwarslaesie.aandeel_wlz') AS dl_wlz,
  max(waarde) FILTER (parameter_id = 'rekenmodel.dwarslaesie.aandeel_man') AS dl_man,
  max(waarde) FILTER (parameter_id = 'rekenmodel.dwarslaesie.sterftefactor_schaal') AS dl_schaal,
  max(waarde) FILTER (parameter_id = 'rekenmodel.nah.incidentie') AS nah_incidentie,
  max(waarde) FILTER (parameter_id = 'rekenmodel.nah.sterfte_ziekenhuis') AS nah_sterfte,
  max(waarde) FILTER (parameter_id = 'rekenmodel.nah.aandeel_zeer_ernstig') AS nah_ernstig,
  max(waarde) FILTER (parameter_id = 'rekenmodel.nah.aandeel_verkeer') AS nah_verkeer,
  max(waarde) FILTER (parameter_id = 'rekenmodel.nah.aandeel_aansprakelijk_verkeer') AS nah_av,
  max(waarde) FILTER (parameter_id = 'rekenmodel.nah.aandeel_aansprakelijk_overig') AS nah_ao,
  max(waarde) FILTER (parameter_id = 'rekenmodel.nah.aandeel_man') AS nah_man,
  max(waarde) FILTER (parameter_id = 'rekenmodel.nah.sterftefactor') AS nah_k,
  max(waarde) FILTER (parameter_id = 'rekenmodel.wachttijd') AS wachttijd,
  max(waarde) FILTER (parameter_id = 'rekenmodel.tarief.lg5') AS lg5,
  max(waarde) FILTER (parameter_id = 'rekenmodel.tarief.lg6') AS lg6,
  max(waarde) FILTER (parameter_id = 'rekenmodel.tarief.lg7') AS lg7,
  max(waarde) FILTER (parameter_id = 'rekenmodel.dagen_per_jaar') AS dagen,
  max(waarde) FILTER (parameter_id = 'rekenmodel.contracteerpercentage') AS contracteer,
  max(waarde) FILTER (parameter_id = 'rekenmodel.eigen_bijdrage') AS eigen_bijdrage,
  max(waarde) FILTER (parameter_id = 'rekenmodel.subsidies') AS subsidies,
  max(waarde) FILTER (parameter_id = 'rekenmodel.beleidswijzigingen') AS beleid,
  max(waarde) FILTER (parameter_id = 'rekenmodel.aansprakelijkheid') AS aansprakelijkheid,
  max(waarde) FILTER (parameter_id = 'rekenmodel.werkgever_uitgesloten') AS werkgever,
  max(waarde) FILTER (parameter_id = 'rekenmodel.civielrechtelijk_verhaalbaar') AS civiel,
  max(waarde) FILTER (parameter_id = 'rekenmodel.disconteringsvoet') AS disconto,
  max(waarde) FILTER (parameter_id = 'rekenmodel.indexatie') AS indexatie
FROM alle GROUP BY jaar, soort, vector_id;

-- evaluation per vector, group and sex: inflow, yearly cost (the package mix of the drawn day tariffs, plus the housing
-- components, which are not drawn), net rate, waiting time and the grid position
CREATE OR REPLACE TEMP TABLE rm_posities AS
WITH zp AS (
  SELECT groep, sum(aandeel_pct / 100) FILTER (zzp = 'lg5') AS w5, sum(aandeel_pct / 100) FILTER (zzp = 'lg6') AS w6,
         sum(aandeel_pct / 100) FILTER (zzp = 'lg7') AS w7
  FROM stg_rekenmodel_zorgprofiel GROUP BY groep
),
g AS (
  SELECT b.jaar, b.soort, b.vector_id, i.groep, sx.sex,
         CASE i.groep WHEN 'dwarslaesie' THEN rm_instroom_dwarslaesie(i.bevolking, b.dl_incidentie, b.dl_tetra, b.dl_hoog, b.dl_verkeer, b.dl_av, b.dl_ao, b.dl_wlz)
              ELSE rm_instroom_nah(i.bevolking, b.nah_incidentie, b.nah_sterfte, b.nah_ernstig, b.nah_verkeer, b.nah_av, b.nah_ao) END
           * rm_verhaalbaar(b.aansprakelijkheid, b.werkgever, b.civiel) AS instroom,
         rm_jaarkosten((coalesce(zp.w5, 0) * b.lg5 + coalesce(zp.w6, 0) * b.lg6 + coalesce(zp.w7, 0) * b.lg7) * b.dagen + i.huisvesting_per_jaar,
                       b.contracteer, b.subsidies, b.beleid, b.eigen_bijdrage) AS kosten_per_jaar,
         CASE i.groep WHEN 'dwarslaesie' THEN b.dl_man ELSE b.nah_man END / 100 AS aandeel_man,
         (1 + b.disconto / 100) / (1 + b.indexatie / 100) - 1 AS r,
         CAST(least(greatest(round(b.wachttijd), 0), s.max_wachttijd) AS INTEGER) AS lag,
         ln(CASE i.groep WHEN 'dwarslaesie' THEN b.dl_schaal ELSE b.nah_k END) AS ln_k
  FROM rm_breed b CROSS JOIN rm_rooster_instellingen s
  JOIN rekenmodel_invoer i ON i.jaar = b.jaar
  JOIN zp ON zp.groep = i.groep
  CROSS JOIN (SELECT unnest(['male', 'female']) AS sex) sx
)
SELECT g.jaar, g.soort, g.vector_id, g.groep, g.sex, g.instroom, g.kosten_per_jaar, g.aandeel_man, g.lag,
       CAST(floor(xk) AS INTEGER) AS ki, xk - floor(xk) AS fk, CAST(floor(xr) AS INTEGER) AS ri, xr - floor(xr) AS fr
FROM (SELECT g.*, least(greatest((g.ln_k - s.ln_k_min) / s.ln_k_stap, 0), s.k_punten - 1.000001) AS xk,
             least(greatest((g.r - s.r_min) / s.r_stap, 0), s.r_punten - 1.000001) AS xr
      FROM g CROSS JOIN rm_rooster_instellingen s) g;

CREATE OR REPLACE TEMP TABLE rm_uitkomsten AS
SELECT p.jaar, p.soort, p.vector_id, p.groep,
       any_value(p.instroom) AS instroom,
       any_value(p.kosten_per_jaar) * sum(((1 - p.fk) * (1 - p.fr) * c.pv00[p.lag + 1] + p.fk * (1 - p.fr) * c.pv10[p.lag + 1]
                                            + (1 - p.fk) * p.fr * c.pv01[p.lag + 1] + p.fk * p.fr * c.pv11[p.lag + 1])
         * CASE p.sex WHEN 'male' THEN p.aandeel_man ELSE 1 - p.aandeel_man END) AS cw_per_persoon
FROM rm_posities p
JOIN rm_pv_cellen c ON c.groep = p.groep AND c.sex = p.sex AND c.ki = p.ki AND c.ri = p.ri
GROUP BY p.jaar, p.soort, p.vector_id, p.groep;

-- per vector: the damage for the participating insurers (the adequate sum) and, for comparison only, its ratio to the
-- project's assumed afkoopsom of the year (wlz_afkoopsom.definitief, an assumption: the sums are not public)
CREATE OR REPLACE TABLE rm_vector_totalen AS
SELECT u.jaar, u.soort, u.vector_id, sum(u.instroom * u.cw_per_persoon) AS schadelast_100pct,
       sum(u.instroom * u.cw_per_persoon) * any_value(d.draagvlak) / 100 AS schadelast,
       CAST(any_value(a.definitief) AS DOUBLE) AS afkoopsom,
       CAST(any_value(a.definitief) AS DOUBLE) / (sum(u.instroom * u.cw_per_persoon) * any_value(d.draagvlak) / 100) AS verhouding
FROM rm_uitkomsten u
JOIN wlz_draagvlak d ON d.jaar = u.jaar AND d.stand = 'definitief'
JOIN wlz_afkoopsom a ON a.jaar = u.jaar
GROUP BY u.jaar, u.soort, u.vector_id;

-- Monte Carlo summary: percentiles of the damage (= the afkoopsom that would be adequate) and, against the assumed
-- sum, of the ratio and the probability that it falls short. Amounts are rounded to the cent and ratios to 1e-9:
-- parallel sums in DOUBLE differ in their last bits from run to run and between engines; the rounding keeps the
-- published numbers identical for the same seed.
CREATE OR REPLACE TABLE rekenmodel_montecarlo AS
SELECT t.jaar, i.trekkingen, i.seed,
       round(list_sum(list_sort(list(schadelast))) / count(*), 2) AS schadelast_gemiddeld,
       round(quantile_cont(schadelast, 0.05), 2) AS schadelast_p05, round(quantile_cont(schadelast, 0.25), 2) AS schadelast_p25,
       round(quantile_cont(schadelast, 0.5), 2) AS schadelast_p50, round(quantile_cont(schadelast, 0.75), 2) AS schadelast_p75,
       round(quantile_cont(schadelast, 0.95), 2) AS schadelast_p95,
       round(any_value(afkoopsom), 2) AS afkoopsom_aanname,
       round(quantile_cont(verhouding, 0.05), 9) AS verhouding_p05, round(quantile_cont(verhouding, 0.5), 9) AS verhouding_p50,
       round(quantile_cont(verhouding, 0.95), 9) AS verhouding_p95,
       count(*) FILTER (afkoopsom < schadelast) / count(*) AS kans_tekort
FROM rm_vector_totalen t JOIN mc_instellingen i USING (jaar)
WHERE t.soort = 'mc'
GROUP BY t.jaar, i.trekkingen, i.seed ORDER BY t.jaar;

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
