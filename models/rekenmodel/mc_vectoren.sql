-- regel: Rekenmodel Wlz: de parametersets van de Monte Carlo-simulatie, de tornado en het Sobol-ontwerp.
-- Rekenmodel Wlz, Monte Carlo part 2 of 4: the parameter vectors. Every parameter of the model with a range
-- (laag-hoog) and a distribution in the registry is drawn (driehoek: mode at the registry's value). Draws are
-- hash-based (trek_u and trek_waarde, intermediate/int_trekkingen.sql), so the same seed gives the same numbers in
-- Node and in DuckDB-Wasm (random() would not). One vector per draw (mc), one per end of each range (tornado) and
-- the Saltelli design of the Sobol indices (intermediate/int_sobol.sql), in one long table: vector, parameter, value.

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
