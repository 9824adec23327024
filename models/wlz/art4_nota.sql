-- regel: Convenant Wlz art. 4.1: de jaarlijkse nota van het Zorginstituut aan het Verbond.
-- Wlz-convenant art. 4.1: by 1 July of year t the Zorginstituut sends the Verbond one nota with the
-- voorlopige afkoopsom t, the definitieve afkoopsom t-1 and the settlement of the nacalculatie t-1
-- (art. 3.5); the Waarborgfonds pays it before 1 September (art. 4.2).
-- Nota t = voorlopig t + nacalculatie t-1. For the first year the nacalculatie of the previous
-- convenant is not public and is left empty (NULL), not taken as zero.
CREATE OR REPLACE TABLE wlz_nota AS
SELECT a.jaar,
       make_date(a.jaar, (SELECT maand_van FROM stg_wlz_tijdpad WHERE artikel = 'Art. 4.1'), (SELECT dag FROM stg_wlz_tijdpad WHERE artikel = 'Art. 4.1')) AS uiterlijk_verstuurd,
       make_date(a.jaar, (SELECT maand_van FROM stg_wlz_tijdpad WHERE artikel = 'Art. 4.2'), (SELECT dag FROM stg_wlz_tijdpad WHERE artikel = 'Art. 4.2')) AS betaald_voor,
       a.voorlopig AS voorlopig_t,
       v.definitief AS definitief_t_min_1,
       v.nacalculatie AS nacalculatie_t_min_1,
       a.voorlopig + v.nacalculatie AS totaal_nota
FROM wlz_afkoopsom a LEFT JOIN wlz_afkoopsom v ON v.jaar = a.jaar - 1
ORDER BY a.jaar;
