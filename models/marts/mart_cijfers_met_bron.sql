-- regel: Alle cijfers van het project met hun bron en status.
-- tags: alle-parameters
-- mart_cijfers_met_bron: every source figure the project carries, one row each, with its provenance
-- (source document, article/page, note) and status (contract, bron, afgeleid, aanname, synthetisch).
-- Large reference tables (municipalities, life tables) appear as one summary row each.
CREATE OR REPLACE TABLE mart_cijfers_met_bron AS
WITH rijen AS (
  SELECT 'parameter' AS soort, 'data/parameters/waarden.csv' AS bestand, w.parameter_id || ' vanaf ' || w.vanaf_jaar AS cijfer_id, p.omschrijving,
         w.vanaf_jaar AS jaar_van, NULL::INTEGER AS jaar_tot, w.waarde AS waarde, CAST(w.laag AS DOUBLE) AS laag, CAST(w.hoog AS DOUBLE) AS hoog, p.eenheid,
         w.status, coalesce(w.bron_id, p.bron_id) AS bron_id, coalesce(w.vindplaats, p.vindplaats) AS vindplaats, coalesce(w.toelichting, p.toelichting) AS toelichting
  FROM int_parameter_waarden w JOIN stg_parameters p USING (parameter_id)
  UNION ALL
  SELECT 'waarneming', 'data/wmo/waarnemingen.csv', waarneming_id, grootheid || coalesce(' ' || gemeentecode, ''), jaar_van, jaar_tot,
         CAST(waarde AS VARCHAR), laag, hoog, eenheid, CASE WHEN benadering THEN 'bron (benadering)' ELSE 'bron' END, bron_id, vindplaats, toelichting
  FROM stg_wmo_waarnemingen
  UNION ALL
  SELECT 'macrobudget', 'data/wmo/macrobudget_2015.csv', onderdeel_id || '.budget', onderdeel || ' (budget 2015)', 2015, 2015,
         CAST(budget_meur AS VARCHAR), NULL, NULL, 'meur', 'bron', bron_id, vindplaats, toelichting
  FROM stg_wmo_macrobudget
  UNION ALL
  SELECT 'macrobudget', 'data/wmo/macrobudget_2015.csv', onderdeel_id || '.relevant', onderdeel || ' (relevant voor regres)', 2015, 2015,
         CAST(relevant_meur AS VARCHAR), NULL, NULL, 'meur', 'contract', bron_id, vindplaats, toelichting
  FROM stg_wmo_macrobudget WHERE relevant_meur IS NOT NULL
  UNION ALL
  SELECT 'macrobudget', 'data/wmo/macrobudget_2015_niet_relevant.csv', post_id, omschrijving || ' (niet relevant)', 2015, 2015,
         CAST(bedrag_meur AS VARCHAR), NULL, NULL, 'meur', 'contract', bron_id, vindplaats, NULL
  FROM stg_wmo_niet_relevant
  UNION ALL
  SELECT 'deelname', 'data/wmo/niet_deelnemende_gemeenten.csv', jaar || '.' || gemeentecode, 'Niet deelnemend: ' || gemeentenaam, jaar, jaar,
         gemeentecode, NULL, NULL, NULL, 'bron', bron_id, vindplaats, toelichting
  FROM stg_wmo_niet_deelnemend
  UNION ALL
  SELECT 'awbz', 'data/wlz/awbz_afkoopsommen.csv', periode_id, 'AWBZ-afkoopsom ' || periode, jaar, jaar,
         CAST(bedrag AS VARCHAR), NULL, NULL, lower(valuta), CASE WHEN benadering THEN 'bron (benadering)' ELSE 'bron' END, bron_id, vindplaats, toelichting
  FROM stg_awbz_afkoopsommen
  UNION ALL
  SELECT 'verzekeraars', 'data/wmo/verzekeraars_aandelen.csv', jaar || '.' || verzekeraar, verzekeraar || ': aandeel omslag Waarborgfonds', jaar, jaar,
         CAST(aandeel_omslag_waarborgfonds_pct AS VARCHAR), NULL, NULL, 'pct', 'synthetisch', bron_id, NULL, toelichting
  FROM stg_wmo_verzekeraars
  UNION ALL
  SELECT 'referentie', 'data/referentie/gemeenten.csv', 'gemeenten', count(*) || ' gemeenten (indeling 2020), totaal inwoners', 2020, 2020,
         CAST(sum(inwoners) AS VARCHAR), NULL, NULL, 'aantal', 'bron', 'cbs-37230ned', NULL, NULL
  FROM stg_gemeenten
  UNION ALL
  SELECT 'referentie', 'data/referentie/levenstafels.csv', 'levenstafels', 'Periodelevenstafels ' || min(year) || '-' || max(year) || ': ' || count(*) || ' regels', min(year), max(year),
         CAST(count(*) AS VARCHAR), NULL, NULL, 'aantal', 'bron', 'hmd-nld-2020', NULL, NULL
  FROM stg_levenstafels
)
SELECT r.*, coalesce(b.citeer_als, b.titel) AS bron_titel, b.soort AS bron_soort, b.vindplaats AS bron_vindplaats, b.licentie AS bron_licentie
FROM rijen r LEFT JOIN stg_bronnen b USING (bron_id)
ORDER BY r.soort, r.cijfer_id;
