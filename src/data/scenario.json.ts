// The baseline of the Scenario's page: the headline results on the shipped parameters (the same query the page
// runs in the browser), and the whole parameter registry with each parameter's current value and range.
import { publish } from "./warehouse.ts";
import { UITKOMSTEN_SQL } from "../../engine/uitkomsten.js";

await publish({
  uitkomsten: UITKOMSTEN_SQL,
  parameters: `SELECT s.parameter_id, s.omschrijving, s.eenheid, s.min, s.max, s.verdeling, s.bron_id,
                      arg_max(w.waarde, w.vanaf_jaar) AS waarde, arg_max(w.laag, w.vanaf_jaar) AS laag, arg_max(w.hoog, w.vanaf_jaar) AS hoog,
                      arg_max(w.status, w.vanaf_jaar) AS status, count(*) AS waarden
               FROM stg_parameters s JOIN int_parameter_waarden w USING (parameter_id)
               GROUP BY ALL ORDER BY s.parameter_id`,
  instellingen:
    "SELECT (SELECT any_value(trekkingen) FROM mc_instellingen) AS rm_trekkingen, (SELECT any_value(seed) FROM mc_instellingen) AS rm_seed, (SELECT trekkingen FROM vg_mc_instellingen) AS vg_trekkingen, (SELECT seed FROM vg_mc_instellingen) AS vg_seed, (SELECT jaar FROM vg_mc_instellingen) AS vg_jaar",
});
