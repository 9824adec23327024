// Claims development and calibration from the recovered-claims ledger: aggregates only (no case is published).
// The shipped ledger is synthetic; `synthetisch` says so.
import { publish } from "./warehouse.ts";

await publish({
  driehoek: "SELECT driehoek, origin, dev, waarde FROM cl_invoer ORDER BY driehoek, origin, dev",
  factoren: "SELECT * FROM cl_factoren ORDER BY driehoek, dev",
  perOrigin: "SELECT driehoek, origin, laatste_dev, laatste, ultimate, reserve, ontwikkeld_aandeel, mack_se, variatiecoefficient FROM cl_per_origin ORDER BY driehoek, origin",
  totaal: "SELECT * FROM cl_totaal ORDER BY driehoek",
  kalibratie: "SELECT * FROM verhaal_kalibratie",
  peiljaar: "SELECT * FROM verhaal_peiljaar",
  herkomst: "SELECT herkomst, sha256, rijen FROM run_inputs WHERE tabel = 'stg_verhaal_claims'",
});
