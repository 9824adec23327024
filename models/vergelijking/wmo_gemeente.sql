-- regel: Blijven of uittreden (Wmo): de waarde van beide voor elke gemeente en elk jaar.
-- Staying in or opting out, for every municipality (and any the user adds in vg_eigen_gemeenten) and year,
-- on the base vector. Per year:
--   blijven   = ontvangst + netto_variabel x schaal x restaandeel
--               ontvangst: what the municipality received or would have received (art. 5.5, wmo_verdeling_gemeenten)
--               in 2015-2018; for later years the amount per inhabitant of the last agreement year ('hypothetisch')
--               restaandeel: what stays recoverable while in: claims on non-participating insurers
--               (100% - wmo.deelname_verzekeraars) and on uninsured parties (verhaal.onverzekerd)
--   uittreden = netto_variabel x schaal - vaste_kosten        (schaal = inwoners / 100,000)
--   voordeel  = uittreden - blijven; over the horizon: voordeel x sum of the discount factors of its years
--   break-even detectiegraad: voordeel is linear in the detection rate (every variable term is), so the rate at
--               which opting out pays is (ontvangst + vaste_kosten) / (netto_variabel x schaal x (1 - restaandeel)
--               per percent point of detection); above 100% it never pays.
-- With a selection (vg_selectie) only those municipalities are evaluated (one municipality's question).
-- Evaluated for every grid point of a sweep (vg_wmo_gemeente, what `afkoop scenario run` reads); the published table
-- holds the first point, which outside a sweep is the only one.
CREATE OR REPLACE TABLE vg_gemeenten AS
SELECT * FROM (
  SELECT gemeentecode, gemeentenaam, inwoners, false AS eigen FROM stg_gemeenten
  UNION ALL SELECT gemeentecode, gemeentenaam, inwoners, true FROM vg_eigen_gemeenten
) WHERE NOT EXISTS (SELECT 1 FROM vg_selectie) OR gemeentecode IN (SELECT gemeentecode FROM vg_selectie);

CREATE OR REPLACE TABLE vg_ontvangst AS
WITH per_inwoner AS (
  SELECT j.jaar, b.jaar AS bronjaar, b.bedrag_per_inwoner
  FROM vg_jaren j ASOF JOIN wmo_bedrag_per_inwoner b ON b.jaar <= j.jaar
  UNION ALL
  SELECT j.jaar, (SELECT min(jaar) FROM wmo_bedrag_per_inwoner), (SELECT bedrag_per_inwoner FROM wmo_bedrag_per_inwoner ORDER BY jaar LIMIT 1)
  FROM vg_jaren j WHERE j.jaar < (SELECT min(jaar) FROM wmo_bedrag_per_inwoner)
)
SELECT p.jaar, g.gemeentecode, g.inwoners,
       coalesce(CAST(v.bedrag_bij_deelname AS DOUBLE), round(g.inwoners * p.bedrag_per_inwoner)) AS ontvangst,
       CASE WHEN v.bedrag_bij_deelname IS NOT NULL THEN 'overeenkomst' ELSE 'hypothetisch' END AS ontvangst_basis,
       v.deelnemer, p.bronjaar
FROM per_inwoner p CROSS JOIN vg_gemeenten g
LEFT JOIN wmo_verdeling_gemeenten v ON v.jaar = p.jaar AND v.gemeentecode = g.gemeentecode AND p.bronjaar = p.jaar;

CREATE OR REPLACE MACRO vg_restaandeel(deelname_verzekeraars, onverzekerd) AS (100 - deelname_verzekeraars) / 100 + onverzekerd / 100;

CREATE OR REPLACE TABLE vg_wmo_gemeente AS
WITH basis AS (
  SELECT o.jaar, g.gemeentecode, g.gemeentenaam, g.inwoners, g.eigen, o.ontvangst, o.ontvangst_basis, o.deelnemer,
         n.*, g.inwoners / 100000.0 AS schaal,
         vg_restaandeel(d.waarde, n.onverzekerd) AS restaandeel
  FROM vg_ontvangst o JOIN vg_gemeenten g USING (gemeentecode) JOIN vg_per_100k n ON n.jaar = o.jaar AND n.vector_id = 0
  JOIN int_parameters_per_jaar d ON d.parameter_id = 'wmo.deelname_verzekeraars' AND d.jaar = o.jaar
)
SELECT punt, jaar, gemeentecode, gemeentenaam, inwoners, eigen, deelnemer, ontvangst_basis,
       round(ontvangst, 2) AS ontvangst,
       round(netto_variabel * schaal * restaandeel, 2) AS rest_verhaal_bij_deelname,
       round(ontvangst + netto_variabel * schaal * restaandeel, 2) AS waarde_blijven,
       round(gemeld * schaal, 4) AS zaken_gemeld, round(geslaagd * schaal, 4) AS zaken_geslaagd,
       round(verhaald * schaal, 2) AS verhaald_bruto, round(honorarium * schaal, 2) AS honorarium,
       round(behandelkosten * schaal, 2) AS behandelkosten, round(potentieel * schaal, 2) AS potentieel, restaandeel, round(vaste_kosten, 2) AS vaste_kosten,
       round(netto_variabel * schaal - vaste_kosten, 2) AS waarde_uittreden,
       round(netto_variabel * schaal * (1 - restaandeel) - vaste_kosten - ontvangst, 2) AS voordeel_uittreden,
       round((netto_variabel * schaal * (1 - restaandeel) - vaste_kosten - ontvangst) * horizon_factor, 2) AS voordeel_horizon,
       CAST(horizon AS INTEGER) AS horizon,
       CASE WHEN netto_variabel > 0
            THEN round((ontvangst + vaste_kosten) / (netto_variabel / detectie * schaal * (1 - restaandeel)), 6) END AS breakeven_detectie_pct,
       round(netto_variabel * schaal * (1 - restaandeel) - vaste_kosten, 2) AS breakeven_ontvangst
FROM basis
ORDER BY punt, jaar, gemeentecode;

CREATE OR REPLACE TABLE vergelijking_wmo_gemeente AS
SELECT * EXCLUDE (punt) FROM vg_wmo_gemeente WHERE punt = (SELECT min(punt) FROM vg_punten) ORDER BY jaar, gemeentecode;

-- The advantage of opting out as a function of the detection rate (0-100%, steps of 10): a straight line,
-- since every variable term is proportional to it; it crosses zero at the break-even detection rate.
CREATE OR REPLACE TABLE vergelijking_wmo_detectiecurve AS
SELECT g.jaar, g.gemeentecode, d.range AS detectie_pct,
       round((g.voordeel_uittreden + g.vaste_kosten + g.ontvangst) / n.detectie * d.range - g.vaste_kosten - g.ontvangst, 2) AS voordeel_uittreden
FROM vergelijking_wmo_gemeente g
JOIN vg_per_100k n ON n.jaar = g.jaar AND n.vector_id = 0 AND n.punt = (SELECT min(punt) FROM vg_punten)
CROSS JOIN range(0, 101, 10) d
WHERE n.detectie > 0
ORDER BY g.jaar, g.gemeentecode, d.range;
