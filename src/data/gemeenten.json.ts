// What every municipality received (or would have received) under the Wmo agreement, per year.
import { publish } from "./warehouse.ts";

await publish({
  verdeling:
    "SELECT jaar, gemeentecode, gemeentenaam, inwoners, deelname_status, deelnemer, bedrag_bij_deelname, ontvangen, opmerking, deelname_lijst_onbekend FROM wmo_verdeling_gemeenten ORDER BY gemeentenaam, jaar",
  perInwoner: "SELECT jaar, bedrag_per_inwoner, kosten_vng_pct, inwoners_peiljaar, inwoners_nederland FROM wmo_bedrag_per_inwoner ORDER BY jaar",
});
