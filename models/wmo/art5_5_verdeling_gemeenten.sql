-- Wmo-overeenkomst art. 5.5: "VNG keert de afkoopsom uit aan gemeenten. De verdeling vindt plaats op
-- basis van een bedrag per inwoner onder aftrek van kosten voor afsluiten en beheren van de overeenkomst
-- en de kosten voor het nader uit te voeren onderzoek door de VNG."
--   bedrag per inwoner = afkoopsom x (1 - wmo.kosten_vng) / (inwoners van Nederland x wmo.deelname_gemeenten)
-- Inhabitants are CBS's on 1 January of the year (int_bevolking_per_jaar); the participating inhabitants follow
-- from the participation rate, which is a share of inhabitants (Bijlage 3: "2,55% van het totaal aantal
-- inwoners"). A municipality's inhabitants in the year are its 2020 share scaled to that year's national total
-- (int_gemeenten_per_jaar, flagged 'geschaald'): the project has no municipal figures for 2015-2018.
-- Participation per municipality and year (deelname_status):
--   'niet deelnemend' where a source names it (Bijlage 3 for 2015-2016; VNG for 2018); a former municipality is
--     attributed to the 2020 municipality it merged into, which is then shown as a participant with a remark;
--   'onbekend' in a year whose non-participants a source counts without naming them (2017: "twee kleine
--     gemeenten", Raadsvoorstel Hilversum 2018): every municipality up to wmo.inwoners_kleine_gemeente_max
--     inhabitants may be one of them, so what it received is unknown (ontvangen NULL, bedrag_bij_deelname given);
--   'deelnemer' otherwise.
CREATE OR REPLACE TABLE wmo_bedrag_per_inwoner AS
SELECT a.jaar, a.afkoopsom, a.grondslag,
       par('wmo.kosten_vng', a.jaar) AS kosten_vng_pct,
       a.afkoopsom * (1 - par('wmo.kosten_vng', a.jaar) / 100) AS uit_te_keren,
       b.bronjaar AS inwoners_peiljaar,
       b.inwoners AS inwoners_nederland,
       b.inwoners * par('wmo.deelname_gemeenten', a.jaar) / 100 AS inwoners_deelnemend,
       a.afkoopsom * (1 - par('wmo.kosten_vng', a.jaar) / 100) / (b.inwoners * par('wmo.deelname_gemeenten', a.jaar) / 100) AS bedrag_per_inwoner
FROM wmo_afkoopsom a JOIN int_bevolking_per_jaar b USING (jaar)
ORDER BY a.jaar;

CREATE OR REPLACE TABLE wmo_verdeling_gemeenten AS
WITH niet_deelnemend AS (
  SELECT n.jaar, coalesce(h.opgegaan_in, n.gemeentecode) AS gemeentecode, n.gemeentecode AS code_toen, n.gemeentenaam AS naam_toen,
         h.opgegaan_in IS NOT NULL AS via_herindeling
  FROM stg_wmo_niet_deelnemend n LEFT JOIN stg_gemeenten_historisch h USING (gemeentecode)
),
ongenoemd AS (
  SELECT w.jaar_van AS jaar, CAST(w.waarde AS INTEGER) AS aantal FROM stg_wmo_waarnemingen w
  WHERE w.grootheid = 'aantal_niet_deelnemende_gemeenten' AND w.jaar_van = w.jaar_tot
    AND NOT EXISTS (SELECT 1 FROM stg_wmo_niet_deelnemend n WHERE n.jaar = w.jaar_van)
),
status AS (
  SELECT b.jaar, g.gemeentecode, g.gemeentenaam, g.inwoners, b.bedrag_per_inwoner,
         CASE WHEN EXISTS (SELECT 1 FROM niet_deelnemend n WHERE n.jaar = b.jaar AND n.gemeentecode = g.gemeentecode AND NOT n.via_herindeling) THEN 'niet deelnemend'
              WHEN o.aantal IS NOT NULL AND g.inwoners <= par('wmo.inwoners_kleine_gemeente_max', b.jaar) THEN 'onbekend'
              ELSE 'deelnemer' END AS deelname_status,
         o.aantal AS ongenoemd_niet_deelnemend
  FROM wmo_bedrag_per_inwoner b JOIN int_gemeenten_per_jaar g USING (jaar) LEFT JOIN ongenoemd o USING (jaar)
)
SELECT s.jaar, s.gemeentecode, s.gemeentenaam, s.inwoners, s.deelname_status,
       CASE s.deelname_status WHEN 'deelnemer' THEN true WHEN 'niet deelnemend' THEN false END AS deelnemer,
       s.bedrag_per_inwoner,
       round(s.inwoners * s.bedrag_per_inwoner) AS bedrag_bij_deelname,
       CASE s.deelname_status WHEN 'deelnemer' THEN round(s.inwoners * s.bedrag_per_inwoner) WHEN 'niet deelnemend' THEN 0 END AS ontvangen,
       concat_ws('; ',
         (SELECT string_agg(n.naam_toen || ' (' || n.code_toen || ') deed niet mee en is later opgegaan in deze gemeente', '; ')
            FROM niet_deelnemend n WHERE n.jaar = s.jaar AND n.gemeentecode = s.gemeentecode AND n.via_herindeling),
         CASE WHEN s.deelname_status = 'onbekend' THEN s.ongenoemd_niet_deelnemend || ' kleine gemeenten deden niet mee en zijn niet genoemd; of deze gemeente er een van was is onbekend' END
       ) AS opmerking,
       s.ongenoemd_niet_deelnemend IS NOT NULL AS deelname_lijst_onbekend
FROM status s
ORDER BY s.jaar, s.gemeentecode;
