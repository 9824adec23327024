// Bought off versus individual recovery, on the shipped parameters: every municipality in the Monte Carlo's
// year (the first result of the gemeente page, before the browser engine is ready), the national comparison,
// the Wlz side, the verhaal.* parameters the page's sliders start from, and what drives each headline (Sobol).
import { publish } from "./warehouse.ts";

await publish({
  instellingen: "SELECT * FROM vg_mc_instellingen",
  gemeenten: "SELECT r.* EXCLUDE (eigen) FROM vergelijking_wmo_resultaat r JOIN vg_mc_instellingen i USING (jaar) WHERE NOT r.eigen ORDER BY r.gemeentenaam",
  curven:
    "SELECT c.gemeentecode, c.detectie_pct, c.voordeel_uittreden FROM vergelijking_wmo_detectiecurve c JOIN vg_mc_instellingen i USING (jaar) WHERE c.gemeentecode IN (SELECT gemeentecode FROM stg_gemeenten) ORDER BY c.gemeentecode, c.detectie_pct",
  nationaal: "SELECT * FROM vergelijking_wmo_nationaal ORDER BY jaar",
  sobolToereikendheid: "SELECT s.*, p.omschrijving FROM vergelijking_sobol_toereikendheid s JOIN stg_parameters p USING (parameter_id) ORDER BY s.jaar, s.rang",
  sobolGemeenten: `SELECT s.gemeentecode, s.parameter_id, p.omschrijving, s.eerste_orde, s.totaal, s.rang
                   FROM vergelijking_sobol_gemeente s JOIN vg_mc_instellingen i USING (jaar) JOIN stg_parameters p USING (parameter_id)
                   WHERE s.rang <= 3 ORDER BY s.gemeentecode, s.rang`,
  wlz: "SELECT * FROM vergelijking_wlz_uitvoerder ORDER BY jaar",
  parameters: `SELECT p.parameter_id, s.omschrijving, s.eenheid, s.min, s.max, p.jaar, p.waarde, p.laag, p.hoog, p.status, p.bron_id
               FROM int_parameters_per_jaar p JOIN stg_parameters s USING (parameter_id)
               WHERE p.parameter_id LIKE 'verhaal.%' AND p.jaar = (SELECT jaar FROM vg_mc_instellingen) ORDER BY p.parameter_id`,
});
