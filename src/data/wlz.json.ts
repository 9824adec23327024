// The Wlz convenant's yearly procedure and the AWBZ history: page "Wlz-afkoopsom".
import { publish } from "./warehouse.ts";

await publish({
  draagvlak: "SELECT * FROM wlz_draagvlak ORDER BY jaar, stand DESC",
  stappen: "SELECT * FROM wlz_afkoopsom_stappen ORDER BY jaar, stand DESC, volgnummer",
  afkoopsom: "SELECT * FROM wlz_afkoopsom ORDER BY jaar",
  nota: "SELECT jaar, CAST(uiterlijk_verstuurd AS VARCHAR) AS uiterlijk_verstuurd, CAST(betaald_voor AS VARCHAR) AS betaald_voor, voorlopig_t, definitief_t_min_1, nacalculatie_t_min_1, totaal_nota FROM wlz_nota ORDER BY jaar",
  tijdpad:
    "SELECT jaar, volgorde, moment, CAST(van AS VARCHAR) AS van, CAST(tot AS VARCHAR) AS tot, uiterlijk, actie, partij, artikel FROM wlz_tijdpad WHERE jaar = (SELECT min(jaar) FROM wlz_tijdpad) ORDER BY volgorde",
  awbz: "SELECT * FROM awbz_reeks ORDER BY jaar, maanden",
  verkeersgewonden: "SELECT * FROM wlz_verkeersgewonden ORDER BY jaar",
  parameters:
    "SELECT p.parameter_id, p.jaar, p.waarde_tekst, p.waarde, p.laag, p.hoog, p.status, p.eenheid, p.omschrijving, p.bron_id, p.vindplaats, coalesce(b.citeer_als, b.titel) AS bron_titel FROM int_parameters_per_jaar p LEFT JOIN stg_bronnen b USING (bron_id) WHERE (p.parameter_id LIKE 'wlz.%' OR p.parameter_id LIKE 'awbz.%') AND p.jaar BETWEEN 2023 AND 2027 ORDER BY p.parameter_id, p.jaar",
});
