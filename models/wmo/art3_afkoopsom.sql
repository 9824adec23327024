-- regel: Art. 3.2–3.4 met Bijlage 1: de Wmo-afkoopsom per jaar, van macrobudget tot deelname.
-- Wmo-overeenkomst art. 3.2-3.4 with Bijlage 1: the afkoopsom per year.
--   a. afkoopsom bij 100% deelname = relevant macro budget x rate, rounded to wmo.afronding_afkoopsom
--      (Bijlage 1: "(afgerond) € 10.850.000"); shown for the contract's rate and for the unrounded weighted rate;
--   b. corrected for municipal participation: x wmo.deelname_gemeenten, to the euro (Bijlage 1: € 10.573.325);
--   c. corrected for insurer participation: x wmo.deelname_verzekeraars, to the euro. The real participation
--      (Bijlage 2) is not public: the value is an assumption (Overweging 3 expects "naar verwachting minimaal 95%").
--   Bijlage 1's own figure, € 10.044.659, is a conditional example ("Zou dat percentage uitkomen op 95% dan wordt
--   de definitieve afkoopsom ergo 95 x 10.573.325"), not a sum that was set: it is reproduced as step 9 (2015 only)
--   with wmo.deelname_verzekeraars_voorbeeld, and used for nothing else.
-- Project's reading for later years: art. 3.4 re-determines the sum for 2016; where a definitive
-- figure is published (2016: € 10.751.312) it is the afkoopsom and the combined participation it
-- implies on the 2015 base is reported; otherwise (2017-2018, extensions "ongewijzigd") the 2015 base
-- is corrected with that year's participation.
CREATE OR REPLACE TABLE wmo_afkoopsom_stappen AS
WITH jaren AS (
  SELECT jaar FROM stg_wmo_looptijd WHERE status IN ('overeenkomst', 'verlengd')
),
basis AS (
  SELECT r.relevant_eur,
         p.pct_gewogen, p.pct_contract,
         r.relevant_eur * p.pct_gewogen / 100 AS som_gewogen_onafgerond,
         r.relevant_eur * p.pct_contract / 100 AS som_contract_onafgerond,
         par('wmo.afronding_afkoopsom', 2015) AS afronding
  FROM wmo_relevant_macrobudget r, wmo_regrespercentage p
),
som100 AS (
  SELECT *, CAST(round(som_contract_onafgerond / afronding) * afronding AS DECIMAL(20,2)) AS som_100,
            CAST(round(som_gewogen_onafgerond / afronding) * afronding AS DECIMAL(20,2)) AS som_100_gewogen
  FROM basis
),
per_jaar AS (
  SELECT j.jaar, s.*,
         par_dec('wmo.deelname_gemeenten', j.jaar) AS deelname_gemeenten,
         par_dec('wmo.deelname_verzekeraars', j.jaar) AS deelname_verzekeraars,
         par_dec('wmo.deelname_verzekeraars_voorbeeld', j.jaar) AS deelname_voorbeeld
  FROM jaren j, som100 s
),
berekend AS (
  SELECT *,
         round(CAST(som_100 AS DECIMAL(20,2)) * CAST(deelname_gemeenten AS DECIMAL(9,4)) * 0.01) AS som_na_gemeenten
  FROM per_jaar
),
berekend2 AS (
  SELECT *, round(CAST(som_na_gemeenten AS DECIMAL(20,2)) * CAST(deelname_verzekeraars AS DECIMAL(9,4)) * 0.01) AS som_na_verzekeraars,
            round(CAST(som_na_gemeenten AS DECIMAL(20,2)) * CAST(deelname_voorbeeld AS DECIMAL(9,4)) * 0.01) AS som_voorbeeld
  FROM berekend
)
SELECT jaar, stap, omschrijving, formule, CAST(bedrag AS DECIMAL(38,12)) AS bedrag, eenheid, parameters, artikel FROM (
  SELECT jaar, 1 AS stap, 'Relevant macrobudget Wmo' AS omschrijving, 'som van de relevante onderdelen' AS formule,
         relevant_eur AS bedrag, 'eur' AS eenheid, []::VARCHAR[] AS parameters, 'Bijlage 1, tabel Wmo budgetten' AS artikel FROM berekend2
  UNION ALL SELECT jaar, 2, 'Gewogen regrespercentage', '(w1 x 0,34 + w2 x 0,06) / (w1 + w2)', pct_gewogen, 'pct',
         ['wmo.regrespercentage_zorgverzekeraars', 'wmo.regrespercentage_awbz', 'wmo.gewicht_zorgverzekeraars', 'wmo.gewicht_awbz'], 'Bijlage 1, formule' FROM berekend2
  UNION ALL SELECT jaar, 3, 'Regrespercentage volgens de overeenkomst (0,14 2/3 %)', 'vastgesteld', pct_contract, 'pct',
         ['wmo.regrespercentage_contract'], 'Bijlage 1' FROM berekend2
  UNION ALL SELECT jaar, 4, 'Afkoopsom onafgerond, gewogen percentage', 'macrobudget x gewogen percentage', som_gewogen_onafgerond, 'eur',
         ['wmo.regrespercentage_zorgverzekeraars', 'wmo.regrespercentage_awbz'], 'Bijlage 1' FROM berekend2
  UNION ALL SELECT jaar, 5, 'Afkoopsom onafgerond, percentage van de overeenkomst', 'macrobudget x 0,14 2/3 %', som_contract_onafgerond, 'eur',
         ['wmo.regrespercentage_contract'], 'Bijlage 1' FROM berekend2
  UNION ALL SELECT jaar, 6, 'Afkoopsom bij 100% deelname', 'afgerond op € ' || nl_getal(afronding, 0), som_100, 'eur',
         ['wmo.afronding_afkoopsom'], 'Art. 3.3; Bijlage 1' FROM berekend2
  UNION ALL SELECT jaar, 7, 'Gecorrigeerd voor deelname gemeenten', 'x deelname gemeenten, op de euro', som_na_gemeenten, 'eur',
         ['wmo.deelname_gemeenten'], 'Art. 3.2; Bijlage 1, Bijlage 3' FROM berekend2
  UNION ALL SELECT jaar, 8, 'Gecorrigeerd voor deelname verzekeraars (aanname: Bijlage 2 is niet openbaar)', 'x deelname verzekeraars, op de euro', som_na_verzekeraars, 'eur',
         ['wmo.deelname_verzekeraars'], 'Art. 3.2; Bijlage 1, Bijlage 2' FROM berekend2
  UNION ALL SELECT jaar, 9, 'Ter vergelijking: rekenvoorbeeld van Bijlage 1 bij 95% deelname verzekeraars', 'x 95%, op de euro (voorwaardelijk voorbeeld)', som_voorbeeld, 'eur',
         ['wmo.deelname_verzekeraars_voorbeeld'], 'Bijlage 1' FROM berekend2 WHERE jaar = 2015
)
ORDER BY jaar, stap;

