// Every source figure with its provenance, the sources, the checks and the validation against independent evidence
// (Toetsing): page "Data en bronnen" and the Overzicht.
import { publish } from "./warehouse.ts";

await publish({
  cijfers:
    "SELECT soort, bestand, cijfer_id, omschrijving, jaar_van, jaar_tot, waarde, laag, hoog, eenheid, status, bron_id, bron_titel, bron_vindplaats, vindplaats, toelichting FROM mart_cijfers_met_bron",
  bronnen: "SELECT * FROM stg_bronnen ORDER BY soort, bron_id",
  controles: "SELECT * FROM mart_controles",
  toetsing: "SELECT t.*, coalesce(b.citeer_als, b.titel) AS bron_titel FROM mart_toetsing t LEFT JOIN stg_bronnen b USING (bron_id)",
  parameters:
    "SELECT p.parameter_id, p.omschrijving, p.eenheid, p.min, p.max, p.verdeling, p.bron_id, p.vindplaats, p.toelichting, w.vanaf_jaar, w.waarde, w.laag, w.hoog, w.status FROM stg_parameters p JOIN int_parameter_waarden w USING (parameter_id) ORDER BY p.parameter_id, w.vanaf_jaar",
  manifest: "SELECT CAST(gestart AS VARCHAR) AS gestart, code_versie, duckdb_versie FROM run_manifest",
  invoer: "SELECT tabel, bestand, herkomst, sha256, rijen FROM run_inputs ORDER BY bestand",
  modellen: "SELECT volgorde, bestand, regel FROM run_models ORDER BY volgorde",
});
