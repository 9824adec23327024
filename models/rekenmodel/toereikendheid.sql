-- regel: Convenant Wlz art. 3.2 onder C: de afkoopsom gespiegeld aan de schade volgens het Rekenmodel Wlz.
-- Convenant Wlz art. 3.2 onder C: the afkoopsom mirrored against the Rekenmodel Wlz. The adequacy measure
-- is the ratio afkoopsom / modelled damage for the participating insurers (both for the same accident
-- year): above 1 the sum exceeds the expected recoverable damage, below 1 it falls short.
CREATE OR REPLACE TABLE rekenmodel_toereikendheid AS
SELECT a.jaar, a.voorlopig AS afkoopsom_voorlopig, a.definitief AS afkoopsom_definitief,
       sum(r.schadelast) AS schadelast, sum(r.schadelast_100pct) AS schadelast_100pct,
       CAST(a.definitief AS DOUBLE) / sum(r.schadelast) AS verhouding
FROM wlz_afkoopsom a JOIN rekenmodel_schadelast r USING (jaar)
GROUP BY a.jaar, a.voorlopig, a.definitief ORDER BY a.jaar;
