-- Wmo-overeenkomst art. 5.5: "VNG keert de afkoopsom uit aan gemeenten. De verdeling vindt plaats op
-- basis van een bedrag per inwoner onder aftrek van kosten voor afsluiten en beheren van de overeenkomst
-- en de kosten voor het nader uit te voeren onderzoek door de VNG."
--   bedrag per inwoner = afkoopsom x (1 - wmo.kosten_vng) / (inwoners van Nederland x wmo.deelname_gemeenten)
-- The participating inhabitants follow from the sourced participation rate (a share of inhabitants,
-- Bijlage 3), not from summing the 2020 list, whose boundaries differ from those of 2015-2018.
-- Inhabitants are those of wmo.inwoners_peiljaar (2020, the only year available): an assumption.
-- For every municipality and year: what it received (participating) or would have received (opted out).
CREATE OR REPLACE TABLE wmo_bedrag_per_inwoner AS
SELECT a.jaar, a.afkoopsom, a.grondslag,
       par('wmo.kosten_vng', a.jaar) AS kosten_vng_pct,
       a.afkoopsom * (1 - par('wmo.kosten_vng', a.jaar) / 100) AS uit_te_keren,
       par('wmo.inwoners_peiljaar', a.jaar) AS inwoners_peiljaar,
       (SELECT sum(inwoners) FROM stg_gemeenten) AS inwoners_nederland,
       (SELECT sum(inwoners) FROM stg_gemeenten) * par('wmo.deelname_gemeenten', a.jaar) / 100 AS inwoners_deelnemend,
       a.afkoopsom * (1 - par('wmo.kosten_vng', a.jaar) / 100)
         / ((SELECT sum(inwoners) FROM stg_gemeenten) * par('wmo.deelname_gemeenten', a.jaar) / 100) AS bedrag_per_inwoner
FROM wmo_afkoopsom a
ORDER BY a.jaar;

CREATE OR REPLACE TABLE wmo_verdeling_gemeenten AS
WITH niet_deelnemend AS (
  -- a former municipality that opted out is attributed to the 2020 municipality it merged into
  SELECT n.jaar, coalesce(h.opgegaan_in, n.gemeentecode) AS gemeentecode, n.gemeentecode AS code_toen, n.gemeentenaam AS naam_toen,
         h.opgegaan_in IS NOT NULL AS via_herindeling
  FROM stg_wmo_niet_deelnemend n LEFT JOIN stg_gemeenten_historisch h USING (gemeentecode)
)
SELECT b.jaar, g.gemeentecode, g.gemeentenaam, g.inwoners,
       NOT EXISTS (SELECT 1 FROM niet_deelnemend n WHERE n.jaar = b.jaar AND n.gemeentecode = g.gemeentecode AND NOT n.via_herindeling) AS deelnemer,
       b.bedrag_per_inwoner,
       round(g.inwoners * b.bedrag_per_inwoner) AS bedrag_bij_deelname,
       CASE WHEN EXISTS (SELECT 1 FROM niet_deelnemend n WHERE n.jaar = b.jaar AND n.gemeentecode = g.gemeentecode AND NOT n.via_herindeling)
            THEN 0 ELSE round(g.inwoners * b.bedrag_per_inwoner) END AS ontvangen,
       (SELECT string_agg(n.naam_toen || ' (' || n.code_toen || ') deed niet mee en is later opgegaan in deze gemeente', '; ')
          FROM niet_deelnemend n WHERE n.jaar = b.jaar AND n.gemeentecode = g.gemeentecode AND n.via_herindeling) AS opmerking,
       NOT EXISTS (SELECT 1 FROM stg_wmo_niet_deelnemend n WHERE n.jaar = b.jaar) AS deelname_lijst_onbekend
FROM wmo_bedrag_per_inwoner b CROSS JOIN stg_gemeenten g
ORDER BY b.jaar, g.gemeentecode;
