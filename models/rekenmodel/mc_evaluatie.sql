-- regel: Rekenmodel Wlz: de benodigde afkoopsom voor elke parameterset (instroom, kosten en contante waarde uit het rooster).
-- Rekenmodel Wlz, Monte Carlo part 3 of 4: the evaluation. The same evaluation serves the Monte Carlo, the tornado
-- and the Sobol design: per vector and group the inflow and yearly cost (the rekenmodel's own macros), and the
-- present value per person interpolated in the grid (mc_rooster.sql). The Wlz afkoopsom itself is not public and is
-- not drawn: the output is the damage for the participating insurers, i.e. the afkoopsom that would be adequate.

-- evaluation per vector and group: inflow, yearly cost (the package mix of the drawn day tariffs, plus the housing
-- components, which are not drawn), net rate, waiting time and the grid position (the same for both sexes: the grid's
-- cells differ by sex, the position in it does not)
CREATE OR REPLACE TEMP TABLE rm_posities AS
WITH g AS (
  SELECT b.jaar, b.soort, b.vector_id, i.groep,
         CASE i.groep WHEN 'dwarslaesie' THEN rm_instroom_dwarslaesie(i.bevolking, b.dwarslaesie_incidentie, b.dwarslaesie_aandeel_tetraplegie, b.dwarslaesie_aandeel_hoog, b.dwarslaesie_aandeel_verkeer, b.dwarslaesie_aandeel_aansprakelijk_verkeer, b.dwarslaesie_aandeel_aansprakelijk_overig, b.dwarslaesie_aandeel_wlz)
              ELSE rm_instroom_nah(i.bevolking, b.nah_incidentie, b.nah_sterfte_ziekenhuis, b.nah_aandeel_zeer_ernstig, b.nah_aandeel_verkeer, b.nah_aandeel_aansprakelijk_verkeer, b.nah_aandeel_aansprakelijk_overig) END
           * rm_verhaalbaar(b.aansprakelijkheid, b.werkgever_uitgesloten, b.civielrechtelijk_verhaalbaar) AS instroom,
         rm_jaarkosten(CASE i.groep WHEN 'dwarslaesie' THEN zp.dagtarief_dwarslaesie ELSE zp.dagtarief_nah END * b.dagen_per_jaar + i.huisvesting_per_jaar,
                       b.contracteerpercentage, b.subsidies, b.beleidswijzigingen, b.eigen_bijdrage) AS kosten_per_jaar,
         CASE i.groep WHEN 'dwarslaesie' THEN b.dwarslaesie_aandeel_man ELSE b.nah_aandeel_man END / 100 AS aandeel_man,
         (1 + b.disconteringsvoet / 100) / (1 + b.indexatie / 100) - 1 AS r,
         CAST(least(greatest(round(b.wachttijd), 0), s.max_wachttijd) AS INTEGER) AS lag,
         ln(CASE i.groep WHEN 'dwarslaesie' THEN b.dwarslaesie_sterftefactor_schaal ELSE b.nah_sterftefactor END) AS ln_k
  FROM rm_breed b CROSS JOIN rm_rooster_instellingen s
  JOIN rekenmodel_invoer i ON i.jaar = b.jaar
  JOIN rm_tariefmix zp ON zp.jaar = b.jaar AND zp.soort = b.soort AND zp.vector_id = b.vector_id
)
SELECT g.jaar, g.soort, g.vector_id, g.groep, g.instroom, g.kosten_per_jaar, g.aandeel_man, g.lag,
       CAST(floor(xk) AS INTEGER) AS ki, xk - floor(xk) AS fk, CAST(floor(xr) AS INTEGER) AS ri, xr - floor(xr) AS fr
FROM (SELECT g.*, least(greatest((g.ln_k - s.ln_k_min) / s.ln_k_stap, 0), s.k_punten - 1.000001) AS xk,
             least(greatest((g.r - s.r_min) / s.r_stap, 0), s.r_punten - 1.000001) AS xr
      FROM g CROSS JOIN rm_rooster_instellingen s) g;

-- the present value per person: bilinear in the grid cell (k, r) at the waiting time, for each sex, weighted by the
-- group's share of men
CREATE OR REPLACE MACRO rm_pv_interpolatie(c, fk, fr, lag) AS
  (1 - fk) * (1 - fr) * c.pv00[lag + 1] + fk * (1 - fr) * c.pv10[lag + 1] + (1 - fk) * fr * c.pv01[lag + 1] + fk * fr * c.pv11[lag + 1];

CREATE OR REPLACE TEMP TABLE rm_uitkomsten AS
SELECT p.jaar, p.soort, p.vector_id, p.groep, p.instroom,
       p.kosten_per_jaar * (rm_pv_interpolatie(m, p.fk, p.fr, p.lag) * p.aandeel_man + rm_pv_interpolatie(f, p.fk, p.fr, p.lag) * (1 - p.aandeel_man)) AS cw_per_persoon
FROM rm_posities p
JOIN rm_pv_cellen m ON m.groep = p.groep AND m.sex = 'male' AND m.ki = p.ki AND m.ri = p.ri
JOIN rm_pv_cellen f ON f.groep = p.groep AND f.sex = 'female' AND f.ki = p.ki AND f.ri = p.ri;

-- per vector: the damage for the participating insurers (the adequate sum) and, for comparison only, its ratio to the
-- project's assumed afkoopsom of the year (wlz_afkoopsom.definitief, an assumption: the sums are not public)
CREATE OR REPLACE TABLE rm_vector_totalen AS
SELECT u.jaar, u.soort, u.vector_id, sum(u.instroom * u.cw_per_persoon) AS schadelast_100pct,
       sum(u.instroom * u.cw_per_persoon) * any_value(d.draagvlak) / 100 AS schadelast,
       CAST(any_value(a.definitief) AS DOUBLE) AS afkoopsom,
       CAST(any_value(a.definitief) AS DOUBLE) / (sum(u.instroom * u.cw_per_persoon) * any_value(d.draagvlak) / 100) AS verhouding
FROM rm_uitkomsten u
JOIN wlz_draagvlak d ON d.jaar = u.jaar AND d.stand = 'definitief'
JOIN wlz_afkoopsom a ON a.jaar = u.jaar
GROUP BY u.jaar, u.soort, u.vector_id;
