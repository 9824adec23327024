-- regel: Blijven of uittreden (Wmo): de kans dat uittreden beter uitpakt en het interval.
-- Monte Carlo of the comparison (year and draws: vg_mc_instellingen): for every municipality, the distribution of
-- the yearly advantage of opting out over the draws of every uncertain verhaal.* parameter, and the probability
-- that opting out beats the buy-off. Nationally: individual recovery by all municipalities together (each with
-- its fixed costs) against the buy-off sum of that year. Rounded like the rekenmodel's Monte Carlo, so the same
-- seed gives the same published numbers in every engine. With a selection (vg_selectie, see wmo_gemeente.sql)
-- only those municipalities are evaluated, and the national comparison is left empty. Evaluated for every grid point
-- of a sweep (vg_wmo_mc, vg_wmo_nationaal, vg_wmo_resultaat: what `afkoop scenario run` reads) in one pass; the
-- published tables hold the first point, which outside a sweep is the only one.
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

-- Nationally, per grid point: all shipped municipalities together. In a draw their value of opting out is
-- sum_g (netto_variabel x inh_g / 100,000 - vaste_kosten) = netto_variabel x (sum of inhabitants) / 100,000 - n x
-- vaste_kosten, and their recoverable damage likewise: computed from the two sums, not from a row per municipality.
CREATE OR REPLACE TABLE vg_wmo_nationaal AS
WITH afkoop AS (
  SELECT j.jaar, a.afkoopsom, a.jaar AS bronjaar FROM vg_jaren j ASOF JOIN wmo_afkoopsom a ON a.jaar <= j.jaar
),
basis AS (
  SELECT punt, jaar, sum(waarde_uittreden) FILTER (NOT eigen) AS waarde_uittreden, sum(potentieel * (1 - restaandeel)) FILTER (NOT eigen) AS potentieel, sum(verhaald_bruto) FILTER (NOT eigen) AS verhaald_bruto,
         sum(honorarium) FILTER (NOT eigen) AS honorarium, sum(behandelkosten + vaste_kosten) FILTER (NOT eigen) AS kosten_gemeenten,
         sum(zaken_gemeld) FILTER (NOT eigen) AS zaken_gemeld
  FROM vg_wmo_gemeente GROUP BY punt, jaar
),
land AS (SELECT sum(inwoners) AS inwoners, count(*) AS gemeenten FROM stg_gemeenten),
mc AS (
  SELECT v.punt, v.jaar, v.vector_id,
         v.netto_variabel * l.inwoners / 100000.0 - l.gemeenten * v.vaste_kosten AS waarde_uittreden,
         v.potentieel * l.inwoners / 100000.0 * v.deelnemers AS potentieel
  FROM vg_mc_vectoren v CROSS JOIN land l WHERE NOT EXISTS (SELECT 1 FROM vg_selectie)
)
SELECT b.punt, b.jaar, CAST(a.afkoopsom AS DOUBLE) AS afkoopsom, CASE WHEN a.bronjaar = b.jaar THEN 'overeenkomst' ELSE 'hypothetisch (' || a.bronjaar || ')' END AS afkoopsom_basis,
       round(b.verhaald_bruto, 2) AS verhaald_bruto, round(b.honorarium, 2) AS honorarium, round(b.kosten_gemeenten, 2) AS kosten_gemeenten,
       round(b.waarde_uittreden, 2) AS waarde_individueel_verhaal, round(b.zaken_gemeld, 1) AS zaken_gemeld,
       round(b.waarde_uittreden / CAST(a.afkoopsom AS DOUBLE), 9) AS verhouding_tot_afkoopsom,
       round(quantile_cont(m.waarde_uittreden, 0.05), 2) AS waarde_p05, round(quantile_cont(m.waarde_uittreden, 0.5), 2) AS waarde_p50,
       round(quantile_cont(m.waarde_uittreden, 0.95), 2) AS waarde_p95,
       round(count(m.vector_id) FILTER (m.waarde_uittreden > CAST(a.afkoopsom AS DOUBLE)) / nullif(count(m.vector_id), 0), 6) AS kans_individueel_meer,
       -- the recoverable damage the afkoopsom buys off (participating insurers' part of every case, as if all were
       -- found and recovered) and the afkoopsom against it (adequacy), with the Monte Carlo's 90% band
       round(b.potentieel, 2) AS verhaalbare_schade,
       round(CAST(a.afkoopsom AS DOUBLE) / b.potentieel, 9) AS toereikendheid,
       round(quantile_cont(CAST(a.afkoopsom AS DOUBLE) / m.potentieel, 0.05), 9) AS toereikendheid_p05,
       round(quantile_cont(CAST(a.afkoopsom AS DOUBLE) / m.potentieel, 0.5), 9) AS toereikendheid_p50,
       round(quantile_cont(CAST(a.afkoopsom AS DOUBLE) / m.potentieel, 0.95), 9) AS toereikendheid_p95,
       round(count(m.vector_id) FILTER (m.potentieel > CAST(a.afkoopsom AS DOUBLE)) / nullif(count(m.vector_id), 0), 6) AS kans_tekort
FROM basis b JOIN afkoop a USING (jaar) LEFT JOIN mc m USING (punt, jaar)
WHERE NOT EXISTS (SELECT 1 FROM vg_selectie)
GROUP BY ALL ORDER BY b.punt, b.jaar;

CREATE OR REPLACE TABLE vergelijking_wmo_nationaal AS
SELECT * EXCLUDE (punt) FROM vg_wmo_nationaal WHERE punt = (SELECT min(punt) FROM vg_punten) ORDER BY jaar;
