-- regel: Rekenmodel Wlz: overleving en levensverwachting uit de Nederlandse levenstafels, met oversterfte.
-- Rekenmodel Wlz (convenant Wlz 2024-2027, Toelichting 5: "een inschatting ... van gemiddelde levensduur"):
-- the life-table engine. Every table (the shipped Dutch period tables by year and sex, or a user's table)
-- becomes rows (tabel_id, age, qx, ax, lnl) with lnl = ln(l_age / l_0).
-- Excess mortality for an injury group is a multiplier k on the force of mortality, so that
-- survival becomes  t_p'_x = (t_p_x)^k  = exp(k (lnl_{x+t} - lnl_x)).
--   lt_overleving(tabel, x, k)             survival t_p'_x for t = 0 .. end of table
--   lt_levensverwachting(tabel, x, k)      curtate e_x = sum_{t>=1} t_p'_x and complete e°_x, the latter with the
--                                         table's ax (average time lived in the year of death; 0.5 if absent)
--   lt_annuiteit(tabel, x, k, i, g, n)    present value of 1 a year, indexed by g, discounted at i, while alive:
--                                         annuity-due (payments at t = 0 .. n-1) and immediate (t = 1 .. n);
--                                         n NULL = whole life. Payment at time t is (1+g)^t.
--   lt_factoren (view over lt_doelen)     the k at which e°'_x / e°_x = ratio, solved on a fine grid of k
--                                         (steps of 0.25%) with linear interpolation
CREATE OR REPLACE TABLE int_levenstafels AS
SELECT CAST(year AS VARCHAR) || '-' || sex AS tabel_id, age, CAST(qx AS DOUBLE) AS qx, CAST(ax AS DOUBLE) AS ax,
       coalesce(sum(ln(greatest(1 - CAST(qx AS DOUBLE), 1e-300))) OVER (PARTITION BY year, sex ORDER BY age ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS lnl
FROM stg_levenstafels
ORDER BY tabel_id, age;

CREATE OR REPLACE MACRO lt_overleving(tabel, x, k) AS TABLE
  SELECT l.age - x AS t, l.age, exp(k * (l.lnl - b.lnl)) AS tp, coalesce(l.ax, 0.5) AS ax
  FROM int_levenstafels l JOIN int_levenstafels b ON b.tabel_id = l.tabel_id AND b.age = x
  WHERE l.tabel_id = tabel AND l.age >= x;

CREATE OR REPLACE MACRO lt_levensverwachting(tabel, x, k) AS TABLE
  WITH s AS (SELECT t, tp, ax, coalesce(lead(tp) OVER (ORDER BY t), 0) AS tp1 FROM lt_overleving(tabel, x, k))
  SELECT sum(tp) FILTER (t >= 1) AS e_curtate, sum(tp1 + ax * (tp - tp1)) AS e_complete FROM s;

CREATE OR REPLACE MACRO lt_annuiteit(tabel, x, k, i, g, n) AS TABLE
  SELECT sum(tp * pow((1 + g) / (1 + i), t)) FILTER (n IS NULL OR t < n) AS a_due,
         sum(tp * pow((1 + g) / (1 + i), t)) FILTER (t >= 1 AND (n IS NULL OR t <= n)) AS a_immediate
  FROM lt_overleving(tabel, x, k);

-- Solving for the multiplier: fill lt_doelen (doel_id, tabel_id, x, ratio) and read lt_factoren (doel_id, k).
CREATE OR REPLACE TABLE lt_doelen (doel_id VARCHAR, tabel_id VARCHAR, x INTEGER, ratio DOUBLE);

-- complete life expectancy summed over a table's rows at grid step stap (k = exp(stap / 400)); dl, dl1 = ln survival
-- to this age and the next from x
CREATE OR REPLACE MACRO lt_e_stap(stap, dl, dl1, ax) AS
  sum(coalesce(exp(exp(stap / 400.0) * dl1), 0) + ax * (exp(exp(stap / 400.0) * dl) - coalesce(exp(exp(stap / 400.0) * dl1), 0)));

CREATE OR REPLACE VIEW lt_factoren AS
-- The ratio falls as k grows (survival exp(k dl) with dl <= 0, and 0 <= ax <= 1), so the step where it crosses the
-- target is found on every 20th step first and then among the steps of that bracket only: the same grid, the same
-- interpolation, at a tenth of the work. Each table and age is evaluated once, whatever the number of targets on it.
WITH punten AS (SELECT DISTINCT tabel_id, x FROM lt_doelen),
b AS (
  SELECT p.tabel_id, p.x, l.lnl - x0.lnl AS dl,
         lead(l.lnl - x0.lnl) OVER (PARTITION BY p.tabel_id, p.x ORDER BY l.age) AS dl1, coalesce(l.ax, 0.5) AS ax
  FROM punten p
  JOIN int_levenstafels x0 ON x0.tabel_id = p.tabel_id AND x0.age = p.x
  JOIN int_levenstafels l ON l.tabel_id = p.tabel_id AND l.age >= p.x
),
grof AS (SELECT range AS stap FROM range(0, 2000, 20) UNION ALL SELECT 1999),
e_grof AS (
  SELECT b.tabel_id, b.x, g.stap, lt_e_stap(g.stap, b.dl, b.dl1, b.ax) AS e
  FROM grof g CROSS JOIN b GROUP BY b.tabel_id, b.x, g.stap
),
e1 AS (SELECT tabel_id, x, e FROM e_grof WHERE stap = 0),
doelen AS (SELECT DISTINCT tabel_id, x, ratio FROM lt_doelen),
-- the ratio falls with k wherever 0 <= ax <= 1 (every term (1 - ax) tp1 + ax tp falls); a table with another ax before
-- its last age (a user's table) is searched on the whole grid
vrij AS (SELECT tabel_id, x, bool_or(dl1 IS NOT NULL AND (ax < 0 OR ax > 1)) AS heel_rooster FROM b GROUP BY tabel_id, x),
-- per target the bracket of steps [van, tot] where the ratio crosses it (one step at either end of the grid)
braket AS (
  SELECT d.tabel_id, d.x, d.ratio,
         CASE WHEN any_value(v.heel_rooster) THEN 0 ELSE coalesce(max(g.stap) FILTER (g.e / e1.e >= d.ratio), 0) END AS van,
         CASE WHEN any_value(v.heel_rooster) THEN 1999 ELSE coalesce(min(g.stap) FILTER (g.e / e1.e < d.ratio), 1999) END AS tot
  FROM doelen d JOIN e_grof g ON g.tabel_id = d.tabel_id AND g.x = d.x JOIN e1 ON e1.tabel_id = d.tabel_id AND e1.x = d.x
  JOIN vrij v ON v.tabel_id = d.tabel_id AND v.x = d.x
  GROUP BY d.tabel_id, d.x, d.ratio
),
fijn AS (SELECT DISTINCT tabel_id, x, unnest(range(van, tot + 1)) AS stap FROM braket),
e_fijn AS (
  SELECT b.tabel_id, b.x, f.stap, exp(f.stap / 400.0) AS k, lt_e_stap(f.stap, b.dl, b.dl1, b.ax) AS e
  FROM fijn f JOIN b ON b.tabel_id = f.tabel_id AND b.x = f.x GROUP BY b.tabel_id, b.x, f.stap
),
m AS (
  SELECT bk.tabel_id, bk.x, bk.ratio AS doel,
         max(f.k) FILTER (f.e / e1.e >= bk.ratio) AS k1, arg_max(f.e / e1.e, f.k) FILTER (f.e / e1.e >= bk.ratio) AS r1,
         min(f.k) FILTER (f.e / e1.e < bk.ratio) AS k2, arg_min(f.e / e1.e, f.k) FILTER (f.e / e1.e < bk.ratio) AS r2
  FROM braket bk
  JOIN e_fijn f ON f.tabel_id = bk.tabel_id AND f.x = bk.x AND f.stap BETWEEN bk.van AND bk.tot
  JOIN e1 ON e1.tabel_id = bk.tabel_id AND e1.x = bk.x
  GROUP BY bk.tabel_id, bk.x, bk.ratio
)
SELECT d.doel_id, CASE WHEN m.k1 IS NULL OR m.k2 IS NULL THEN coalesce(m.k1, m.k2) ELSE m.k1 + (m.k2 - m.k1) * (m.r1 - m.doel) / (m.r1 - m.r2) END AS k
FROM lt_doelen d JOIN m ON m.tabel_id = d.tabel_id AND m.x = d.x AND (m.doel = d.ratio OR (m.doel IS NULL AND d.ratio IS NULL));
