-- Claims development triangles from the recovered-claims ledger (stg_verhaal_claims), the input of the chain
-- ladder (verhaal/chainladder.sql). Origin = accident year; development age 1 = the accident year itself.
-- The peiljaar is the year of the latest date in the ledger: what was known when it was drawn up.
--   <regeling>-verhaald : cumulative amount recovered, by the year it was settled
--   <regeling>-meldingen: cumulative number of cases reported, by the year they were reported (to project the
--                         cases of young accident years that are not yet known)
CREATE OR REPLACE TABLE verhaal_peiljaar AS
SELECT CAST(year(max(d)) AS INTEGER) AS peiljaar
FROM (SELECT greatest(ongevalsdatum, datum_gemeld, coalesce(datum_aansprakelijk, datum_gemeld), coalesce(datum_geregeld, datum_gemeld),
                      coalesce(datum_verjaard, datum_gemeld)) AS d FROM stg_verhaal_claims);

CREATE OR REPLACE TABLE cl_invoer AS
WITH cellen AS (
  -- every (origin, dev) up to the peiljaar, so a year without payments carries its cumulative amount forward
  SELECT r.regeling, o.origin, d.range AS dev
  FROM (SELECT DISTINCT regeling FROM stg_verhaal_claims) r
  CROSS JOIN (SELECT DISTINCT CAST(year(ongevalsdatum) AS INTEGER) AS origin FROM stg_verhaal_claims) o
  CROSS JOIN verhaal_peiljaar p
  CROSS JOIN LATERAL range(1, p.peiljaar - o.origin + 2) d
),
bedragen AS (
  SELECT regeling, CAST(year(ongevalsdatum) AS INTEGER) AS origin, CAST(year(datum_geregeld) - year(ongevalsdatum) + 1 AS INTEGER) AS dev,
         sum(verhaald) AS bedrag
  FROM stg_verhaal_claims WHERE status = 'geregeld' GROUP BY ALL
),
meldingen AS (
  SELECT regeling, CAST(year(ongevalsdatum) AS INTEGER) AS origin, CAST(year(datum_gemeld) - year(ongevalsdatum) + 1 AS INTEGER) AS dev, count(*) AS n
  FROM stg_verhaal_claims GROUP BY ALL
)
SELECT c.regeling || '-verhaald' AS driehoek, c.origin, c.dev,
       CAST(sum(coalesce(b.bedrag, 0)) OVER (PARTITION BY c.regeling, c.origin ORDER BY c.dev) AS DOUBLE) AS waarde
FROM cellen c LEFT JOIN bedragen b USING (regeling, origin, dev)
UNION ALL
SELECT c.regeling || '-meldingen', c.origin, c.dev,
       CAST(sum(coalesce(m.n, 0)) OVER (PARTITION BY c.regeling, c.origin ORDER BY c.dev) AS DOUBLE)
FROM cellen c LEFT JOIN meldingen m USING (regeling, origin, dev)
ORDER BY 1, 2, 3;
