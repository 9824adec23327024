-- regel: Rekenmodel Wlz: de parametersets van de Monte Carlo-simulatie, de tornado en het Sobol-ontwerp.
-- Rekenmodel Wlz, Monte Carlo part 2 of 4: the parameter vectors. Every parameter of the model with a range
-- (laag-hoog) and a distribution in the registry is drawn (driehoek: mode at the registry's value). Draws are
-- hash-based (trek_u and trek_waarde, intermediate/int_trekkingen.sql), so the same seed gives the same numbers in
-- Node and in DuckDB-Wasm (random() would not). One vector per draw (mc), one per end of each range (tornado) and
-- the Saltelli design of the Sobol indices (intermediate/int_sobol.sql), drawn directly in wide form: one row per
-- vector, one column per parameter, named after its id without the prefix (rekenmodel.nah.incidentie →
-- nah_incidentie). Only the parameter list (a few dozen rows) is pivoted, never the vectors;
-- test/traceability.test.ts checks that the evaluation reads every drawn parameter.

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

-- every parameter of the Rekenmodel, as a struct: its value, range and distribution, and whether it is drawn; then
-- the same in one row with a column per parameter, named after its id without the prefix (rekenmodel.nah.incidentie
-- → nah_incidentie), the names the evaluation reads. The day tariffs are drawn per package in rm_tariefmix.
CREATE OR REPLACE TEMP TABLE rm_parameters AS
SELECT parameter_id, sobol_parameter(parameter_id, waarde, laag, hoog, verdeling, true) AS p FROM rm_onzeker
UNION ALL
SELECT parameter_id, sobol_parameter(parameter_id, waarde, waarde, waarde, NULL::VARCHAR, false) FROM rm_vast;

CREATE OR REPLACE TEMP TABLE rm_parameterrij AS
PIVOT (SELECT replace(replace(parameter_id, 'rekenmodel.', ''), '.', '_') AS naam, p FROM rm_parameters WHERE parameter_id NOT LIKE 'rekenmodel.tarief.%')
ON naam USING any_value(p);

-- the vectors: draws 0 .. N-1, the tornado's base (0) and its ends (one parameter at laag or hoog), and the Saltelli
-- design; none when nothing is uncertain
CREATE OR REPLACE TABLE rm_tornado_vectoren AS
SELECT jaar, parameter_id AS gevarieerd, kant, row_number() OVER (PARTITION BY jaar ORDER BY parameter_id, kant) AS vector_id
FROM rm_onzeker CROSS JOIN (SELECT unnest(['laag', 'hoog']) AS kant);

CREATE OR REPLACE TABLE rm_sobol_vectoren AS
SELECT i.jaar, d.matrix, d.gevarieerd, d.trekking, d.vector_id
FROM mc_instellingen i CROSS JOIN LATERAL (SELECT * FROM sobol_vectoren(i.sobol_n, 'rm_onzeker')) d
WHERE i.sobol_n > 0 AND EXISTS (SELECT 1 FROM rm_onzeker);

CREATE OR REPLACE TEMP TABLE rm_vector_ids AS
SELECT i.jaar, 'mc' AS soort, t.range AS vector_id, trek_sleutel(i.seed, t.range) AS sleutel, NULL::VARCHAR AS matrix, NULL::VARCHAR AS gevarieerd,
       NULL::VARCHAR AS kant
FROM mc_instellingen i CROSS JOIN range(i.trekkingen) t WHERE EXISTS (SELECT 1 FROM rm_onzeker)
UNION ALL SELECT DISTINCT jaar, 'tornado', 0, NULL, NULL, NULL, 'basis' FROM rm_onzeker
UNION ALL SELECT jaar, 'tornado', vector_id, NULL, NULL, gevarieerd, kant FROM rm_tornado_vectoren
UNION ALL SELECT s.jaar, 'sobol', s.vector_id, trek_sleutel(i.seed, s.trekking), s.matrix, s.gevarieerd, NULL FROM rm_sobol_vectoren s JOIN mc_instellingen i USING (jaar);

-- one row per vector with every parameter, a column each (COLUMNS, per column of rm_parameterrij): first each
-- parameter's draw u (trek_met_u, intermediate/int_sobol.sql), then its value (trek_uit_u), so that every value is
-- hashed once. A view: the evaluation (mc_evaluatie.sql) reads it once, and the draws are made there, only of the
-- columns it reads, instead of written to a table first (100,000 draws: 0.55 -> 0.40 s for these two steps)
CREATE OR REPLACE TEMP VIEW rm_breed AS
SELECT jaar, soort, vector_id, trek_uit_u(COLUMNS(* EXCLUDE (jaar, soort, vector_id, gevarieerd, kant)), soort, gevarieerd, kant)
FROM (SELECT v.jaar, v.soort, v.vector_id, v.gevarieerd, v.kant, trek_met_u(COLUMNS(k.*), v.soort, v.sleutel, v.matrix, v.gevarieerd)
      FROM rm_vector_ids v CROSS JOIN rm_parameterrij k);

-- the day tariff of each group's package mix, per vector: every package of stg_rekenmodel_zorgprofiel at its own
-- tariff parameter (rekenmodel.tarief.<zzp>), drawn or fixed, so no package is left out (the loader accepts only
-- priced packages). One row per vector with a column per group (the loader's two: dwarslaesie, nah), which the
-- evaluation joins one to one; each sum adds its group's packages in the order a sum per group would.
CREATE OR REPLACE TEMP TABLE rm_tariefmix AS
WITH mix AS (
  SELECT z.groep, z.aandeel_pct / 100 AS aandeel, p.p
  FROM stg_rekenmodel_zorgprofiel z JOIN rm_parameters p ON p.parameter_id = 'rekenmodel.tarief.' || z.zzp
)
SELECT jaar, soort, vector_id,
       sum(aandeel * trek_parameter_u(p, u, soort, gevarieerd, kant)) FILTER (groep = 'dwarslaesie') AS dagtarief_dwarslaesie,
       sum(aandeel * trek_parameter_u(p, u, soort, gevarieerd, kant)) FILTER (groep = 'nah') AS dagtarief_nah
FROM (SELECT v.jaar, v.soort, v.vector_id, v.gevarieerd, v.kant, m.groep, m.aandeel, m.p, trek_u_parameter(m.p, v.soort, v.sleutel, v.matrix, v.gevarieerd) AS u
      FROM rm_vector_ids v CROSS JOIN mix m)
GROUP BY jaar, soort, vector_id;
