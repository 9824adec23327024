-- regel: Verhaalde claims: de aannames van de vergelijking geschat uit het claimregister.
-- Calibration: the recovery parameters of the comparison, estimated from the claims ledger with their
-- uncertainty, to set next to the registry's assumptions (they are not fed into the model automatically:
-- a ledger holds detected cases of the municipalities that keep one, the registry holds all accident cases).
--   gevallen per 100.000 = reported cases of the accident years, projected to ultimate with the chain ladder
--                          of the meldingen triangle, per provision type by its share, over the inhabitants of
--                          the municipalities in the ledger x the number of accident years; 95% interval from the
--                          Poisson count and Mack's standard error of the projection
--   slagingskans         = geregeld / (geregeld + afgewezen + verjaard), Wilson 95% interval
--   gemiddeld verhaald   = mean amount of settled cases, 95% interval mean +- 1.96 s / sqrt(n)
--   vertraging           = years from accident to settlement, settled cases (biased short: open cases of young
--                          years settle later; read with the triangle)
-- Disclosure control: a statistic over fewer than verhaal.sdc_minimum cases is not published (NULL, onderdrukt);
-- the counts and projections come from the disclosure-controlled triangle (driehoek.sql).
CREATE OR REPLACE TABLE verhaal_kalibratie AS
WITH c AS (SELECT * FROM stg_verhaal_claims WHERE regeling = 'wmo'),
blootstelling AS (
  SELECT sum(g.inwoners) * (SELECT count(DISTINCT year(ongevalsdatum)) FROM c) / 100000.0 AS honderdk_jaren
  FROM stg_gemeenten g WHERE g.gemeentecode IN (SELECT DISTINCT gemeentecode FROM c)
),
meld AS (
  SELECT ultimate, laatste AS gemeld, mack_se AS se FROM cl_totaal WHERE driehoek = 'wmo-meldingen'
),
per_type AS (
  SELECT voorziening, count(*) AS n,
         count(*) FILTER (status = 'geregeld') AS geregeld,
         count(*) FILTER (status IN ('geregeld', 'afgewezen', 'verjaard')) AS afgesloten,
         count(*) FILTER (status = 'verjaard') AS verjaard,
         avg(verhaald) FILTER (status = 'geregeld') AS gem_verhaald,
         stddev_samp(verhaald) FILTER (status = 'geregeld') AS sd_verhaald,
         avg(kosten) AS gem_kosten,
         avg(aansprakelijkheid_pct) FILTER (status = 'geregeld') AS gem_aansprakelijkheid,
         avg(datediff('day', ongevalsdatum, datum_geregeld) / 365.25) FILTER (status = 'geregeld') AS gem_vertraging,
         sum(honorarium) FILTER (status = 'geregeld') / nullif(sum(verhaald) FILTER (status = 'geregeld'), 0) * 100 AS honorarium_pct
  FROM c GROUP BY ROLLUP (voorziening)
),
schat AS (
  SELECT t.*, coalesce(t.voorziening, 'alle') AS soort,
         t.n * m.ultimate / m.gemeld / b.honderdk_jaren AS gevallen_per_100k,
         -- relative variance of the projected count: Poisson (1/n) plus the projection's (se/ultimate)^2
         sqrt(1.0 / t.n + pow(m.se / m.ultimate, 2)) AS rel_se,
         t.geregeld / nullif(t.afgesloten, 0) AS p
  FROM per_type t CROSS JOIN meld m CROSS JOIN blootstelling b
)
SELECT soort AS voorziening, n AS zaken, geregeld, afgesloten,
       n < par('verhaal.sdc_minimum', 2015) OR geregeld < par('verhaal.sdc_minimum', 2015) OR afgesloten < par('verhaal.sdc_minimum', 2015) AS onderdrukt,
       gevallen_per_100k, gevallen_per_100k * greatest(1 - 1.96 * rel_se, 0) AS gevallen_laag, gevallen_per_100k * (1 + 1.96 * rel_se) AS gevallen_hoog,
       100 * p AS slagingskans_pct,
       100 * (p + 1.96 * 1.96 / (2 * afgesloten) - 1.96 * sqrt(p * (1 - p) / afgesloten + 1.96 * 1.96 / (4 * afgesloten * afgesloten))) / (1 + 1.96 * 1.96 / afgesloten) AS slagingskans_laag,
       100 * (p + 1.96 * 1.96 / (2 * afgesloten) + 1.96 * sqrt(p * (1 - p) / afgesloten + 1.96 * 1.96 / (4 * afgesloten * afgesloten))) / (1 + 1.96 * 1.96 / afgesloten) AS slagingskans_hoog,
       100.0 * verjaard / nullif(afgesloten, 0) AS verjaard_pct,
       gem_verhaald, gem_verhaald - 1.96 * sd_verhaald / sqrt(geregeld) AS gem_verhaald_laag, gem_verhaald + 1.96 * sd_verhaald / sqrt(geregeld) AS gem_verhaald_hoog,
       gem_kosten, gem_aansprakelijkheid, gem_vertraging, honorarium_pct,
       (SELECT bool_and(coalesce(synthetisch, false)) FROM c) AS synthetisch
FROM schat
ORDER BY voorziening = 'alle', voorziening;

-- what is published: a row whose counts fall below the minimum keeps only its name and the fact that it was suppressed
CREATE OR REPLACE TABLE verhaal_kalibratie_openbaar AS
SELECT voorziening, onderdrukt, synthetisch,
       COLUMNS(c -> c NOT IN ('voorziening', 'onderdrukt', 'synthetisch')) FROM (
  SELECT voorziening, onderdrukt, synthetisch,
         CASE WHEN NOT onderdrukt THEN COLUMNS(c -> c NOT IN ('voorziening', 'onderdrukt', 'synthetisch')) END
  FROM verhaal_kalibratie
);
