-- regel: Rekenmodel Wlz: het rooster van contante waarden per persoon (oversterfte, rente, wachttijd), los van de trekkingen.
-- Rekenmodel Wlz, Monte Carlo part 1 of 4: the grid. The present value per person is tabulated over a shift of the
-- mortality multipliers (ln k = ln k_basis(age) + shift), the net discount rate and the waiting time, for the year
-- of the Monte Carlo (mc_jaar). It reads no draws, so `afkoop rekenmodel --draws N --seed S` reuses it; the
-- evaluation (mc_evaluatie.sql) interpolates in it bilinearly (checked against the exact model in the tests).

-- numerical settings of the grid (not model parameters)
CREATE OR REPLACE TABLE rm_rooster_instellingen AS
SELECT -1.0 AS ln_k_min, 0.035 AS ln_k_stap, 120 AS k_punten, -0.04 AS r_min, 0.004 AS r_stap, 31 AS r_punten, 5 AS max_wachttijd;

-- age weights within each group (class share spread over its ages) with the base multiplier of each age and sex
CREATE OR REPLACE TABLE rm_leeftijdsgewichten AS
SELECT l.groep, a.age, l.aandeel_pct / 100 / (l.leeftijd_tot - l.leeftijd_van + 1) AS gewicht
FROM stg_rekenmodel_leeftijden l CROSS JOIN LATERAL (SELECT range AS age FROM range(l.leeftijd_van, l.leeftijd_tot + 1)) a;

-- S(groep, sex, shift, t) = sum over ages of weight x survival^(k_basis(age) e^shift), for every shift of the grid
CREATE OR REPLACE TEMP TABLE rm_overleving_rooster AS
WITH jaar AS (SELECT jaar FROM mc_jaar),
tafel AS (SELECT DISTINCT levenstafel_jaar FROM rekenmodel_invoer WHERE jaar = (SELECT jaar FROM jaar)),
ks AS (SELECT range AS ki, exp(s.ln_k_min + range * s.ln_k_stap) AS k FROM rm_rooster_instellingen s, range(s.k_punten)),
d AS (
  SELECT w.groep, sx.sex, w.gewicht, f.k_basis, lt.age - w.age AS t, lt.lnl - l0.lnl AS dl
  FROM rm_leeftijdsgewichten w CROSS JOIN (SELECT unnest(['male', 'female']) AS sex) sx CROSS JOIN tafel
  JOIN rekenmodel_sterfte_per_leeftijd f ON f.jaar = (SELECT jaar FROM jaar) AND f.groep = w.groep AND f.sex = sx.sex AND f.age = w.age
  JOIN int_levenstafels l0 ON l0.tabel_id = tafel.levenstafel_jaar || '-' || sx.sex AND l0.age = w.age
  JOIN int_levenstafels lt ON lt.tabel_id = l0.tabel_id AND lt.age >= w.age
)
SELECT d.groep, d.sex, ks.ki, d.t, sum(d.gewicht * exp(d.k_basis * ks.k * d.dl)) AS s
FROM d CROSS JOIN ks GROUP BY d.groep, d.sex, ks.ki, d.t;

-- PV(groep, sex, shift, r, wachttijd) = sum_{t >= wachttijd} S (1 + r)^-t, as a list over wachttijd 0..max, and each
-- grid cell with its three neighbours (shift+1, r+1, both), so that interpolation is one equality join
CREATE OR REPLACE TEMP TABLE rm_pv_rooster AS
WITH rs AS (SELECT range AS ri, s.r_min + range * s.r_stap AS r FROM rm_rooster_instellingen s, range(s.r_punten)),
v AS (SELECT o.groep, o.sex, o.ki, rs.ri, o.t, o.s * exp(-o.t * ln(1 + rs.r)) AS v FROM rm_overleving_rooster o CROSS JOIN rs),
c AS (
  SELECT groep, sex, ki, ri, sum(v) AS totaal,
         [sum(v) FILTER (t = 0), sum(v) FILTER (t = 1), sum(v) FILTER (t = 2), sum(v) FILTER (t = 3), sum(v) FILTER (t = 4)] AS begin
  FROM v GROUP BY groep, sex, ki, ri
)
SELECT groep, sex, ki, ri,
       list_transform(range(0, (SELECT max_wachttijd + 1 FROM rm_rooster_instellingen)),
                      lag -> totaal - coalesce(list_sum(list_slice(begin, 1, lag)), 0)) AS pv
FROM c;

CREATE OR REPLACE TABLE rm_pv_cellen AS
SELECT a.groep, a.sex, a.ki, a.ri, a.pv AS pv00, b.pv AS pv10, c.pv AS pv01, d.pv AS pv11
FROM rm_pv_rooster a
JOIN rm_pv_rooster b ON b.groep = a.groep AND b.sex = a.sex AND b.ki = a.ki + 1 AND b.ri = a.ri
JOIN rm_pv_rooster c ON c.groep = a.groep AND c.sex = a.sex AND c.ki = a.ki AND c.ri = a.ri + 1
JOIN rm_pv_rooster d ON d.groep = a.groep AND d.sex = a.sex AND d.ki = a.ki + 1 AND d.ri = a.ri + 1;
