// Claims development and calibration from the recovered-claims ledger: aggregates only, under statistical disclosure
// control (verhaal/driehoek.sql, kalibratie.sql): every published figure is a sum over at least verhaal.sdc_minimum cases.
// The shipped ledger is synthetic; `synthetisch` says so.
import { publish } from "./warehouse.ts";

await publish({
  driehoek: "SELECT driehoek, origin, dev, waarde FROM cl_invoer ORDER BY driehoek, origin, dev",
  factoren: "SELECT * FROM cl_factoren ORDER BY driehoek, dev",
  perOrigin:
    "SELECT driehoek, origin, laatste_dev, laatste, ultimate, reserve, ontwikkeld_aandeel, mack_se, variatiecoefficient FROM cl_per_origin ORDER BY driehoek, origin",
  totaal: "SELECT * FROM cl_totaal ORDER BY driehoek",
  kalibratie: "SELECT * FROM verhaal_kalibratie_openbaar",
  geheimhouding:
    "SELECT driehoek, count(*) FILTER (achtergehouden) AS cellen_achtergehouden, count(*) AS cellen, CAST(par('verhaal.sdc_minimum', 2015) AS INTEGER) AS minimum FROM verhaal_sdc GROUP BY driehoek ORDER BY driehoek",
  peiljaar: "SELECT * FROM verhaal_peiljaar",
  herkomst: "SELECT herkomst, sha256, rijen FROM run_inputs WHERE tabel = 'stg_verhaal_claims'",
});
