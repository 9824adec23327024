-- regel: Bijlage 1: het deel van het Wmo-macrobudget 2015 dat telt voor de afkoopsom.
-- Wmo-overeenkomst 2015, Bijlage 1: "Macro budget Wmo 2015 dat relevant is voor de berekening van de afkoopsom".
-- Per top-level component: the 2015 budget, the part relevant for recourse, and the items Bijlage 1
-- lists as not relevant, which must explain the difference (checked in mart_controles).
-- Amounts in millions of euros, exact (DECIMAL).
CREATE OR REPLACE TABLE wmo_bijlage1_macrobudget AS
SELECT m.onderdeel_id, m.onderdeel, m.budget_meur, m.relevant_meur,
       coalesce((SELECT sum(n.bedrag_meur) FROM stg_wmo_niet_relevant n WHERE n.onderdeel_id = m.onderdeel_id), 0) AS niet_relevant_meur,
       m.budget_meur - m.relevant_meur AS verschil_meur,
       m.bron_id, m.vindplaats
FROM stg_wmo_macrobudget m
WHERE m.hoofdonderdeel_id IS NULL
ORDER BY m.budget_meur DESC;

CREATE OR REPLACE TABLE wmo_relevant_macrobudget AS
SELECT 2015 AS jaar,
       sum(budget_meur) AS totaal_meur,
       sum(relevant_meur) AS relevant_meur,
       CAST(sum(relevant_meur) * 1000000 AS DECIMAL(20,2)) AS relevant_eur
FROM wmo_bijlage1_macrobudget;