-- The afkoopsom per year: the published definitive figure where there is one, else the calculation.
CREATE OR REPLACE TABLE wmo_afkoopsom AS
WITH berekend AS (
  SELECT jaar, max(bedrag) FILTER (stap = 6) AS som_100, max(bedrag) FILTER (stap = 8) AS som_berekend
  FROM wmo_afkoopsom_stappen GROUP BY jaar
),
gepubliceerd AS (
  SELECT jaar_van AS jaar, waarde, bron_id, vindplaats FROM stg_wmo_waarnemingen
  WHERE grootheid = 'afkoopsom_definitief' AND jaar_van = jaar_tot AND bron_id <> 'vng-verbond-wmo-2015'
)
SELECT b.jaar,
       coalesce(CAST(g.waarde AS DECIMAL(20,2)), CAST(b.som_berekend AS DECIMAL(20,2))) AS afkoopsom,
       CASE WHEN g.waarde IS NOT NULL THEN 'gepubliceerd' ELSE 'berekend' END AS grondslag,
       CAST(b.som_berekend AS DECIMAL(20,2)) AS afkoopsom_berekend,
       CAST(b.som_100 AS DECIMAL(20,2)) AS afkoopsom_100pct,
       par('wmo.deelname_gemeenten', b.jaar) AS deelname_gemeenten,
       par('wmo.deelname_verzekeraars', b.jaar) AS deelname_verzekeraars,
       100 * coalesce(g.waarde, b.som_berekend) / b.som_100 AS deelname_gecombineerd_impliciet,
       100 * coalesce(g.waarde, b.som_berekend) / (b.som_100 * par('wmo.deelname_gemeenten', b.jaar) / 100) AS deelname_verzekeraars_impliciet,
       coalesce(g.bron_id, 'vng-verbond-wmo-2015') AS bron_id,
       coalesce(g.vindplaats, 'Art. 3; Bijlage 1') AS vindplaats
FROM berekend b LEFT JOIN gepubliceerd g USING (jaar)
ORDER BY b.jaar;
