-- regel: Rekenmodel Wlz: de schadelast van een ongevalsjaar, en het deel daarvan van de deelnemende verzekeraars (draagvlak).
-- Rekenmodel Wlz (convenant Wlz 2024-2027, Toelichting 5: "Verder wordt er in het model rekening gehouden met verkeer,
-- subsidieregelingen Wlz, eigen bijdragen, draagvlak en beleidswijzigingen."; art. 3.2 B: the draagvlak, the share of
-- the participating insurers):
--   schadelast_100pct = the present value of a year's cash flows (rekenmodel/cohort.sql, rekenmodel_kasstromen)
--   schadelast        = schadelast_100pct x draagvlak / 100 (wlz_draagvlak, definitief): the sum that would be adequate.
-- A file of its own, so that a change of the draagvlak re-runs this and not the cohorts.

-- per group: the damage, and the inflow-weighted mean mortality multiplier by sex (for display)
CREATE OR REPLACE TABLE rekenmodel_schadelast AS
WITH k AS (
  SELECT jaar, groep, sum(gewicht * sterftefactor) FILTER (sex = 'male') / sum(gewicht) FILTER (sex = 'male') AS sterftefactor_man,
         sum(gewicht * sterftefactor) FILTER (sex = 'female') / sum(gewicht) FILTER (sex = 'female') AS sterftefactor_vrouw
  FROM rekenmodel_gewichten GROUP BY jaar, groep
)
SELECT i.jaar, i.groep, i.instroom, i.kosten_per_jaar, i.verhaalbaar, any_value(k.sterftefactor_man) AS sterftefactor_man, any_value(k.sterftefactor_vrouw) AS sterftefactor_vrouw,
       sum(c.kosten_contant) / nullif(i.instroom, 0) AS contante_waarde_per_persoon,
       sum(c.kosten_contant) AS schadelast_100pct,
       d.draagvlak,
       sum(c.kosten_contant) * d.draagvlak / 100 AS schadelast
FROM rekenmodel_invoer i
JOIN rekenmodel_kasstromen c ON c.jaar = i.jaar AND c.groep = i.groep
JOIN k ON k.jaar = i.jaar AND k.groep = i.groep
JOIN wlz_draagvlak d ON d.jaar = i.jaar AND d.stand = 'definitief'
GROUP BY i.jaar, i.groep, i.instroom, i.kosten_per_jaar, i.verhaalbaar, d.draagvlak
ORDER BY i.jaar, i.groep;
