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

CREATE OR REPLACE VIEW lt_factoren AS
WITH b AS (
  SELECT d.doel_id, d.ratio, l.lnl - x0.lnl AS dl,
         lead(l.lnl - x0.lnl) OVER (PARTITION BY d.doel_id ORDER BY l.age) AS dl1, coalesce(l.ax, 0.5) AS ax
  FROM lt_doelen d
  JOIN int_levenstafels x0 ON x0.tabel_id = d.tabel_id AND x0.age = d.x
  JOIN int_levenstafels l ON l.tabel_id = d.tabel_id AND l.age >= d.x
),
grid AS (SELECT range AS stap, exp(range / 400.0) AS k FROM range(0, 2000)),
e AS (
  SELECT b.doel_id, any_value(b.ratio) AS doel, g.stap, g.k,
         sum(coalesce(exp(g.k * b.dl1), 0) + b.ax * (exp(g.k * b.dl) - coalesce(exp(g.k * b.dl1), 0))) AS e
  FROM grid g CROSS JOIN b GROUP BY b.doel_id, g.stap, g.k
),
r AS (SELECT doel_id, doel, k, e / first_value(e) OVER (PARTITION BY doel_id ORDER BY stap) AS verhouding FROM e),
m AS (
  SELECT doel_id, any_value(doel) AS doel,
         max(k) FILTER (verhouding >= doel) AS k1, arg_max(verhouding, k) FILTER (verhouding >= doel) AS r1,
         min(k) FILTER (verhouding < doel) AS k2, arg_min(verhouding, k) FILTER (verhouding < doel) AS r2
  FROM r GROUP BY doel_id
)
SELECT doel_id, CASE WHEN k1 IS NULL OR k2 IS NULL THEN coalesce(k1, k2) ELSE k1 + (k2 - k1) * (r1 - doel) / (r1 - r2) END AS k FROM m;
