// The Rekenmodel Wlz (convenant Toelichting 5): the damage of a year's accidents per group (the afkoopsom that would
// be adequate), the fit of the excess mortality to the source's life expectancy, survival curves, cash flows over time,
// the tornado, the Sobol indices and the Monte Carlo's distribution (from which the page sets a sum the user gives
// against the model).
import { publish } from "./warehouse.ts";

await publish({
  schadelast: "SELECT * FROM rekenmodel_schadelast ORDER BY jaar, groep",
  invoer: "SELECT * FROM rekenmodel_invoer ORDER BY jaar, groep",
  toereikendheid: "SELECT * FROM rekenmodel_toereikendheid ORDER BY jaar",
  montecarlo: "SELECT * FROM rekenmodel_montecarlo ORDER BY jaar",
  verdeling: "SELECT jaar, trekking, schadelast FROM rekenmodel_mc_verdeling WHERE jaar = (SELECT min(jaar) FROM rekenmodel_mc_verdeling) ORDER BY trekking",
  levensverwachting: "SELECT * FROM rekenmodel_levensverwachting WHERE jaar = (SELECT min(jaar) FROM rekenmodel_levensverwachting) ORDER BY groep, leeftijd",
  pgb: "SELECT * FROM rekenmodel_pgb_ondergrens ORDER BY zzp",
  sobol: "SELECT s.*, p.omschrijving FROM rekenmodel_sobol s JOIN stg_parameters p USING (parameter_id) ORDER BY s.jaar, s.rang",
  tornado: "SELECT * FROM rekenmodel_tornado WHERE jaar = (SELECT min(jaar) FROM rekenmodel_tornado) ORDER BY bereik DESC",
  kasstromen:
    "SELECT jaar, groep, t, kalenderjaar, in_zorg, kosten_nominaal, kosten_contant FROM rekenmodel_kasstromen WHERE jaar = (SELECT min(jaar) FROM rekenmodel_kasstromen) AND t <= 80 ORDER BY groep, t",
  overleving: "SELECT groep, leeftijd, sex, t, overleving_algemeen, overleving_groep FROM rekenmodel_overleving WHERE t <= 90 ORDER BY groep, leeftijd, sex, t",
  parameters: `SELECT p.parameter_id, s.omschrijving, s.eenheid, p.waarde, p.laag, p.hoog, p.status, p.bron_id, coalesce(b.citeer_als, b.titel) AS bron_titel
               FROM int_parameters_per_jaar p JOIN stg_parameters s USING (parameter_id) LEFT JOIN stg_bronnen b ON b.bron_id = p.bron_id
               WHERE p.parameter_id LIKE 'rekenmodel.%' AND p.jaar = 2024 ORDER BY p.parameter_id`,
});
