-- regel: Blijven of uittreden (Wmo): de kans dat uittreden beter uitpakt en het interval.
-- Monte Carlo of the comparison (year and draws: vg_mc_instellingen): for every municipality, the distribution of
-- the yearly advantage of opting out over the draws of every uncertain verhaal.* parameter, and the probability
-- that opting out beats the buy-off. Nationally: individual recovery by all municipalities together (each with
-- its fixed costs) against the buy-off sum of that year. Rounded like the rekenmodel's Monte Carlo, so the same
-- seed gives the same published numbers in every engine. With a selection (vg_selectie, see wmo_gemeente.sql)
-- only those municipalities are evaluated, and the national comparison is left empty.
CREATE OR REPLACE TEMP TABLE vg_mc_uitkomsten AS
SELECT n.jaar, n.vector_id, g.gemeentecode,
       n.netto_variabel * g.inwoners / 100000.0 * (1 - vg_restaandeel(d.waarde, n.onverzekerd)) - n.vaste_kosten - o.ontvangst AS voordeel,
       n.netto_variabel * g.inwoners / 100000.0 - n.vaste_kosten AS waarde_uittreden,
       n.potentieel * g.inwoners / 100000.0 * (1 - vg_restaandeel(d.waarde, n.onverzekerd)) AS potentieel_deelnemers
FROM vg_per_100k n
JOIN vg_mc_instellingen i ON i.jaar = n.jaar
JOIN vg_ontvangst o ON o.jaar = n.jaar
JOIN vg_gemeenten g ON g.gemeentecode = o.gemeentecode
JOIN int_parameters_per_jaar d ON d.parameter_id = 'wmo.deelname_verzekeraars' AND d.jaar = n.jaar
WHERE n.vector_id > 0;

CREATE OR REPLACE TABLE vergelijking_wmo_mc AS
SELECT u.jaar, u.gemeentecode, any_value(i.trekkingen) AS trekkingen, any_value(i.seed) AS seed,
       round(count(*) FILTER (u.voordeel > 0) / count(*), 6) AS kans_uittreden_beter,
       round(quantile_cont(u.voordeel, 0.05), 2) AS voordeel_p05,
       round(quantile_cont(u.voordeel, 0.5), 2) AS voordeel_p50,
       round(quantile_cont(u.voordeel, 0.95), 2) AS voordeel_p95
FROM vg_mc_uitkomsten u JOIN vg_mc_instellingen i USING (jaar)
GROUP BY u.jaar, u.gemeentecode ORDER BY u.jaar, u.gemeentecode;

-- Each municipality's comparison with its Monte Carlo, where its year has one: what `afkoop gemeente`, `afkoop
-- scenario run`, the site and its downloads read.
CREATE OR REPLACE VIEW vergelijking_wmo_resultaat AS
SELECT g.*, m.trekkingen, m.seed, m.kans_uittreden_beter, m.voordeel_p05, m.voordeel_p50, m.voordeel_p95
FROM vergelijking_wmo_gemeente g LEFT JOIN vergelijking_wmo_mc m USING (jaar, gemeentecode);

CREATE OR REPLACE TABLE vergelijking_wmo_nationaal AS
WITH afkoop AS (
  SELECT j.jaar, a.afkoopsom, a.jaar AS bronjaar FROM vg_jaren j ASOF JOIN wmo_afkoopsom a ON a.jaar <= j.jaar
),
basis AS (
  SELECT jaar, sum(waarde_uittreden) FILTER (NOT eigen) AS waarde_uittreden, sum(potentieel * (1 - restaandeel)) FILTER (NOT eigen) AS potentieel, sum(verhaald_bruto) FILTER (NOT eigen) AS verhaald_bruto,
         sum(honorarium) FILTER (NOT eigen) AS honorarium, sum(behandelkosten + vaste_kosten) FILTER (NOT eigen) AS kosten_gemeenten,
         sum(zaken_gemeld) FILTER (NOT eigen) AS zaken_gemeld
  FROM vergelijking_wmo_gemeente GROUP BY jaar
),
mc AS (
  SELECT jaar, vector_id, sum(waarde_uittreden) AS waarde_uittreden, sum(potentieel_deelnemers) AS potentieel
  FROM vg_mc_uitkomsten WHERE gemeentecode IN (SELECT gemeentecode FROM stg_gemeenten) AND NOT EXISTS (SELECT 1 FROM vg_selectie)
  GROUP BY jaar, vector_id
)
SELECT b.jaar, CAST(a.afkoopsom AS DOUBLE) AS afkoopsom, CASE WHEN a.bronjaar = b.jaar THEN 'overeenkomst' ELSE 'hypothetisch (' || a.bronjaar || ')' END AS afkoopsom_basis,
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
FROM basis b JOIN afkoop a USING (jaar) LEFT JOIN mc m USING (jaar)
WHERE NOT EXISTS (SELECT 1 FROM vg_selectie)
GROUP BY ALL ORDER BY b.jaar;
