-- regel: Afkopen of zelf verhalen: de parametersets (basis en trekkingen) waarop wordt gerekend.
-- The parameter vectors the comparison is evaluated on: vector 0 of every year holds the registry's values (the
-- base case); vectors 1..N of the Monte Carlo year hold seeded draws of every verhaal.* parameter with a range
-- and a distribution (int_trekkingen.sql); negative vectors -1..-N(d+2) hold the Sobol design of that year
-- (intermediate/int_sobol.sql; vector -k is the design's vector k), for the drivers of each headline (sobol.sql).
-- One row per grid point and vector with each parameter in its own column, and one row per grid point, vector and
-- provision type. With a selection (one municipality's question, vg_selectie) only the question's year is
-- evaluated, without the Sobol design: the site shows the drivers computed at build time.
CREATE OR REPLACE TABLE vg_onzeker AS
SELECT p.jaar, p.parameter_id, p.waarde, p.laag, p.hoog, s.verdeling
FROM int_parameters_per_jaar p JOIN stg_parameters s USING (parameter_id) JOIN vg_mc_instellingen i ON i.jaar = p.jaar
WHERE p.parameter_id LIKE 'verhaal.%' AND p.laag < p.hoog AND s.verdeling IS NOT NULL;

CREATE OR REPLACE TEMP TABLE vg_sobol_ontwerp AS
SELECT i.jaar, d.*
FROM vg_mc_instellingen i CROSS JOIN LATERAL (SELECT * FROM sobol_ontwerp(i.seed, i.sobol_n, 'vg_onzeker')) d
WHERE i.sobol_n > 0 AND NOT EXISTS (SELECT 1 FROM vg_selectie);

CREATE OR REPLACE TEMP TABLE vg_vectoren AS
WITH p AS (
  SELECT p.jaar, p.parameter_id, p.waarde, p.laag, p.hoog, s.verdeling
  FROM int_parameters_per_jaar p JOIN stg_parameters s USING (parameter_id)
  WHERE p.parameter_id LIKE 'verhaal.%' AND p.jaar IN (SELECT jaar FROM vg_jaren)
    AND (NOT EXISTS (SELECT 1 FROM vg_selectie) OR p.jaar = (SELECT jaar FROM vg_mc_instellingen))
),
basis AS (SELECT jaar, 0 AS vector_id, parameter_id, waarde FROM p),
mc AS (
  SELECT p.jaar, t.range + 1 AS vector_id, p.parameter_id,
         CASE WHEN p.laag < p.hoog AND p.verdeling IS NOT NULL
              THEN trek_waarde(trek_u(i.seed, t.range + 1, p.parameter_id), p.laag, p.waarde, p.hoog, p.verdeling)
              ELSE p.waarde END AS waarde
  FROM vg_mc_instellingen i JOIN p ON p.jaar = i.jaar CROSS JOIN LATERAL range(i.trekkingen) t
),
sobol AS (
  SELECT p.jaar, -v.vector_id AS vector_id, p.parameter_id,
         CASE WHEN d.u IS NOT NULL THEN trek_waarde(d.u, p.laag, p.waarde, p.hoog, p.verdeling) ELSE p.waarde END AS waarde
  FROM (SELECT DISTINCT jaar, vector_id FROM vg_sobol_ontwerp) v
  JOIN p ON p.jaar = v.jaar
  LEFT JOIN vg_sobol_ontwerp d ON d.jaar = v.jaar AND d.vector_id = v.vector_id AND d.parameter_id = p.parameter_id
)
SELECT * FROM basis UNION ALL SELECT * FROM mc UNION ALL SELECT * FROM sobol;

-- every vector's values keyed by parameter id, and the grid points of a sweep (vg_sweep; one point, 1, outside a
-- sweep), each with the values of its swept parameters
CREATE OR REPLACE TEMP TABLE vg_vector_waarden AS
SELECT jaar, vector_id, map_from_entries(list({'k': parameter_id, 'v': waarde})) AS w FROM vg_vectoren GROUP BY jaar, vector_id;

CREATE OR REPLACE TABLE vg_punten AS
SELECT punt, map_from_entries(list({'k': parameter_id, 'v': waarde})) AS w FROM vg_sweep GROUP BY punt
UNION ALL SELECT 1, MAP {}::MAP(VARCHAR, DOUBLE) WHERE NOT EXISTS (SELECT 1 FROM vg_sweep);

-- a parameter's value in a vector at a grid point: a swept parameter holds the point's value in every vector (base
-- and draws), as if the point were run on its own with that parameter fixed (laag = hoog = the value); every other
-- parameter keeps its draw, which does not depend on the swept ones (trek_u is keyed by seed, draw and parameter id)
CREATE OR REPLACE MACRO vg_waarde(punt, vector, id) AS coalesce(punt[id], vector[id]);

CREATE OR REPLACE TABLE vg_breed AS
SELECT p.punt, v.jaar, v.vector_id,
  vg_waarde(p.w, v.w, 'verhaal.detectie') AS detectie,
  vg_waarde(p.w, v.w, 'verhaal.slagingskans') AS slagingskans,
  vg_waarde(p.w, v.w, 'verhaal.aansprakelijkheid') AS aansprakelijkheid,
  vg_waarde(p.w, v.w, 'verhaal.drempel_direct') AS drempel_direct,
  vg_waarde(p.w, v.w, 'verhaal.drempel_toepassing') AS drempel_toepassing,
  vg_waarde(p.w, v.w, 'verhaal.direct_door_verzekeraar') AS direct_door_verzekeraar,
  vg_waarde(p.w, v.w, 'verhaal.verjaring_verlies') AS verjaring_verlies,
  vg_waarde(p.w, v.w, 'verhaal.vertraging') AS vertraging,
  vg_waarde(p.w, v.w, 'verhaal.honorarium_methode') AS honorarium_methode,
  vg_waarde(p.w, v.w, 'verhaal.honorarium_percentage') AS honorarium_percentage,
  vg_waarde(p.w, v.w, 'verhaal.honorarium_uren') AS honorarium_uren,
  vg_waarde(p.w, v.w, 'verhaal.uurtarief') AS uurtarief,
  vg_waarde(p.w, v.w, 'verhaal.behandelkosten') AS behandelkosten,
  vg_waarde(p.w, v.w, 'verhaal.vaste_kosten') AS vaste_kosten,
  vg_waarde(p.w, v.w, 'verhaal.onverzekerd') AS onverzekerd,
  vg_waarde(p.w, v.w, 'verhaal.disconteringsvoet') AS disconteringsvoet,
  vg_waarde(p.w, v.w, 'verhaal.horizon') AS horizon,
  vg_waarde(p.w, v.w, 'verhaal.wlz_detectie') AS wlz_detectie,
  vg_waarde(p.w, v.w, 'verhaal.wlz_aandeel_uitvoerder') AS wlz_aandeel_uitvoerder
FROM vg_vector_waarden v CROSS JOIN vg_punten p;

-- the provision types: every type with a number of cases (verhaal.gevallen.<type>) and a cost (verhaal.kosten.<type>)
CREATE OR REPLACE TABLE vg_typen AS
WITH t AS (
  SELECT DISTINCT jaar, split_part(parameter_id, '.', 3) AS voorziening FROM vg_vectoren
  WHERE parameter_id LIKE 'verhaal.gevallen.%' OR parameter_id LIKE 'verhaal.kosten.%'
)
SELECT p.punt, v.jaar, v.vector_id, t.voorziening,
       vg_waarde(p.w, v.w, 'verhaal.gevallen.' || t.voorziening) AS gevallen_per_100k,
       vg_waarde(p.w, v.w, 'verhaal.kosten.' || t.voorziening) AS kosten
FROM vg_vector_waarden v JOIN t USING (jaar) CROSS JOIN vg_punten p;
