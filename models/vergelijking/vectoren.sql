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

-- the design's vectors (matrix, varied parameter, draw); each uncertain parameter's value in matrix A and in B per draw
-- (sobol_u), drawn once: every vector of the design takes one of the two (sobol_bron)
CREATE OR REPLACE TEMP TABLE vg_sobol_ontwerp AS
SELECT i.jaar, d.*
FROM vg_mc_instellingen i CROSS JOIN LATERAL (SELECT * FROM sobol_vectoren(i.sobol_n, 'vg_onzeker')) d
WHERE i.sobol_n > 0 AND NOT EXISTS (SELECT 1 FROM vg_selectie) AND EXISTS (SELECT 1 FROM vg_onzeker o WHERE o.jaar = i.jaar);

CREATE OR REPLACE TEMP TABLE vg_sobol_trekkingen AS
SELECT jaar, trekking, parameter_id, trek_waarde(u_a, laag, waarde, hoog, verdeling) AS waarde_a, trek_waarde(u_b, laag, waarde, hoog, verdeling) AS waarde_b
FROM (
  SELECT o.*, d.trekking, sobol_u(i.seed, d.trekking, o.parameter_id, 'A') AS u_a, sobol_u(i.seed, d.trekking, o.parameter_id, 'B') AS u_b
  FROM vg_mc_instellingen i JOIN vg_onzeker o ON o.jaar = i.jaar
  JOIN (SELECT DISTINCT jaar, trekking FROM vg_sobol_ontwerp) d ON d.jaar = o.jaar
);

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
         CASE WHEN w.parameter_id IS NULL THEN p.waarde WHEN sobol_bron(v.matrix, p.parameter_id, v.gevarieerd) = 'B' THEN w.waarde_b ELSE w.waarde_a END AS waarde
  FROM vg_sobol_ontwerp v
  JOIN p ON p.jaar = v.jaar
  LEFT JOIN vg_sobol_trekkingen w ON w.jaar = v.jaar AND w.trekking = v.trekking AND w.parameter_id = p.parameter_id
)
SELECT * FROM basis UNION ALL SELECT * FROM mc UNION ALL SELECT * FROM sobol;

-- the grid points of a sweep (vg_sweep), or one point (1) outside a sweep
CREATE OR REPLACE TABLE vg_punten AS
SELECT DISTINCT punt FROM vg_sweep UNION ALL SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM vg_sweep);

-- every vector's values in two parts: what is the same at every grid point (punt NULL: each parameter a sweep does not
-- set), and per grid point its swept parameters at the point's value in every vector (base and draws), as if the point
-- were run on its own with that parameter fixed (laag = hoog = the value); every other parameter keeps its draw, which
-- does not depend on the swept ones (trek_u is keyed by seed, draw and parameter id)
CREATE OR REPLACE MACRO vg_punt_vectoren() AS TABLE
SELECT NULL::INTEGER AS punt, jaar, vector_id, parameter_id, waarde FROM vg_vectoren
WHERE parameter_id NOT IN (SELECT parameter_id FROM vg_sweep)
UNION ALL
SELECT s.punt, v.jaar, v.vector_id, v.parameter_id, s.waarde FROM vg_vectoren v JOIN vg_sweep s USING (parameter_id);

-- each grid point's rows: the shared part with the point's own (exactly one of them holds each value), so that a sweep
-- pivots its vectors once, not once per grid point
CREATE OR REPLACE MACRO vg_per_punt(delen) AS TABLE
SELECT p.punt, d.* EXCLUDE (punt) FROM query_table(delen) d CROSS JOIN vg_punten p WHERE d.punt IS NULL
UNION ALL SELECT * FROM query_table(delen) WHERE punt IS NOT NULL;

CREATE OR REPLACE TEMP TABLE vg_breed_delen AS
SELECT punt, jaar, vector_id,
  max(waarde) FILTER (parameter_id = 'verhaal.detectie') AS detectie,
  max(waarde) FILTER (parameter_id = 'verhaal.slagingskans') AS slagingskans,
  max(waarde) FILTER (parameter_id = 'verhaal.aansprakelijkheid') AS aansprakelijkheid,
  max(waarde) FILTER (parameter_id = 'verhaal.drempel_direct') AS drempel_direct,
  max(waarde) FILTER (parameter_id = 'verhaal.drempel_toepassing') AS drempel_toepassing,
  max(waarde) FILTER (parameter_id = 'verhaal.direct_door_verzekeraar') AS direct_door_verzekeraar,
  max(waarde) FILTER (parameter_id = 'verhaal.verjaring_verlies') AS verjaring_verlies,
  max(waarde) FILTER (parameter_id = 'verhaal.vertraging') AS vertraging,
  max(waarde) FILTER (parameter_id = 'verhaal.honorarium_methode') AS honorarium_methode,
  max(waarde) FILTER (parameter_id = 'verhaal.honorarium_percentage') AS honorarium_percentage,
  max(waarde) FILTER (parameter_id = 'verhaal.honorarium_uren') AS honorarium_uren,
  max(waarde) FILTER (parameter_id = 'verhaal.uurtarief') AS uurtarief,
  max(waarde) FILTER (parameter_id = 'verhaal.behandelkosten') AS behandelkosten,
  max(waarde) FILTER (parameter_id = 'verhaal.vaste_kosten') AS vaste_kosten,
  max(waarde) FILTER (parameter_id = 'verhaal.onverzekerd') AS onverzekerd,
  max(waarde) FILTER (parameter_id = 'verhaal.disconteringsvoet') AS disconteringsvoet,
  max(waarde) FILTER (parameter_id = 'verhaal.horizon') AS horizon,
  max(waarde) FILTER (parameter_id = 'verhaal.wlz_detectie') AS wlz_detectie,
  max(waarde) FILTER (parameter_id = 'verhaal.wlz_aandeel_uitvoerder') AS wlz_aandeel_uitvoerder
FROM vg_punt_vectoren() GROUP BY punt, jaar, vector_id;

CREATE OR REPLACE TABLE vg_breed AS
SELECT punt, jaar, vector_id, max(COLUMNS(* EXCLUDE (punt, jaar, vector_id)))
FROM vg_per_punt('vg_breed_delen') GROUP BY punt, jaar, vector_id;

-- the provision types: every type with a number of cases (verhaal.gevallen.<type>) and a cost (verhaal.kosten.<type>)
CREATE OR REPLACE TEMP TABLE vg_typen_delen AS
SELECT punt, jaar, vector_id, split_part(parameter_id, '.', 3) AS voorziening,
       max(waarde) FILTER (parameter_id LIKE 'verhaal.gevallen.%') AS gevallen_per_100k,
       max(waarde) FILTER (parameter_id LIKE 'verhaal.kosten.%') AS kosten
FROM vg_punt_vectoren()
WHERE parameter_id LIKE 'verhaal.gevallen.%' OR parameter_id LIKE 'verhaal.kosten.%'
GROUP BY punt, jaar, vector_id, split_part(parameter_id, '.', 3);

CREATE OR REPLACE TABLE vg_typen AS
SELECT punt, jaar, vector_id, voorziening, max(gevallen_per_100k) AS gevallen_per_100k, max(kosten) AS kosten
FROM vg_per_punt('vg_typen_delen') GROUP BY punt, jaar, vector_id, voorziening;
