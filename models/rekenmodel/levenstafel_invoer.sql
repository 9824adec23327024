-- regel: Een eigen levenstafel (afkoop life --table): de sterftekansen uit lx, qx of mx, toegevoegd aan de levenstafels.
-- tags: op-verzoek
-- Rekenmodel Wlz, life-table engine: a user's life table. `afkoop life --table FILE` (and the site) load the
-- rows into lt_invoer (age, lx, qx, mx, ax; one of lx, qx, mx given) and run this file, which adds the table to
-- int_levenstafels as tabel_id 'invoer':
--   qx from lx: 1 - l_{x+1} / l_x (the last age closes the table: qx = 1)
--   qx from mx: mx / (1 + (1 - ax) mx), with ax = 0.5 where not given (the last age: qx = 1)
DELETE FROM int_levenstafels WHERE tabel_id = 'invoer';
INSERT INTO int_levenstafels
WITH q AS (
  SELECT age, ax,
         CASE WHEN age = max(age) OVER () THEN 1.0
              WHEN qx IS NOT NULL THEN qx
              WHEN lx IS NOT NULL THEN CASE WHEN lx <= 0 THEN 1.0 ELSE 1 - lead(lx) OVER (ORDER BY age) / lx END
              ELSE mx / (1 + (1 - coalesce(ax, 0.5)) * mx) END AS qx
  FROM lt_invoer
)
SELECT 'invoer', age, qx, ax,
       coalesce(sum(ln(greatest(1 - qx, 1e-300))) OVER (ORDER BY age ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS lnl
FROM q ORDER BY age;
