-- regel: Afkopen of zelf verhalen: de parametersets (basis en trekkingen) waarop wordt gerekend.
-- The parameter vectors the comparison is evaluated on: vector 0 of every year holds the registry's values (the
-- base case); vectors 1..N of the Monte Carlo year hold seeded draws of every verhaal.* parameter with a range
-- and a distribution (int_trekkingen.sql); negative vectors -1..-N(d+2) hold the Sobol design of that year
-- (intermediate/int_sobol.sql; vector -k is the design's vector k), for the drivers of each headline (sobol.sql).
-- One row per vector with each parameter in its own column (drawn directly in that form), and one row per vector and
-- provision type. With a selection (one municipality's question, vg_selectie) only the question's year is evaluated,
-- without the Sobol design: the site shows the drivers computed at build time.
CREATE OR REPLACE TABLE vg_onzeker AS
SELECT p.jaar, p.parameter_id, p.waarde, p.laag, p.hoog, s.verdeling
FROM int_parameters_per_jaar p JOIN stg_parameters s USING (parameter_id) JOIN vg_mc_instellingen i ON i.jaar = p.jaar
WHERE p.parameter_id LIKE 'verhaal.%' AND p.laag < p.hoog AND s.verdeling IS NOT NULL;

-- every verhaal.* parameter of the years evaluated, as a struct (trek_parameter, intermediate/int_sobol.sql)
CREATE OR REPLACE TEMP TABLE vg_parameters AS
SELECT p.jaar, p.parameter_id,
       {'id': p.parameter_id, 'waarde': p.waarde, 'laag': p.laag, 'hoog': p.hoog, 'verdeling': s.verdeling,
        'onzeker': coalesce(p.laag < p.hoog AND s.verdeling IS NOT NULL, false)} AS p
FROM int_parameters_per_jaar p JOIN stg_parameters s USING (parameter_id)
WHERE p.parameter_id LIKE 'verhaal.%' AND p.jaar IN (SELECT jaar FROM vg_jaren)
  AND (NOT EXISTS (SELECT 1 FROM vg_selectie) OR p.jaar = (SELECT jaar FROM vg_mc_instellingen));

-- the Sobol design's vectors (vector -k is the design's vector k)
CREATE OR REPLACE TEMP TABLE vg_sobol_ontwerp AS
SELECT i.jaar, d.*
FROM vg_mc_instellingen i CROSS JOIN LATERAL (SELECT * FROM sobol_vectoren(i.sobol_n, 'vg_onzeker')) d
WHERE i.sobol_n > 0 AND NOT EXISTS (SELECT 1 FROM vg_selectie);

-- the vectors: the base case (0) of every year, the draws (1..N) and the Sobol design (-1..-N(d+2)) of the Monte
-- Carlo year
CREATE OR REPLACE TEMP TABLE vg_vector_ids AS
SELECT DISTINCT jaar, 0 AS vector_id, 'basis' AS soort, NULL::VARCHAR AS sleutel, NULL::VARCHAR AS matrix, NULL::VARCHAR AS gevarieerd FROM vg_parameters
UNION ALL
SELECT i.jaar, t.range + 1, 'mc', trek_sleutel(i.seed, t.range + 1), NULL, NULL
FROM vg_mc_instellingen i CROSS JOIN range(i.trekkingen) t WHERE i.jaar IN (SELECT jaar FROM vg_parameters)
UNION ALL
SELECT d.jaar, -d.vector_id, 'sobol', trek_sleutel(i.seed, d.trekking), d.matrix, d.gevarieerd
FROM vg_sobol_ontwerp d JOIN vg_mc_instellingen i USING (jaar) WHERE d.jaar IN (SELECT jaar FROM vg_parameters);

-- one row per vector, a column per parameter (verhaal.detectie → detectie): the parameter list pivoted to one row
-- of structs per year, then trek_parameter applied to each column; the provision types go to vg_typen
CREATE OR REPLACE TEMP TABLE vg_parameterrij AS
PIVOT (SELECT jaar, replace(parameter_id, 'verhaal.', '') AS naam, p FROM vg_parameters
       WHERE parameter_id NOT LIKE 'verhaal.gevallen.%' AND parameter_id NOT LIKE 'verhaal.kosten.%')
ON naam USING any_value(p) GROUP BY jaar;

CREATE OR REPLACE TABLE vg_breed AS
SELECT v.jaar, v.vector_id, trek_parameter(COLUMNS(k.* EXCLUDE (jaar)), v.soort, v.sleutel, v.matrix, v.gevarieerd, NULL)
FROM vg_vector_ids v JOIN vg_parameterrij k USING (jaar);

-- per vector and provision type: cases per 100,000 and cost (verhaal.gevallen.<type>, verhaal.kosten.<type>)
CREATE OR REPLACE TABLE vg_typen AS
WITH t AS (
  SELECT v.jaar, v.vector_id, split_part(p.parameter_id, '.', 2) AS soort_par, split_part(p.parameter_id, '.', 3) AS voorziening,
         trek_parameter(p.p, v.soort, v.sleutel, v.matrix, v.gevarieerd, NULL) AS waarde
  FROM vg_vector_ids v JOIN vg_parameters p ON p.jaar = v.jaar
  WHERE p.parameter_id LIKE 'verhaal.gevallen.%' OR p.parameter_id LIKE 'verhaal.kosten.%'
)
SELECT jaar, vector_id, voorziening,
       max(waarde) FILTER (soort_par = 'gevallen') AS gevallen_per_100k,
       max(waarde) FILTER (soort_par = 'kosten') AS kosten
FROM t GROUP BY jaar, vector_id, voorziening;
