-- regel: Art. 5.5: de verdeling over de deelnemende gemeenten, per inwoner, na aftrek van de kosten van de VNG.
-- Wmo-overeenkomst art. 5.5: "VNG keert de afkoopsom uit aan gemeenten. De verdeling vindt plaats op
-- basis van een bedrag per inwoner onder aftrek van kosten voor afsluiten en beheren van de overeenkomst
-- en de kosten voor het nader uit te voeren onderzoek door de VNG."
--   bedrag per inwoner = afkoopsom x (1 - wmo.kosten_vng) / inhabitants of the participating municipalities
-- so that what is distributed is what is available (up to the rounding of each municipality's amount to the euro).
-- Inhabitants are CBS's on 1 January of the year: a municipality's are its 2020 share scaled to that year's national
-- total (int_gemeenten_per_jaar, flagged 'geschaald'), the project having no municipal figures for 2015-2018. The
-- participating inhabitants therefore approximate the contract's own share (Bijlage 3: 97,45%), within 0,1%.
-- Participation per municipality and year (deelname_status):
--   'niet deelnemend' where a source names it (Bijlage 3 for 2015-2016; VNG for 2018); a former municipality that
--     opted out is a row of its own in the years it existed (int_gemeenten_per_jaar), and the 2020 municipality it
--     merged into carries a remark;
--   'onbekend' in a year whose non-participants a source counts without naming them (2017: "twee kleine
--     gemeenten", Raadsvoorstel Hilversum 2018): every municipality up to wmo.inwoners_kleine_gemeente_max
--     inhabitants may be one of them, so what it received is unknown (ontvangen NULL, bedrag_bij_deelname given);
--   'deelnemer' otherwise.
CREATE OR REPLACE TEMP TABLE wmo_deelname_status AS
WITH ongenoemd AS (
  SELECT w.jaar_van AS jaar, CAST(w.waarde AS INTEGER) AS aantal FROM stg_wmo_waarnemingen w
  WHERE w.grootheid = 'aantal_niet_deelnemende_gemeenten' AND w.jaar_van = w.jaar_tot
    AND NOT EXISTS (SELECT 1 FROM stg_wmo_niet_deelnemend n WHERE n.jaar = w.jaar_van)
)
SELECT a.jaar, g.gemeentecode, g.gemeentenaam, g.inwoners,
       CASE WHEN EXISTS (SELECT 1 FROM stg_wmo_niet_deelnemend n WHERE n.jaar = a.jaar AND n.gemeentecode = g.gemeentecode) THEN 'niet deelnemend'
            WHEN o.aantal IS NOT NULL AND g.inwoners <= par('wmo.inwoners_kleine_gemeente_max', a.jaar) THEN 'onbekend'
            ELSE 'deelnemer' END AS deelname_status,
       o.aantal AS ongenoemd_niet_deelnemend,
       (SELECT string_agg(n.gemeentenaam || ' (' || n.gemeentecode || ') deed niet mee en is per ' || nl_datum(h.opgeheven_per)
                          || ' opgegaan in deze gemeente; het staat dat jaar als eigen gemeente in de lijst', '; ')
          FROM stg_wmo_niet_deelnemend n JOIN stg_gemeenten_historisch h USING (gemeentecode)
          WHERE n.jaar = a.jaar AND h.opgegaan_in = g.gemeentecode) AS opmerking_herindeling
FROM wmo_afkoopsom a JOIN int_gemeenten_per_jaar g USING (jaar) LEFT JOIN ongenoemd o USING (jaar);

-- the participating inhabitants: those of the municipalities that took part, and in a year with unnamed opt-outs the
-- inhabitants of all but those, whose share the participation rate gives (2017: 100% - wmo.deelname_gemeenten)
CREATE OR REPLACE TABLE wmo_bedrag_per_inwoner AS
WITH d AS (
  SELECT jaar, sum(inwoners) FILTER (deelname_status <> 'niet deelnemend') AS inwoners_niet_uitgesloten,
         bool_or(ongenoemd_niet_deelnemend IS NOT NULL) AS ongenoemd
  FROM wmo_deelname_status GROUP BY jaar
)
SELECT a.jaar, a.afkoopsom, a.grondslag,
       par('wmo.kosten_vng', a.jaar) AS kosten_vng_pct,
       a.afkoopsom * (1 - par('wmo.kosten_vng', a.jaar) / 100) AS uit_te_keren,
       b.bronjaar AS inwoners_peiljaar,
       b.inwoners AS inwoners_nederland,
       d.inwoners_niet_uitgesloten - CASE WHEN d.ongenoemd THEN b.inwoners * (100 - par('wmo.deelname_gemeenten', a.jaar)) / 100 ELSE 0 END AS inwoners_deelnemend,
       a.afkoopsom * (1 - par('wmo.kosten_vng', a.jaar) / 100)
         / (d.inwoners_niet_uitgesloten - CASE WHEN d.ongenoemd THEN b.inwoners * (100 - par('wmo.deelname_gemeenten', a.jaar)) / 100 ELSE 0 END) AS bedrag_per_inwoner
FROM wmo_afkoopsom a JOIN int_bevolking_per_jaar b USING (jaar) JOIN d USING (jaar)
ORDER BY a.jaar;

CREATE OR REPLACE TABLE wmo_verdeling_gemeenten AS
SELECT s.jaar, s.gemeentecode, s.gemeentenaam, s.inwoners, s.deelname_status,
       CASE s.deelname_status WHEN 'deelnemer' THEN true WHEN 'niet deelnemend' THEN false END AS deelnemer,
       b.bedrag_per_inwoner,
       round(s.inwoners * b.bedrag_per_inwoner) AS bedrag_bij_deelname,
       CASE s.deelname_status WHEN 'deelnemer' THEN round(s.inwoners * b.bedrag_per_inwoner) WHEN 'niet deelnemend' THEN 0 END AS ontvangen,
       nullif(concat_ws('; ', s.opmerking_herindeling,
         CASE WHEN s.deelname_status = 'onbekend' THEN s.ongenoemd_niet_deelnemend || ' kleine gemeenten deden niet mee en zijn niet genoemd; of deze gemeente er een van was is onbekend' END), '') AS opmerking,
       s.ongenoemd_niet_deelnemend IS NOT NULL AS deelname_lijst_onbekend
FROM wmo_deelname_status s JOIN wmo_bedrag_per_inwoner b USING (jaar)
ORDER BY s.jaar, s.gemeentecode;
