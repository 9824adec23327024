// The Wmo agreement's calculation and results: page "Wmo-afkoopsom" and the Overzicht.
import { publish } from "./warehouse.ts";

await publish({
  stappen:
    "SELECT jaar, stap, omschrijving, formule, CAST(bedrag AS DOUBLE) AS bedrag, eenheid, parameters, artikel FROM wmo_afkoopsom_stappen ORDER BY jaar, stap",
  afkoopsom: "SELECT * FROM wmo_afkoopsom ORDER BY jaar",
  perInwoner: "SELECT * FROM wmo_bedrag_per_inwoner ORDER BY jaar",
  macrobudget: "SELECT * FROM wmo_bijlage1_macrobudget",
  nietRelevant: "SELECT * FROM stg_wmo_niet_relevant ORDER BY bedrag_meur DESC",
  regrespercentage: "SELECT * FROM wmo_regrespercentage",
  nietDeelnemend:
    "SELECT n.*, coalesce(b.citeer_als, b.titel) AS bron_titel FROM stg_wmo_niet_deelnemend n JOIN stg_bronnen b USING (bron_id) ORDER BY jaar, gemeentenaam",
  looptijd: "SELECT * FROM stg_wmo_looptijd ORDER BY jaar",
  heronderhandeling: "SELECT * FROM wmo_heronderhandeling ORDER BY jaar",
  correctie: "SELECT * FROM wmo_correctie_2015 ORDER BY verhouding",
  verzekeraars: "SELECT * FROM wmo_verdeling_verzekeraars ORDER BY jaar, bedrag DESC",
  waarnemingen:
    "SELECT w.*, coalesce(b.citeer_als, b.titel) AS bron_titel FROM stg_wmo_waarnemingen w JOIN stg_bronnen b USING (bron_id) ORDER BY jaar_van, waarneming_id",
  parameters:
    "SELECT p.parameter_id, p.jaar, p.waarde_tekst, p.waarde, p.laag, p.hoog, p.status, p.eenheid, p.omschrijving, p.bron_id, p.vindplaats, coalesce(b.citeer_als, b.titel) AS bron_titel FROM int_parameters_per_jaar p LEFT JOIN stg_bronnen b USING (bron_id) WHERE p.parameter_id LIKE 'wmo.%' AND p.jaar BETWEEN 2015 AND 2018 ORDER BY p.parameter_id, p.jaar",
});
