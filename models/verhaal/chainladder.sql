-- regel: Verhaalde claims: de chain ladder met de standaardfouten van Mack.
-- Claims development (issue: bought off versus individual recovery): the chain ladder with volume-weighted
-- development factors and Mack's (1993) standard errors, so that young accident years are read as incomplete.
-- Input: cl_invoer(driehoek, origin, dev, waarde), cumulative amounts by origin (accident year) and development
-- age (1 = first). It holds one or more triangles; each is projected on its own. The pipeline fills cl_invoer
-- from the claims ledger (verhaal/driehoek.sql); `afkoop triangle` fills it from any CSV and runs this file alone.
--   f_k       = sum_i C(i,k+1) / sum_i C(i,k), over the origins observed at k+1          (volume-weighted)
--   sigma2_k  = 1/(n_k - 1) sum_i C(i,k) (C(i,k+1)/C(i,k) - f_k)^2; for the last k, where n_k = 1, Mack's
--               extrapolation min(sigma2_{k-1}^2 / sigma2_{k-2}, sigma2_{k-2}, sigma2_{k-1})
--   ultimate  = C(i,latest) x f_latest x ... x f_(n-1);  reserve = ultimate - C(i,latest)
--   mse(R_i)  = U_i^2 sum_{k >= latest_i} sigma2_k / f_k^2 (1 / C^(i,k) + 1 / S_k),  S_k = sum_i C(i,k) used for f_k
--   mse(R)    = sum_i mse(R_i) + sum_i U_i (sum_{j younger than i} U_j) sum_{k >= latest_i} 2 sigma2_k / f_k^2 / S_k
CREATE OR REPLACE TABLE cl_paren AS
SELECT a.driehoek, a.origin, a.dev, a.waarde AS c0, b.waarde AS c1
FROM cl_invoer a JOIN cl_invoer b ON b.driehoek = a.driehoek AND b.origin = a.origin AND b.dev = a.dev + 1;

CREATE OR REPLACE TABLE cl_factoren AS
WITH f AS (
  SELECT driehoek, dev, sum(c1) / nullif(sum(c0), 0) AS f, sum(c0) AS s, count(*) AS n FROM cl_paren GROUP BY driehoek, dev
),
s AS (
  SELECT p.driehoek, p.dev,
         CASE WHEN count(*) FILTER (p.c0 > 0) > 1
              THEN sum(p.c0 * pow(p.c1 / p.c0 - f.f, 2)) FILTER (p.c0 > 0) / (count(*) FILTER (p.c0 > 0) - 1) END AS sigma2
  FROM cl_paren p JOIN f USING (driehoek, dev) GROUP BY p.driehoek, p.dev
),
fs AS (
  SELECT f.*, s.sigma2,
         lag(s.sigma2, 1) OVER (PARTITION BY f.driehoek ORDER BY f.dev) AS s_1,
         lag(s.sigma2, 2) OVER (PARTITION BY f.driehoek ORDER BY f.dev) AS s_2
  FROM f JOIN s USING (driehoek, dev)
)
-- where no origin has any volume at k (sum C(i,k) = 0) the factor is undetermined: it is carried as 1 (nothing to
-- develop from) and the row says so in waarschuwing, never silently
SELECT driehoek, dev, coalesce(f, 1) AS f, s, n,
       coalesce(sigma2, CASE WHEN s_2 > 0 THEN least(s_1 * s_1 / s_2, s_2, s_1) ELSE coalesce(s_1, 0) END) AS sigma2,
       sigma2 IS NULL AS sigma2_geextrapoleerd,
       CASE WHEN f IS NULL THEN 'geen volume in ontwikkeljaar ' || dev || ': factor onbepaald, als 1 gerekend' END AS waarschuwing
FROM fs ORDER BY driehoek, dev;

-- each origin's latest diagonal and its projection to the last development age
CREATE OR REPLACE TABLE cl_projectie AS
WITH laatste AS (
  SELECT driehoek, origin, max(dev) AS laatste_dev, arg_max(waarde, dev) AS laatste FROM cl_invoer GROUP BY driehoek, origin
),
ontw AS (SELECT driehoek, max(dev) AS n FROM cl_invoer GROUP BY driehoek)
SELECT l.driehoek, l.origin, l.laatste_dev, l.laatste, k.range AS dev,
       l.laatste * coalesce((SELECT product(f.f) FROM cl_factoren f WHERE f.driehoek = l.driehoek AND f.dev >= l.laatste_dev AND f.dev < k.range), 1) AS c
FROM laatste l JOIN ontw o USING (driehoek) CROSS JOIN LATERAL range(l.laatste_dev, o.n + 1) k
ORDER BY l.driehoek, l.origin, dev;

CREATE OR REPLACE TABLE cl_per_origin AS
WITH u AS (SELECT driehoek, origin, any_value(laatste_dev) AS laatste_dev, any_value(laatste) AS laatste, arg_max(c, dev) AS ultimate FROM cl_projectie GROUP BY driehoek, origin),
termen AS (
  SELECT p.driehoek, p.origin,
         sum(f.sigma2 / (f.f * f.f) * (1 / nullif(p.c, 0) + 1 / nullif(f.s, 0))) AS proces_en_parameter,
         sum(2 * f.sigma2 / (f.f * f.f) / nullif(f.s, 0)) AS parameter_gedeeld
  FROM cl_projectie p JOIN cl_factoren f ON f.driehoek = p.driehoek AND f.dev = p.dev
  GROUP BY p.driehoek, p.origin
)
SELECT u.driehoek, u.origin, u.laatste_dev, u.laatste, u.ultimate, u.ultimate - u.laatste AS reserve,
       u.laatste / nullif(u.ultimate, 0) AS ontwikkeld_aandeel,
       sqrt(coalesce(u.ultimate * u.ultimate * t.proces_en_parameter, 0)) AS mack_se,
       sqrt(coalesce(u.ultimate * u.ultimate * t.proces_en_parameter, 0)) / nullif(u.ultimate - u.laatste, 0) AS variatiecoefficient,
       coalesce(t.parameter_gedeeld, 0) AS parameter_gedeeld
FROM u LEFT JOIN termen t USING (driehoek, origin)
ORDER BY u.driehoek, u.origin;

CREATE OR REPLACE TABLE cl_totaal AS
WITH kruis AS (
  SELECT a.driehoek, sum(a.ultimate * a.parameter_gedeeld * (SELECT sum(b.ultimate) FROM cl_per_origin b WHERE b.driehoek = a.driehoek AND b.origin > a.origin)) AS kruisterm
  FROM cl_per_origin a GROUP BY a.driehoek
)
SELECT o.driehoek, sum(o.laatste) AS laatste, sum(o.ultimate) AS ultimate, sum(o.reserve) AS reserve,
       sqrt(sum(o.mack_se * o.mack_se) + coalesce(any_value(k.kruisterm), 0)) AS mack_se,
       sqrt(sum(o.mack_se * o.mack_se) + coalesce(any_value(k.kruisterm), 0)) / nullif(sum(o.reserve), 0) AS variatiecoefficient
FROM cl_per_origin o LEFT JOIN kruis k USING (driehoek)
GROUP BY o.driehoek ORDER BY o.driehoek;
