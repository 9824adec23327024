-- regel: Verhaalde claims: ontwikkeldriehoeken per ongevalsjaar, met statistische geheimhouding.
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

-- Statistical disclosure control, as CBS applies it to published tables: every published figure derives from this
-- triangle, so it must not reveal one claim. A cell's increment (what differencing two consecutive cumulative values
-- gives) is published only as the sum of at least verhaal.sdc_minimum claims: an increment of fewer claims is held
-- back and added to the next period of the same accident year, until at least that many have accumulated; what
-- never reaches that many stays unpublished (the last cells of young accident years may lag the ledger). Every
-- difference between published cells, and every chain-ladder figure computed from them, is then a sum over disjoint
-- groups of at least that many claims. verhaal_sdc says per cell what was held back.
CREATE OR REPLACE TEMP TABLE cl_increment AS
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
         sum(verhaald) AS bedrag, count(*) AS n
  FROM stg_verhaal_claims WHERE status = 'geregeld' GROUP BY ALL
),
meldingen AS (
  SELECT regeling, CAST(year(ongevalsdatum) AS INTEGER) AS origin, CAST(year(datum_gemeld) - year(ongevalsdatum) + 1 AS INTEGER) AS dev, count(*) AS n
  FROM stg_verhaal_claims GROUP BY ALL
)
SELECT c.regeling || '-verhaald' AS driehoek, c.origin, c.dev, CAST(coalesce(b.bedrag, 0) AS DOUBLE) AS bedrag, coalesce(b.n, 0) AS n
FROM cellen c LEFT JOIN bedragen b USING (regeling, origin, dev)
UNION ALL
SELECT c.regeling || '-meldingen', c.origin, c.dev, CAST(coalesce(m.n, 0) AS DOUBLE), coalesce(m.n, 0)
FROM cellen c LEFT JOIN meldingen m USING (regeling, origin, dev);

CREATE OR REPLACE TABLE verhaal_sdc AS
WITH RECURSIVE k AS (SELECT CAST(par('verhaal.sdc_minimum', 2015) AS INTEGER) AS k),
walk AS (
  SELECT i.driehoek, i.origin, i.dev, i.n,
         CASE WHEN i.n >= k.k THEN i.bedrag ELSE 0 END AS vrijgegeven,
         CASE WHEN i.n >= k.k THEN 0 ELSE i.bedrag END AS wacht_bedrag,
         CASE WHEN i.n >= k.k THEN 0 ELSE i.n END AS wacht_n
  FROM cl_increment i CROSS JOIN k WHERE i.dev = 1
  UNION ALL
  SELECT i.driehoek, i.origin, i.dev, i.n,
         w.vrijgegeven + CASE WHEN w.wacht_n + i.n >= k.k THEN w.wacht_bedrag + i.bedrag ELSE 0 END,
         CASE WHEN w.wacht_n + i.n >= k.k THEN 0 ELSE w.wacht_bedrag + i.bedrag END,
         CASE WHEN w.wacht_n + i.n >= k.k THEN 0 ELSE w.wacht_n + i.n END
  FROM walk w JOIN cl_increment i ON i.driehoek = w.driehoek AND i.origin = w.origin AND i.dev = w.dev + 1 CROSS JOIN k
)
SELECT driehoek, origin, dev, n AS claims_in_cel, vrijgegeven AS waarde_gepubliceerd, wacht_n AS claims_achtergehouden,
       wacht_n > 0 AS achtergehouden
FROM walk ORDER BY driehoek, origin, dev;

-- the triangle the chain ladder and every published figure use: the disclosure-controlled one
CREATE OR REPLACE TABLE cl_invoer AS
SELECT driehoek, origin, dev, waarde_gepubliceerd AS waarde FROM verhaal_sdc ORDER BY 1, 2, 3;
