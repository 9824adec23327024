-- regel: Controles: de cijfers uit de bronnen naast wat de rekenregels berekenen.
-- mart_controles: every figure the sources state, set against what the rules compute from the inputs.
-- soort 'reproductie': the contract's own figures, which the rules must reproduce exactly (to the euro);
-- soort 'plausibiliteit': reported figures (ranges, 'circa'), which the results are compared with; a miss
-- here is a finding about the sources or the assumptions, not an error in the rules.
CREATE OR REPLACE TABLE mart_controles AS
WITH w AS (SELECT * FROM stg_wmo_waarnemingen),
tol AS (SELECT par('controle.tolerantie_benadering', 2015) / 100 AS t),
checks AS (
  SELECT 'wmo.macrobudget_totaal' AS controle_id, 'reproductie' AS soort, 'Totaal macrobudget Wmo 2015 (som onderdelen)' AS omschrijving,
         CAST(r.totaal_meur AS DOUBLE) AS berekend, CAST(w.waarde AS DOUBLE) AS verwacht, NULL::DOUBLE AS laag, NULL::DOUBLE AS hoog, 'meur' AS eenheid, w.bron_id, w.vindplaats
  FROM wmo_relevant_macrobudget r, w WHERE w.waarneming_id = 'macrobudget_2015_totaal'
  UNION ALL
  SELECT 'wmo.macrobudget_relevant', 'reproductie', 'Relevant macrobudget Wmo 2015 (som onderdelen)', r.relevant_meur, w.waarde, NULL, NULL, 'meur', w.bron_id, w.vindplaats
  FROM wmo_relevant_macrobudget r, w WHERE w.waarneming_id = 'macrobudget_2015_relevant'
  UNION ALL
  SELECT 'wmo.niet_relevant.' || b.onderdeel_id, 'reproductie', 'Niet relevante posten verklaren het verschil: ' || b.onderdeel,
         b.niet_relevant_meur, b.verschil_meur, NULL, NULL, 'meur', b.bron_id, 'Bijlage 1, Niet relevant'
  FROM wmo_bijlage1_macrobudget b
  UNION ALL
  SELECT 'wmo.subonderdelen.' || h.onderdeel_id, 'reproductie', 'Uitsplitsing telt op tot het onderdeel: ' || h.onderdeel,
         (SELECT sum(budget_meur) FROM stg_wmo_macrobudget s WHERE s.hoofdonderdeel_id = h.onderdeel_id), h.budget_meur, NULL, NULL, 'meur',
         (SELECT min(bron_id) FROM stg_wmo_macrobudget s WHERE s.hoofdonderdeel_id = h.onderdeel_id), 'Opbouw macrobudget Wmo 2015'
  FROM stg_wmo_macrobudget h WHERE EXISTS (SELECT 1 FROM stg_wmo_macrobudget s WHERE s.hoofdonderdeel_id = h.onderdeel_id)
  UNION ALL
  SELECT 'wmo.regrespercentage_gewogen', 'reproductie', 'Gewogen regrespercentage, op 4 decimalen zoals Bijlage 1 (0,14.62)',
         round(p.pct_gewogen, 4), w.waarde, NULL, NULL, 'pct', w.bron_id, w.vindplaats
  FROM wmo_regrespercentage p, w WHERE w.waarneming_id = 'regrespercentage_gewogen_2015'
  UNION ALL
  SELECT 'wmo.regrespercentage_awbz_afgeleid', 'reproductie', 'AWBZ-percentage 14,7 mln / 24,7 mld, op 2 decimalen',
         round(p.pct_awbz_afgeleid, 2), p.pct_awbz, NULL, NULL, 'pct', 'vng-verbond-wmo-2015', 'Bijlage 1'
  FROM wmo_regrespercentage p
  UNION ALL
  SELECT 'wmo.afkoopsom_100pct', 'reproductie', 'Afkoopsom 2015 bij 100% deelname', s.bedrag, w.waarde, NULL, NULL, 'eur', w.bron_id, w.vindplaats
  FROM wmo_afkoopsom_stappen s, w WHERE s.jaar = 2015 AND s.stap = 6 AND w.waarneming_id = 'afkoopsom_2015_100pct'
  UNION ALL
  SELECT 'wmo.afkoopsom_na_gemeenten', 'reproductie', 'Afkoopsom 2015 na deelname gemeenten (97,45%)', s.bedrag, w.waarde, NULL, NULL, 'eur', w.bron_id, w.vindplaats
  FROM wmo_afkoopsom_stappen s, w WHERE s.jaar = 2015 AND s.stap = 7 AND w.waarneming_id = 'afkoopsom_2015_na_gemeenten'
  UNION ALL
  SELECT 'wmo.afkoopsom_bij_95pct', 'reproductie', 'Rekenvoorbeeld Bijlage 1: afkoopsom 2015 als de deelname van verzekeraars 95% zou zijn', s.bedrag, w.waarde, NULL, NULL, 'eur', w.bron_id, w.vindplaats
  FROM wmo_afkoopsom_stappen s, w WHERE s.jaar = 2015 AND s.stap = 9 AND w.waarneming_id = 'afkoopsom_2015_bij_95pct'
  UNION ALL
  SELECT 'wmo.afkoopsom_binnen_gerapporteerd.' || a.jaar, 'plausibiliteit', 'Afkoopsom ' || a.jaar || ' binnen de gerapporteerde 10,5-11 mln per jaar',
         a.afkoopsom, NULL, w.laag, w.hoog, 'eur', w.bron_id, w.vindplaats
  FROM wmo_afkoopsom a, w WHERE w.waarneming_id = 'ontvangsten_2015_2017_per_jaar' AND a.jaar BETWEEN w.jaar_van AND w.jaar_tot
  UNION ALL
  SELECT 'wmo.ontvangsten_totaal', 'plausibiliteit', 'Som van de afkoopsommen ' || w.jaar_van || '-' || w.jaar_tot || ' (circa 33 mln)',
         (SELECT sum(afkoopsom) FROM wmo_afkoopsom a WHERE a.jaar BETWEEN w.jaar_van AND w.jaar_tot), w.waarde,
         w.waarde * (1 - tol.t), w.waarde * (1 + tol.t), 'eur', w.bron_id, w.vindplaats
  FROM w, tol WHERE w.waarneming_id = 'ontvangsten_2015_2017_totaal'
  UNION ALL
  SELECT 'wmo.per_inwoner.' || b.jaar, 'plausibiliteit', 'Bedrag per inwoner ' || b.jaar || ' binnen 61-64 eurocent (de bron noemt hele centen: 60,5 tot 64,5 cent)',
         b.bedrag_per_inwoner, NULL, w.laag - 0.005, w.hoog + 0.005, 'eur', w.bron_id, w.vindplaats
  FROM wmo_bedrag_per_inwoner b, w WHERE w.waarneming_id = 'ontvangsten_per_inwoner_2015_2017' AND b.jaar BETWEEN w.jaar_van AND w.jaar_tot
  UNION ALL
  SELECT 'wmo.gemeente.' || w.gemeentecode, 'plausibiliteit',
         'Gemiddeld ontvangen per jaar ' || w.jaar_van || '-' || w.jaar_tot || ', ' || (SELECT gemeentenaam FROM stg_gemeenten g WHERE g.gemeentecode = w.gemeentecode),
         (SELECT avg(ontvangen) FROM wmo_verdeling_gemeenten v WHERE v.gemeentecode = w.gemeentecode AND v.jaar BETWEEN w.jaar_van AND w.jaar_tot),
         w.waarde, w.waarde * (1 - tol.t), w.waarde * (1 + tol.t), 'eur', w.bron_id, w.vindplaats
  FROM w, tol WHERE w.grootheid = 'ontvangsten_gemeente_per_jaar'
  UNION ALL
  SELECT 'rekenmodel.tarief_boven_pgb.' || zzp, 'plausibiliteit', 'Dagtarief ' || upper(zzp) || ' (ondergrens van de bandbreedte) niet onder het pgb 2024 per dag',
         tarief_laag, NULL, pgb_per_dag, NULL, 'eur', 'rlz-2015', 'Art. 5.13; Bijlage C; index Staatscourant 2023, 18273'
  FROM rekenmodel_pgb_ondergrens
  UNION ALL
  SELECT 'wlz.p1_plus_p2.' || jaar, 'reproductie', 'p1 + p2 = 100% in ' || jaar, p1 + p2, 100, NULL, NULL, 'pct', 'zin-verbond-wlz-2024', 'Art. 3.2 onder B'
  FROM wlz_draagvlak WHERE stand = 'voorlopig'
  UNION ALL
  SELECT 'wlz.draagvlak_2024', 'reproductie', 'Draagvlak verzekeraars 2024 (voorlopig) is 92,58%', draagvlak, 92.58, NULL, NULL, 'pct', 'zin-verbond-wlz-2024', 'Overweging 4'
  FROM wlz_draagvlak WHERE jaar = 2024 AND stand = 'voorlopig'
  UNION ALL
  SELECT 'wmo.verzekeraars_aandelen.' || jaar || '.' || sleutel, 'reproductie', 'Aandelen verzekeraars ' || jaar || ' (' || sleutel || ') tellen op tot 100%', totaal, 100, NULL, NULL, 'pct', 'project-illustratief', 'data/wmo/verzekeraars_aandelen.csv'
  FROM (SELECT jaar, 'omslag' AS sleutel, sum(aandeel_omslag_waarborgfonds_pct) AS totaal FROM stg_wmo_verzekeraars GROUP BY jaar
        UNION ALL SELECT jaar, 'premie av', sum(aandeel_premie_av_pct) FROM stg_wmo_verzekeraars GROUP BY jaar)
)
SELECT c.*,
       CASE WHEN c.laag IS NOT NULL OR c.hoog IS NOT NULL THEN c.berekend BETWEEN coalesce(c.laag, c.berekend) AND coalesce(c.hoog, c.berekend)
            ELSE abs(c.berekend - c.verwacht) < 0.000001 END AS geslaagd
FROM checks c
ORDER BY soort DESC, controle_id;
