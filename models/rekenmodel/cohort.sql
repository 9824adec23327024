-- regel: Rekenmodel Wlz: de nieuwe gevallen van ernstig hersenletsel en hoge dwarslaesie per jaar en hun zorgkosten over het leven.
-- Rekenmodel Wlz (convenant Wlz 2024-2027, Toelichting 5: "een groep mensen met zeer ernstig niet-aangeboren-
-- hersenletsel (NAH) en een geringe groep mensen met een hoge dwarslaesie ... Het uitgangspunt voor de kosten zijn
-- de kosten van de zorgzwaartepakketten voor de sector Lichamelijke Handicap (LG) ... Verder wordt er in het model
-- rekening gehouden met verkeer, subsidieregelingen Wlz, eigen bijdragen, draagvlak en beleidswijzigingen."):
-- the expected recoverable Wlz damage caused by the accidents of one year.
--   instroom   = population x incidentie x aandeel dat ernstig genoeg is x aandeel met een aansprakelijke derde
--                (verkeer x aansprakelijk + overig aansprakelijk) [x aandeel Wlz]. The population is CBS's on 1 January
--                of the year (int_bevolking_per_jaar): all ages for the dwarslaesie (Nijendijk et al. 2014 count every
--                age), aged 18 and over for NAH (Jochems et al. 2021 count adults).
--   overleving = the Dutch period life table of rekenmodel.levenstafel_jaar, by sex, with the group's excess
--                mortality as a multiplier k on the force of mortality. NAH: one k for every age (Harrison-Felix).
--                Dwarslaesie: k solved per age at injury so that the model's life expectancy over that without the
--                injury equals the source's at each age it reports (data/rekenmodel/levensverwachting.csv), ln k
--                interpolated linearly in between and held beyond; times rekenmodel.dwarslaesie.sterftefactor_schaal.
--                The fit is published: rekenmodel_levensverwachting (ratio_bron against ratio_model).
--   kosten     = ZZP LG mix x (NZa maximum day tariff incl. NHC/NIC x contracteerpercentage) x dagen
--                x (1 + subsidies) x (1 + beleidswijzigingen) x (1 - eigen bijdrage)
--   verhaalbaar= aansprakelijkheid (eigen schuld) x (1 - werkgever_uitgesloten, art. 10.2.3 Wlz)
--                x civielrechtelijk_verhaalbaar (art. 10.2.2 lid 1 Wlz: "ten hoogste tot het bedrag, waarvoor deze
--                ... naar burgerlijk recht aansprakelijk zou zijn")
--   schadelast = instroom x verhaalbaar x sum over age at injury and sex of the present value of the yearly costs
--                while alive, from the year of Wlz entry (rekenmodel.wachttijd) on, indexed and discounted (the cash
--                flows, rekenmodel_kasstromen); times the draagvlak in rekenmodel/schadelast.sql.
-- The macros rm_* are shared with the Monte Carlo (montecarlo.sql).
CREATE OR REPLACE MACRO rm_instroom_dwarslaesie(inwoners, incidentie, tetra, hoog, verkeer, aanspr_verkeer, aanspr_overig, wlz) AS
  inwoners * incidentie / 1000000 * tetra / 100 * hoog / 100 * (verkeer / 100 * aanspr_verkeer / 100 + aanspr_overig / 100) * wlz / 100;
CREATE OR REPLACE MACRO rm_instroom_nah(volwassenen, incidentie, sterfte_zh, zeer_ernstig, verkeer, aanspr_verkeer, aanspr_overig) AS
  volwassenen * incidentie / 100000 * (1 - sterfte_zh / 100) * zeer_ernstig / 100 * (verkeer / 100 * aanspr_verkeer / 100 + aanspr_overig / 100);
CREATE OR REPLACE MACRO rm_jaarkosten(bruto, contracteer, subsidies, beleid, eigen_bijdrage) AS
  bruto * contracteer / 100 * (1 + subsidies / 100) * (1 + beleid / 100) * (1 - eigen_bijdrage / 100);
CREATE OR REPLACE MACRO rm_verhaalbaar(aansprakelijkheid, werkgever, civiel) AS
  aansprakelijkheid / 100 * (1 - werkgever / 100) * civiel / 100;

-- gross yearly cost per person at the NZa maximum tariffs of year j: the package mix times (care + housing) per day
CREATE OR REPLACE TABLE rekenmodel_brutokosten AS
SELECT l.jaar, z.groep,
       sum(z.aandeel_pct / 100 * (par('rekenmodel.tarief.' || z.zzp, l.jaar) + par('rekenmodel.huisvesting.' || z.zzp, l.jaar))
           * par('rekenmodel.dagen_per_jaar', l.jaar)) AS bruto_per_jaar,
       sum(z.aandeel_pct / 100 * par('rekenmodel.huisvesting.' || z.zzp, l.jaar) * par('rekenmodel.dagen_per_jaar', l.jaar)) AS huisvesting_per_jaar
FROM stg_rekenmodel_zorgprofiel z CROSS JOIN stg_wlz_looptijd l
WHERE l.status = 'convenant'
GROUP BY l.jaar, z.groep;

-- the dwarslaesie's excess mortality: per source age and sex the multiplier that gives the source's ratio of life
-- expectancies (lt_factoren solves it on the Dutch table)
DELETE FROM lt_doelen;
INSERT INTO lt_doelen
SELECT 'rm|' || l.jaar || '|' || e.groep || '|' || e.leeftijd || '|' || s.sex, CAST(par('rekenmodel.levenstafel_jaar', l.jaar) AS INTEGER) || '-' || s.sex,
       e.leeftijd, CAST(e.levensverwachting_met AS DOUBLE) / CAST(e.levensverwachting_zonder AS DOUBLE)
FROM stg_wlz_looptijd l CROSS JOIN stg_rekenmodel_levensverwachting e CROSS JOIN (SELECT unnest(['male', 'female']) AS sex) s
WHERE l.status = 'convenant' AND e.groep = 'dwarslaesie';
CREATE OR REPLACE TABLE rekenmodel_sterftefactoren AS
SELECT CAST(split_part(doel_id, '|', 2) AS INTEGER) AS jaar, split_part(doel_id, '|', 3) AS groep,
       CAST(split_part(doel_id, '|', 4) AS INTEGER) AS leeftijd, split_part(doel_id, '|', 5) AS sex, k
FROM lt_factoren;

-- k per age at injury and sex: for the dwarslaesie ln k interpolated between the source ages (held beyond them),
-- times the scale; for NAH the sourced multiplier at every age
CREATE OR REPLACE TABLE rekenmodel_sterfte_per_leeftijd AS
WITH ages AS (SELECT range AS age FROM range(0, 111)),
j AS (SELECT jaar FROM stg_wlz_looptijd WHERE status = 'convenant'),
sx AS (SELECT unnest(['male', 'female']) AS sex),
dl AS (
  SELECT j.jaar, sx.sex, a.age,
         (SELECT arg_max(ln(f.k), f.leeftijd) FROM rekenmodel_sterftefactoren f WHERE f.jaar = j.jaar AND f.sex = sx.sex AND f.leeftijd <= a.age) AS lk0,
         (SELECT max(f.leeftijd) FROM rekenmodel_sterftefactoren f WHERE f.jaar = j.jaar AND f.sex = sx.sex AND f.leeftijd <= a.age) AS x0,
         (SELECT arg_min(ln(f.k), f.leeftijd) FROM rekenmodel_sterftefactoren f WHERE f.jaar = j.jaar AND f.sex = sx.sex AND f.leeftijd >= a.age) AS lk1,
         (SELECT min(f.leeftijd) FROM rekenmodel_sterftefactoren f WHERE f.jaar = j.jaar AND f.sex = sx.sex AND f.leeftijd >= a.age) AS x1
  FROM j CROSS JOIN sx CROSS JOIN ages a
)
SELECT jaar, 'dwarslaesie' AS groep, sex, age,
       exp(CASE WHEN x0 IS NULL THEN lk1 WHEN x1 IS NULL OR x1 = x0 THEN lk0 ELSE lk0 + (lk1 - lk0) * (age - x0) / (x1 - x0) END) AS k_basis,
       exp(CASE WHEN x0 IS NULL THEN lk1 WHEN x1 IS NULL OR x1 = x0 THEN lk0 ELSE lk0 + (lk1 - lk0) * (age - x0) / (x1 - x0) END)
         * par('rekenmodel.dwarslaesie.sterftefactor_schaal', jaar) AS k
FROM dl
UNION ALL
SELECT j.jaar, 'nah', sx.sex, a.age, 1.0, par('rekenmodel.nah.sterftefactor', j.jaar)
FROM j CROSS JOIN sx CROSS JOIN ages a;

CREATE OR REPLACE TABLE rekenmodel_invoer AS
WITH j AS (SELECT jaar FROM stg_wlz_looptijd WHERE status = 'convenant')
SELECT j.jaar, g.groep,
       CASE g.groep WHEN 'dwarslaesie' THEN b.inwoners ELSE b.inwoners_18_plus END AS bevolking,
       b.bronjaar AS bevolking_peiljaar,
       CASE g.groep
         WHEN 'dwarslaesie' THEN rm_instroom_dwarslaesie(b.inwoners, par('rekenmodel.dwarslaesie.incidentie', j.jaar), par('rekenmodel.dwarslaesie.aandeel_tetraplegie', j.jaar),
              par('rekenmodel.dwarslaesie.aandeel_hoog', j.jaar), par('rekenmodel.dwarslaesie.aandeel_verkeer', j.jaar), par('rekenmodel.dwarslaesie.aandeel_aansprakelijk_verkeer', j.jaar),
              par('rekenmodel.dwarslaesie.aandeel_aansprakelijk_overig', j.jaar), par('rekenmodel.dwarslaesie.aandeel_wlz', j.jaar))
         ELSE rm_instroom_nah(b.inwoners_18_plus, par('rekenmodel.nah.incidentie', j.jaar), par('rekenmodel.nah.sterfte_ziekenhuis', j.jaar), par('rekenmodel.nah.aandeel_zeer_ernstig', j.jaar),
              par('rekenmodel.nah.aandeel_verkeer', j.jaar), par('rekenmodel.nah.aandeel_aansprakelijk_verkeer', j.jaar), par('rekenmodel.nah.aandeel_aansprakelijk_overig', j.jaar))
       END AS instroom,
       rm_jaarkosten(k.bruto_per_jaar, par('rekenmodel.contracteerpercentage', j.jaar), par('rekenmodel.subsidies', j.jaar), par('rekenmodel.beleidswijzigingen', j.jaar),
                     par('rekenmodel.eigen_bijdrage', j.jaar)) AS kosten_per_jaar,
       k.bruto_per_jaar, k.huisvesting_per_jaar,
       rm_verhaalbaar(par('rekenmodel.aansprakelijkheid', j.jaar), par('rekenmodel.werkgever_uitgesloten', j.jaar), par('rekenmodel.civielrechtelijk_verhaalbaar', j.jaar)) AS verhaalbaar,
       CAST(par('rekenmodel.levenstafel_jaar', j.jaar) AS INTEGER) AS levenstafel_jaar,
       par('rekenmodel.' || g.groep || '.aandeel_man', j.jaar) AS aandeel_man,
       CAST(round(par('rekenmodel.wachttijd', j.jaar)) AS INTEGER) AS wachttijd,
       par('rekenmodel.disconteringsvoet', j.jaar) AS disconteringsvoet,
       par('rekenmodel.indexatie', j.jaar) AS indexatie
FROM j CROSS JOIN (SELECT DISTINCT groep FROM stg_rekenmodel_leeftijden) g
JOIN int_bevolking_per_jaar b ON b.jaar = j.jaar
JOIN rekenmodel_brutokosten k ON k.jaar = j.jaar AND k.groep = g.groep
ORDER BY j.jaar, g.groep;

-- weight of each age at injury and sex: the class share spread evenly over its ages, times the sex share
CREATE OR REPLACE TABLE rekenmodel_gewichten AS
SELECT i.jaar, i.groep, a.age, s.sex,
       l.aandeel_pct / 100 / (l.leeftijd_tot - l.leeftijd_van + 1) * CASE s.sex WHEN 'male' THEN i.aandeel_man / 100 ELSE 1 - i.aandeel_man / 100 END AS gewicht,
       f.k AS sterftefactor,
       i.levenstafel_jaar || '-' || s.sex AS tabel_id
FROM rekenmodel_invoer i
JOIN stg_rekenmodel_leeftijden l ON l.groep = i.groep
CROSS JOIN LATERAL (SELECT range AS age FROM range(l.leeftijd_van, l.leeftijd_tot + 1)) a
CROSS JOIN (SELECT unnest(['male', 'female']) AS sex) s
JOIN rekenmodel_sterfte_per_leeftijd f ON f.jaar = i.jaar AND f.groep = i.groep AND f.sex = s.sex AND f.age = a.age;

-- expected number in care and costs, per year after the accident year, for one person entering (per_persoon)
CREATE OR REPLACE TABLE rekenmodel_kasstromen AS
WITH o AS (
  SELECT w.jaar, w.groep, lt.age - w.age AS t, sum(w.gewicht * exp(w.sterftefactor * (lt.lnl - l0.lnl))) AS in_zorg_per_persoon
  FROM rekenmodel_gewichten w
  JOIN int_levenstafels l0 ON l0.tabel_id = w.tabel_id AND l0.age = w.age
  JOIN int_levenstafels lt ON lt.tabel_id = w.tabel_id AND lt.age >= w.age
  GROUP BY w.jaar, w.groep, lt.age - w.age
)
SELECT o.jaar, o.groep, o.t, o.jaar + o.t AS kalenderjaar,
       CASE WHEN o.t >= i.wachttijd THEN i.instroom * o.in_zorg_per_persoon ELSE 0 END AS in_zorg,
       CASE WHEN o.t >= i.wachttijd THEN i.instroom * i.verhaalbaar * o.in_zorg_per_persoon * i.kosten_per_jaar * pow(1 + i.indexatie / 100, o.t) ELSE 0 END AS kosten_nominaal,
       CASE WHEN o.t >= i.wachttijd THEN i.instroom * i.verhaalbaar * o.in_zorg_per_persoon * i.kosten_per_jaar * pow((1 + i.indexatie / 100) / (1 + i.disconteringsvoet / 100), o.t) ELSE 0 END AS kosten_contant
FROM o JOIN rekenmodel_invoer i ON i.jaar = o.jaar AND i.groep = o.groep
ORDER BY o.jaar, o.groep, o.t;

-- the fit of the excess mortality, published: at every age the source reports, the source's ratio of life
-- expectancies (with / without the injury) against the model's on the Dutch table (complete life expectancy,
-- the two sexes weighted by the group's share of men), at the base scale of 1
CREATE OR REPLACE TABLE rekenmodel_levensverwachting AS
WITH e AS (
  SELECT i.jaar, s.groep, s.leeftijd, x.sex, CASE x.sex WHEN 'male' THEN i.aandeel_man / 100 ELSE 1 - i.aandeel_man / 100 END AS w,
         CAST(s.levensverwachting_met AS DOUBLE) / CAST(s.levensverwachting_zonder AS DOUBLE) AS ratio_bron,
         (SELECT e_complete FROM lt_levensverwachting(i.levenstafel_jaar || '-' || x.sex, s.leeftijd, f.k_basis)) AS e_met,
         (SELECT e_complete FROM lt_levensverwachting(i.levenstafel_jaar || '-' || x.sex, s.leeftijd, 1.0)) AS e_zonder,
         f.k_basis
  FROM stg_rekenmodel_levensverwachting s
  JOIN rekenmodel_invoer i ON i.groep = s.groep
  CROSS JOIN (SELECT unnest(['male', 'female']) AS sex) x
  JOIN rekenmodel_sterfte_per_leeftijd f ON f.jaar = i.jaar AND f.groep = s.groep AND f.sex = x.sex AND f.age = s.leeftijd
)
SELECT jaar, groep, leeftijd, round(any_value(ratio_bron), 6) AS ratio_bron,
       round(sum(w * e_met) / sum(w * e_zonder), 6) AS ratio_model,
       round(sum(w * e_met), 3) AS levensverwachting_model, round(sum(w * e_zonder), 3) AS levensverwachting_zonder_nl,
       round(max(k_basis) FILTER (sex = 'male'), 4) AS sterftefactor_man, round(max(k_basis) FILTER (sex = 'female'), 4) AS sterftefactor_vrouw
FROM e GROUP BY jaar, groep, leeftijd
ORDER BY jaar, groep, leeftijd;

-- survival curves for the site: general population against the group, at the middle of each age class
CREATE OR REPLACE TABLE rekenmodel_overleving AS
SELECT i.groep, l.leeftijd_van, l.leeftijd_tot, CAST((l.leeftijd_van + l.leeftijd_tot) / 2 AS INTEGER) AS leeftijd, s.sex, o.t,
       exp(o.lnl - o0.lnl) AS overleving_algemeen,
       exp(f.k * (o.lnl - o0.lnl)) AS overleving_groep
FROM rekenmodel_invoer i
JOIN stg_rekenmodel_leeftijden l ON l.groep = i.groep
CROSS JOIN (SELECT unnest(['male', 'female']) AS sex) s
JOIN rekenmodel_sterfte_per_leeftijd f ON f.jaar = i.jaar AND f.groep = i.groep AND f.sex = s.sex AND f.age = CAST((l.leeftijd_van + l.leeftijd_tot) / 2 AS INTEGER)
JOIN int_levenstafels o0 ON o0.tabel_id = i.levenstafel_jaar || '-' || s.sex AND o0.age = CAST((l.leeftijd_van + l.leeftijd_tot) / 2 AS INTEGER)
CROSS JOIN LATERAL (SELECT age - o0.age AS t, lnl FROM int_levenstafels WHERE tabel_id = o0.tabel_id AND age >= o0.age) o
WHERE i.jaar = (SELECT min(jaar) FROM rekenmodel_invoer)
ORDER BY i.groep, l.leeftijd_van, s.sex, o.t;
