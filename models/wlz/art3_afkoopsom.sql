-- regel: Convenant Wlz art. 3.2–3.5: voorlopige en definitieve afkoopsom per jaar en de nacalculatie.
-- Wlz-convenant 2024-2027 art. 3.2-3.5: voorlopige and definitieve afkoopsom, nacalculatie.
-- For year t the definitive afkoopsom of t-1 is the starting point (art. 3.2); then steps A-D.
-- How the project reads the steps where the text leaves room (also on the site, page Methode):
--   A  beleidswijzigingen: x (1 + A/100), A = the agreed percentage for year t (art. 3.2 A);
--   B  draagvlak: the afkoopsom is what the participating insurers pay, so it moves in proportion to
--      the draagvlak: x draagvlak(t) / draagvlak(t-1, definitive);
--   C  spiegeling aan het Rekenmodel Wlz: the parties fix "de invloed" jointly; the project models it
--      as a weight w (wlz.invloed_rekenmodel): (1 - w) x uitkomst A-B + w x rekenmodel x draagvlak(t), with the
--      rekenmodel's expected damage at 100% (rekenmodel_schadelast, models/rekenmodel/schadelast.sql);
--   D  the text names steps A "t/m D" but describes no D; the project reads art. 3.3 as D: when the
--      number of traffic casualties changes by more than 10% (wlz.drempel_heranalyse), the analysed
--      effect (wlz.effect_heranalyse) is applied: x (1 + effect/100).
-- Provisional: the steps with the predicted A and provisional draagvlak (June of t).
-- Definitive: in June t+1 the same steps with the realised A and updated draagvlak (art. 3.4).
-- Nacalculatie t = definitief t - voorlopig t, settled on the nota of t+1 (art. 3.5, 4.1).
-- Each sum is rounded to the euro (the convenant states no rounding: the project's choice).
CREATE OR REPLACE TABLE wlz_afkoopsom_factoren AS
WITH jaren AS (SELECT jaar FROM stg_wlz_looptijd WHERE status = 'convenant'),
standen AS (SELECT unnest(['voorlopig', 'definitief']) AS stand)
SELECT j.jaar, s.stand,
       par('wlz.beleidswijziging_' || s.stand, j.jaar) AS beleidswijziging_pct,
       d.draagvlak,
       (SELECT draagvlak FROM wlz_draagvlak v WHERE v.jaar = j.jaar - 1 AND v.stand = 'definitief') AS draagvlak_vorig,
       par('wlz.invloed_rekenmodel', j.jaar) AS invloed_rekenmodel_pct,
       (SELECT sum(r.schadelast_100pct) FROM rekenmodel_schadelast r WHERE r.jaar = j.jaar) AS rekenmodel_schadelast,
       par('wlz.mutatie_verkeersgewonden', j.jaar) AS mutatie_verkeersgewonden_pct,
       par('wlz.drempel_heranalyse', j.jaar) AS drempel_heranalyse_pct,
       abs(par('wlz.mutatie_verkeersgewonden', j.jaar)) > par('wlz.drempel_heranalyse', j.jaar) AS heranalyse,
       CASE WHEN abs(par('wlz.mutatie_verkeersgewonden', j.jaar)) > par('wlz.drempel_heranalyse', j.jaar)
            THEN par('wlz.effect_heranalyse', j.jaar) ELSE 0 END AS effect_heranalyse_pct
FROM jaren j CROSS JOIN standen s JOIN wlz_draagvlak d ON d.jaar = j.jaar AND d.stand = s.stand;

CREATE OR REPLACE TABLE wlz_afkoopsom_stappen AS
WITH RECURSIVE reeks(jaar, definitief) AS (
  SELECT jaar, CAST(par('wlz.afkoopsom_definitief_basis', jaar) AS DOUBLE) FROM stg_wlz_looptijd WHERE status = 'basisjaar'
  UNION ALL
  SELECT f.jaar,
         round(((r.definitief * (1 + f.beleidswijziging_pct / 100) * f.draagvlak / f.draagvlak_vorig) * (1 - f.invloed_rekenmodel_pct / 100)
                + f.invloed_rekenmodel_pct / 100 * f.rekenmodel_schadelast * f.draagvlak / 100) * (1 + f.effect_heranalyse_pct / 100))
  FROM reeks r JOIN wlz_afkoopsom_factoren f ON f.jaar = r.jaar + 1 AND f.stand = 'definitief'
),
basis AS (
  SELECT f.*, r.definitief AS uitgangspunt
  FROM wlz_afkoopsom_factoren f JOIN reeks r ON r.jaar = f.jaar - 1
),
stap AS (
  SELECT *,
         uitgangspunt * (1 + beleidswijziging_pct / 100) AS na_a,
         uitgangspunt * (1 + beleidswijziging_pct / 100) * draagvlak / draagvlak_vorig AS na_b
  FROM basis
),
stap_c AS (
  SELECT *, na_b * (1 - invloed_rekenmodel_pct / 100) + invloed_rekenmodel_pct / 100 * rekenmodel_schadelast * draagvlak / 100 AS na_c FROM stap
)
SELECT jaar, stand, volgnummer, stap, omschrijving, bedrag, parameters, artikel FROM (
  SELECT jaar, stand, 0 AS volgnummer, 'uitgangspunt' AS stap, 'Definitieve afkoopsom t-1' AS omschrijving, uitgangspunt AS bedrag,
         CASE WHEN jaar - 1 IN (SELECT jaar FROM stg_wlz_looptijd WHERE status = 'basisjaar')
              THEN ['wlz.afkoopsom_definitief_basis'] ELSE []::VARCHAR[] END AS parameters, 'Art. 3.2' AS artikel FROM stap_c
  UNION ALL SELECT jaar, stand, 1, 'A', 'Na beleidswijzigingen (' || nl_getal(beleidswijziging_pct, 2) || '%)', na_a,
         ['wlz.beleidswijziging_' || stand], 'Art. 3.2 onder A' FROM stap_c
  UNION ALL SELECT jaar, stand, 2, 'B', 'Na actualisering draagvlak (' || nl_getal(draagvlak_vorig, 2) || '% naar ' || nl_getal(draagvlak, 2) || '%)', na_b,
         ['wlz.draagvlak_a', 'wlz.draagvlak_b1_' || stand, 'wlz.draagvlak_b2_' || stand, 'wlz.draagvlak_p1', 'wlz.draagvlak_p2', 'wlz.draagvlak_basis'], 'Art. 3.2 onder B' FROM stap_c
  UNION ALL SELECT jaar, stand, 3, 'C', 'Na spiegeling aan het Rekenmodel Wlz (invloed ' || nl_getal(invloed_rekenmodel_pct, 1) || '%)', na_c,
         ['wlz.invloed_rekenmodel'], 'Art. 3.2 onder C' FROM stap_c
  UNION ALL SELECT jaar, stand, 4, 'D', CASE WHEN heranalyse THEN 'Na heranalyse verkeersgewonden (' || nl_getal(effect_heranalyse_pct, 2) || '%)' ELSE 'Geen heranalyse (verandering verkeersgewonden binnen de drempel)' END,
         na_c * (1 + effect_heranalyse_pct / 100),
         ['wlz.mutatie_verkeersgewonden', 'wlz.drempel_heranalyse', 'wlz.effect_heranalyse'], 'Art. 3.3 (lezing project)' FROM stap_c
  UNION ALL SELECT jaar, stand, 5, 'afkoopsom', 'Afkoopsom ' || stand || ', op de euro', round(na_c * (1 + effect_heranalyse_pct / 100)),
         []::VARCHAR[], CASE WHEN stand = 'voorlopig' THEN 'Art. 3.1-3.2' ELSE 'Art. 3.4' END FROM stap_c
)
ORDER BY jaar, stand DESC, volgnummer;

CREATE OR REPLACE TABLE wlz_afkoopsom AS
SELECT jaar,
       CAST(max(bedrag) FILTER (stand = 'voorlopig' AND stap = 'afkoopsom') AS DECIMAL(20,2)) AS voorlopig,
       CAST(max(bedrag) FILTER (stand = 'definitief' AND stap = 'afkoopsom') AS DECIMAL(20,2)) AS definitief,
       CAST(max(bedrag) FILTER (stand = 'definitief' AND stap = 'afkoopsom') - max(bedrag) FILTER (stand = 'voorlopig' AND stap = 'afkoopsom') AS DECIMAL(20,2)) AS nacalculatie,
       jaar + 1 AS nacalculatie_verrekend_in,
       (SELECT bool_or(heranalyse) FROM wlz_afkoopsom_factoren f WHERE f.jaar = s.jaar) AS heranalyse_art_3_3,
       (SELECT max(draagvlak) FILTER (stand = 'voorlopig') FROM wlz_draagvlak d WHERE d.jaar = s.jaar) AS draagvlak_voorlopig,
       (SELECT max(draagvlak) FILTER (stand = 'definitief') FROM wlz_draagvlak d WHERE d.jaar = s.jaar) AS draagvlak_definitief
FROM wlz_afkoopsom_stappen s
GROUP BY jaar ORDER BY jaar;
