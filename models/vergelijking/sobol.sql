-- regel: Blijven of uittreden en de toereikendheid van de Wmo-afkoopsom: wat de uitkomst bepaalt (Sobol-indices).
-- What drives the comparison's headlines: first-order and total Sobol indices (intermediate/int_sobol.sql) over the
-- verhaal.* parameters of the Monte Carlo year, from the Saltelli design evaluated as vectors -1..-N(d+2)
-- (vectoren.sql). Two outputs:
--   Wmo adequacy: afkoopsom / recoverable damage of the participating insurers, nationally (as vergelijking_wmo_
--     nationaal's toereikendheid): f = afkoopsom / (potentieel per 100,000 x inhabitants / 100,000 x (1 - rest)).
--   A municipality's yearly advantage of opting out (as vergelijking_wmo_gemeente's voordeel_uittreden):
--     f_g = inh_g a - w - ontvangst_g with a = netto_variabel x (1 - rest) / 100,000 and w = vaste_kosten. Being
--     linear in inh_g, its Jansen sums follow for every municipality from six sums over the design:
--     sum (inh da - dw)^2 = inh^2 sum da^2 - 2 inh sum da dw + sum dw^2, and V likewise from var(a), cov(a, w), var(w).
-- Not evaluated for a one-municipality question (vg_selectie): the site shows the indices of the build.
CREATE OR REPLACE TEMP TABLE vg_sobol_waarden AS
SELECT -n.vector_id AS vector_id, n.jaar,
       n.netto_variabel * (1 - vg_restaandeel(d.waarde, n.onverzekerd)) / 100000.0 AS a,
       n.vaste_kosten AS w,
       n.potentieel * (1 - vg_restaandeel(d.waarde, n.onverzekerd)) / 100000.0 AS p
FROM vg_per_100k n
JOIN int_parameters_per_jaar d ON d.parameter_id = 'wmo.deelname_verzekeraars' AND d.jaar = n.jaar
WHERE n.vector_id < 0 AND n.punt = (SELECT min(punt) FROM vg_punten);

CREATE OR REPLACE TEMP TABLE vg_sobol_paren AS
SELECT x.jaar, x.gevarieerd, x.trekking,
       ab.a AS a_ab, ab.w AS w_ab, ab.p AS p_ab, va.a AS a_a, va.w AS w_a, va.p AS p_a, vb.a AS a_b, vb.w AS w_b, vb.p AS p_b
FROM (SELECT DISTINCT jaar, matrix, gevarieerd, trekking, vector_id FROM vg_sobol_ontwerp WHERE matrix = 'AB') x
JOIN vg_sobol_waarden ab ON ab.jaar = x.jaar AND ab.vector_id = x.vector_id
JOIN (SELECT DISTINCT jaar, trekking, vector_id FROM vg_sobol_ontwerp WHERE matrix = 'A') xa ON xa.jaar = x.jaar AND xa.trekking = x.trekking
JOIN vg_sobol_waarden va ON va.jaar = x.jaar AND va.vector_id = xa.vector_id
JOIN (SELECT DISTINCT jaar, trekking, vector_id FROM vg_sobol_ontwerp WHERE matrix = 'B') xb ON xb.jaar = x.jaar AND xb.trekking = x.trekking
JOIN vg_sobol_waarden vb ON vb.jaar = x.jaar AND vb.vector_id = xb.vector_id;

-- Wmo adequacy nationally: the design's outputs in the shape sobol_indices reads
CREATE OR REPLACE TEMP TABLE vg_sobol_toereikendheid AS
WITH n AS (SELECT sum(inwoners) AS inw FROM stg_gemeenten),
a AS (SELECT j.jaar, CAST(s.afkoopsom AS DOUBLE) AS afkoopsom FROM vg_mc_instellingen j ASOF JOIN wmo_afkoopsom s ON s.jaar <= j.jaar)
SELECT CAST(o.jaar AS VARCHAR) AS uitkomst, o.matrix, o.gevarieerd, o.trekking, a.afkoopsom / (w.p * n.inw) AS f
FROM (SELECT DISTINCT jaar, matrix, gevarieerd, trekking, vector_id FROM vg_sobol_ontwerp) o
JOIN vg_sobol_waarden w ON w.jaar = o.jaar AND w.vector_id = o.vector_id
JOIN a ON a.jaar = o.jaar CROSS JOIN n;

CREATE OR REPLACE TABLE vergelijking_sobol_toereikendheid AS
SELECT CAST(uitkomst AS INTEGER) AS jaar, parameter_id, eerste_orde, totaal, trekkingen,
       row_number() OVER (PARTITION BY uitkomst ORDER BY totaal DESC, parameter_id) AS rang
FROM sobol_indices('vg_sobol_toereikendheid')
ORDER BY jaar, rang;

-- a municipality's advantage of opting out: the six sums per parameter, then the indices per municipality
CREATE OR REPLACE TABLE vg_sobol_sommen AS
SELECT jaar, gevarieerd AS parameter_id, count(*) AS n,
       sum((a_b - a_ab) ^ 2) AS bb_aa, sum((a_b - a_ab) * (w_b - w_ab)) AS bb_aw, sum((w_b - w_ab) ^ 2) AS bb_ww,
       sum((a_a - a_ab) ^ 2) AS aa_aa, sum((a_a - a_ab) * (w_a - w_ab)) AS aa_aw, sum((w_a - w_ab) ^ 2) AS aa_ww
FROM vg_sobol_paren GROUP BY jaar, gevarieerd;

CREATE OR REPLACE TABLE vg_sobol_momenten AS
WITH ab AS (
  SELECT o.jaar, w.a, w.w FROM (SELECT DISTINCT jaar, vector_id FROM vg_sobol_ontwerp WHERE matrix IN ('A', 'B')) o
  JOIN vg_sobol_waarden w ON w.jaar = o.jaar AND w.vector_id = o.vector_id
)
SELECT jaar, var_pop(a) AS var_a, covar_pop(a, w) AS cov_aw, var_pop(w) AS var_w FROM ab GROUP BY jaar;

CREATE OR REPLACE TABLE vergelijking_sobol_gemeente AS
WITH i AS (
  SELECT s.jaar, g.gemeentecode, s.parameter_id,
         g.inwoners ^ 2 * m.var_a - 2 * g.inwoners * m.cov_aw + m.var_w AS v,
         (g.inwoners ^ 2 * s.bb_aa - 2 * g.inwoners * s.bb_aw + s.bb_ww) / s.n AS d_b,
         (g.inwoners ^ 2 * s.aa_aa - 2 * g.inwoners * s.aa_aw + s.aa_ww) / s.n AS d_a, s.n
  FROM vg_sobol_sommen s JOIN vg_sobol_momenten m USING (jaar) CROSS JOIN vg_gemeenten g
)
SELECT jaar, gemeentecode, parameter_id, n AS trekkingen,
       CASE WHEN v > 0 THEN round(1 - d_b / (2 * v), 6) END AS eerste_orde,
       CASE WHEN v > 0 THEN round(d_a / (2 * v), 6) END AS totaal,
       -- ranked on the rounded index: parallel sums differ in their last bits between runs
       row_number() OVER (PARTITION BY jaar, gemeentecode ORDER BY round(d_a / (2 * v), 6) DESC, parameter_id) AS rang
FROM i
ORDER BY jaar, gemeentecode, rang;
