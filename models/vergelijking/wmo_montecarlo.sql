-- regel: Blijven of uittreden (Wmo): de kans dat uittreden beter uitpakt en het interval.
-- Monte Carlo of the comparison (year and draws: vg_mc_instellingen): for every municipality, the distribution of
-- the yearly advantage of opting out over the draws of every uncertain verhaal.* parameter, and the probability
-- that opting out beats the buy-off (nationally: wmo_nationaal.sql, which one municipality's question does not
-- run). Rounded like the rekenmodel's Monte Carlo, so the same seed gives the same published numbers in every engine.
-- With a selection (vg_selectie, see wmo_gemeente.sql) only those municipalities are evaluated. Evaluated for every grid point of a sweep (vg_wmo_mc, vg_wmo_resultaat:
-- what `afkoop scenario run` reads) in one pass; the published tables hold the first point, which outside a sweep is
-- the only one.
-- per grid point and draw, the terms of a municipality's advantage of opting out: netto_variabel per 100,000
-- inhabitants, the participating insurers' share of it (1 - restaandeel), and the fixed costs
CREATE OR REPLACE TEMP TABLE vg_mc_vectoren AS
SELECT n.punt, n.jaar, n.vector_id, n.netto_variabel, n.potentieel, n.vaste_kosten,
       1 - vg_restaandeel(d.waarde, n.onverzekerd) AS deelnemers
FROM vg_per_100k n
JOIN vg_mc_instellingen i ON i.jaar = n.jaar
JOIN int_parameters_per_jaar d ON d.parameter_id = 'wmo.deelname_verzekeraars' AND d.jaar = n.jaar
WHERE n.vector_id > 0;

-- every municipality's advantage in every draw, summarised as it is made (one quantile state per municipality and
-- point, not a table of all draws)
CREATE OR REPLACE TABLE vg_wmo_mc AS
SELECT punt, jaar, gemeentecode, trekkingen, seed, kans_uittreden_beter,
       round(q[1], 2) AS voordeel_p05, round(q[2], 2) AS voordeel_p50, round(q[3], 2) AS voordeel_p95
FROM (
  SELECT u.punt, u.jaar, u.gemeentecode, any_value(i.trekkingen) AS trekkingen, any_value(i.seed) AS seed,
         round(count(*) FILTER (u.voordeel > 0) / count(*), 6) AS kans_uittreden_beter,
         quantile_cont(u.voordeel, [0.05, 0.5, 0.95]) AS q
  FROM (
    SELECT v.punt, v.jaar, g.gemeentecode,
           v.netto_variabel * g.inwoners / 100000.0 * v.deelnemers - v.vaste_kosten - o.ontvangst AS voordeel
    FROM vg_mc_vectoren v
    JOIN vg_ontvangst o ON o.jaar = v.jaar
    JOIN vg_gemeenten g ON g.gemeentecode = o.gemeentecode
  ) u JOIN vg_mc_instellingen i USING (jaar)
  GROUP BY u.punt, u.jaar, u.gemeentecode
);

CREATE OR REPLACE TABLE vergelijking_wmo_mc AS
SELECT * EXCLUDE (punt) FROM vg_wmo_mc WHERE punt = (SELECT min(punt) FROM vg_punten) ORDER BY jaar, gemeentecode;

-- Each municipality's comparison with its Monte Carlo, where its year has one: what `afkoop gemeente`, the site and
-- its downloads read; and the same for every grid point of a sweep, what `afkoop scenario run` reads.
CREATE OR REPLACE VIEW vergelijking_wmo_resultaat AS
SELECT g.*, m.* EXCLUDE (jaar, gemeentecode)
FROM vergelijking_wmo_gemeente g LEFT JOIN vergelijking_wmo_mc m USING (jaar, gemeentecode);

CREATE OR REPLACE VIEW vg_wmo_resultaat AS
SELECT g.*, m.* EXCLUDE (punt, jaar, gemeentecode)
FROM vg_wmo_gemeente g LEFT JOIN vg_wmo_mc m USING (punt, jaar, gemeentecode);
