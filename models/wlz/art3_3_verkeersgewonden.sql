-- regel: Convenant Wlz art. 3.3: verandering in het aantal ernstig verkeersgewonden en de drempel voor een heranalyse.
-- Wlz-convenant 2024-2027 art. 3.3: "Als partijen van mening zijn dat er vanwege een grote beleidswijziging of een
-- bijzondere (onvoorziene) gebeurtenis een verandering plaatsvindt in het aantal verkeersgewonden die groter is dan
-- 10%, dan wordt de invloed hiervan op de afkoopsom door de partijen geanalyseerd en vastgesteld."
-- The published series (SWOV: serious road injuries MAIS3+, CBS: road deaths) with the change on the year before and
-- whether it exceeds wlz.drempel_heranalyse. Whether a change stems from a policy change or an unforeseen event is
-- the parties' judgement; the rules themselves use wlz.mutatie_verkeersgewonden for the convenant years.
CREATE OR REPLACE TABLE wlz_verkeersgewonden AS
SELECT jaar, verkeersdoden, ernstig_gewonden_mais3,
       100.0 * ernstig_gewonden_mais3 / lag(ernstig_gewonden_mais3) OVER (ORDER BY jaar) - 100 AS verandering_pct,
       abs(100.0 * ernstig_gewonden_mais3 / lag(ernstig_gewonden_mais3) OVER (ORDER BY jaar) - 100) > par('wlz.drempel_heranalyse', 2024) AS boven_drempel,
       bron_id, vindplaats
FROM stg_wlz_verkeersgewonden
ORDER BY jaar;
