-- regel: Toetsing: de gemodelleerde schade naast onafhankelijke cijfers.
-- mart_toetsing (validation): the model's recoverable damage set against independent evidence, so that an evaluator
-- sees where model and evidence disagree and by how much. None of the evidence measures the same thing exactly; the
-- toelichting says how each differs. uitkomst: 'binnen' (inside the evidence's band), else 'hoger' / 'lager' /
-- 'vergelijkbaar' (within controle.tolerantie_toetsing of a single figure).
--   Wlz (first convenant year; rekenmodel_montecarlo):
--     wlz.awbz_2014            the AWBZ buy-off of 2014 (EUR 14.7 mln; Overeenkomst VNG-Verbond 2015, Bijlage 1)
--     wlz.band_percentages     the AWBZ budget 2014 (EUR 24.7 bn) x the AWBZ convenant's 0.06% and the health insurers'
--                              0.34% (Bijlage 1): the band of rates the Wmo contract itself weighed
--     wlz.awbz_2000            the AWBZ buy-off of 2000 (NLG 30 mln; Minister Borst to parliament, 1999)
--   Wmo (the comparison's Monte Carlo year; vergelijking_wmo_nationaal):
--     wmo.contract_schatting   the contract's own estimate: EUR 10.85 mln at 100% participation (Art. 3.3, Bijlage 1)
--     wmo.band_percentages     the relevant macro budget 2015 (EUR 7,406 mln) x 0.06% and x 0.34% (Bijlage 1)
CREATE OR REPLACE TABLE mart_toetsing AS
WITH rm AS (
  SELECT m.jaar, t.schadelast, t.schadelast_100pct, m.schadelast_p05, m.schadelast_p95,
         m.schadelast_p05 * t.schadelast_100pct / t.schadelast AS p05_100, m.schadelast_p95 * t.schadelast_100pct / t.schadelast AS p95_100
  FROM rekenmodel_montecarlo m JOIN rekenmodel_toereikendheid t USING (jaar)
),
awbz AS (SELECT * FROM awbz_reeks),
vg AS (
  SELECT n.jaar, n.verhaalbare_schade, n.afkoopsom / n.toereikendheid_p95 AS p05, n.afkoopsom / n.toereikendheid_p50 AS p50, n.afkoopsom / n.toereikendheid_p05 AS p95
  FROM vergelijking_wmo_nationaal n JOIN vg_mc_instellingen i USING (jaar)
),
rel AS (SELECT relevant_eur FROM wmo_relevant_macrobudget),
pct AS (SELECT par('wmo.regrespercentage_awbz', 2015) AS awbz, par('wmo.regrespercentage_zorgverzekeraars', 2015) AS zv, par('awbz.budget', 2014) * 1000000 AS awbz_budget),
rijen AS (
  SELECT 'wlz.awbz_2014' AS toets_id, 'Wlz' AS regeling, 'Benodigde Wlz-afkoopsom ' || rm.jaar || ' tegen de AWBZ-afkoopsom 2014' AS omschrijving,
         awbz.bedrag_eur_per_jaar AS bewijs, NULL::DOUBLE AS bewijs_laag, NULL::DOUBLE AS bewijs_hoog,
         rm.schadelast AS model, rm.schadelast_p05 AS model_p05, rm.schadelast_p95 AS model_p95,
         'vng-verbond-wmo-2015' AS bron_id, 'Bijlage 1' AS vindplaats,
         'De AWBZ dekte in 2014 meer zorg dan de Wlz nu (een deel ging in 2015 naar Wmo en Zvw) en het bedrag is van 2014; het model rekent in euro''s van ' || rm.jaar || '.' AS toelichting
  FROM rm, awbz WHERE awbz.jaar = 2014
  UNION ALL
  SELECT 'wlz.band_percentages', 'Wlz', 'Verhaalbare Wlz-schade ' || rm.jaar || ' (alle verzekeraars) tegen AWBZ-budget 2014 x 0,06% tot 0,34%',
         NULL, pct.awbz_budget * pct.awbz / 100, pct.awbz_budget * pct.zv / 100,
         rm.schadelast_100pct, rm.p05_100, rm.p95_100, 'vng-verbond-wmo-2015', 'Bijlage 1',
         'De band van regrespercentages die de Wmo-overeenkomst zelf woog: het AWBZ-convenant (0,06%) en de zorgverzekeraars (0,34%), toegepast op het AWBZ-budget 2014.'
  FROM rm, pct
  UNION ALL
  SELECT 'wlz.awbz_2000', 'Wlz', 'Benodigde Wlz-afkoopsom ' || rm.jaar || ' tegen de AWBZ-afkoopsom 2000',
         awbz.bedrag_eur_per_jaar, NULL, NULL, rm.schadelast, rm.schadelast_p05, rm.schadelast_p95, awbz.bron_id, awbz.vindplaats,
         'NLG 30 mln voor 2000, omgerekend tegen de vaste koers; de AWBZ-afkoopsom bleef van 2000 tot 2014 vrijwel gelijk.'
  FROM rm, awbz WHERE awbz.periode_id = 'awbz_2000'
  UNION ALL
  SELECT 'wmo.contract_schatting', 'Wmo', 'Verhaalbare Wmo-schade ' || vg.jaar || ' (model) tegen de schatting van de overeenkomst (100% deelname)',
         CAST(s.bedrag AS DOUBLE), NULL, NULL, vg.verhaalbare_schade, vg.p05, vg.p95, 'vng-verbond-wmo-2015', 'Art. 3.3; Bijlage 1',
         'De overeenkomst schatte de schadelast op 0,14 2/3% van het relevante macrobudget 2015; het model telt ongevallen per voorziening (aannames).'
  FROM vg, wmo_afkoopsom_stappen s WHERE s.jaar = 2015 AND s.stap = 6
  UNION ALL
  SELECT 'wmo.band_percentages', 'Wmo', 'Verhaalbare Wmo-schade ' || vg.jaar || ' (model) tegen relevant macrobudget 2015 x 0,06% tot 0,34%',
         NULL, rel.relevant_eur * pct.awbz / 100, rel.relevant_eur * pct.zv / 100, vg.verhaalbare_schade, vg.p05, vg.p95,
         'vng-verbond-wmo-2015', 'Bijlage 1', 'De twee percentages waartussen de overeenkomst koos, op het macrobudget dat zij relevant vond.'
  FROM vg, rel, pct
)
SELECT r.*,
       CASE WHEN r.bewijs IS NOT NULL THEN r.model / r.bewijs END AS verhouding,
       CASE WHEN r.bewijs_laag IS NOT NULL THEN CASE WHEN r.model < r.bewijs_laag THEN 'lager' WHEN r.model > r.bewijs_hoog THEN 'hoger' ELSE 'binnen' END
            WHEN abs(r.model / r.bewijs - 1) <= par('controle.tolerantie_toetsing', 2015) / 100 THEN 'vergelijkbaar'
            WHEN r.model > r.bewijs THEN 'hoger' ELSE 'lager' END AS uitkomst
FROM rijen r
ORDER BY r.regeling DESC, r.toets_id;
