-- regel: Afkoopsom of zelf verhalen, landelijk (Wmo): alle gemeenten samen tegen de afkoopsom, en de toereikendheid.
-- The comparison nationally, per year and grid point of a sweep (vg_wmo_nationaal: what `afkoop scenario run` reads;
-- the published table holds the first point): individual recovery by all municipalities together (each with its
-- fixed costs) against the buy-off sum of that year, with the Monte Carlo's band from the draws of
-- wmo_montecarlo.sql. Rounded like the rekenmodel's Monte Carlo. With a selection of municipalities (vg_selectie:
-- one municipality's question) the national comparison is left empty; that question does not run this file.

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
