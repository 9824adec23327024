-- Rekenmodel Wlz (convenant Wlz 2024-2027, Toelichting 5): the expected recoverable Wlz damage caused by
-- the accidents of one year, for the two groups that enter the Wlz through an accident: very severe acquired
-- brain injury (NAH) and high spinal cord injury (hoge dwarslaesie).
--   instroom   = inwoners x incidentie x aandeel dat ernstig genoeg is x aandeel met een aansprakelijke derde
--                (verkeer x aansprakelijk + overig aansprakelijk) [x aandeel Wlz]
--   overleving = the Dutch period life table of rekenmodel.levenstafel_jaar, by sex, with the group's excess
--                mortality: a multiplier on the force of mortality (NAH: 2.2, Harrison-Felix) or the multiplier
--                that gives the sourced life-expectancy ratio (dwarslaesie: 34 / 59.6 years at age 20, NSCISC)
--   kosten     = ZZP LG mix x dagtarief x dagen x (1 + subsidies) x (1 + beleidswijzigingen) x (1 - eigen bijdrage)
--   schadelast = instroom x sum over age at injury and sex of the present value of the yearly costs while alive,
--                from the year of Wlz entry (rekenmodel.wachttijd) on, indexed and discounted; times the draagvlak
--                of the participating insurers (art. 3.2 B) for the part the afkoopsom covers.
-- The macros rm_instroom_* and rm_jaarkosten are shared with the Monte Carlo (montecarlo.sql).
CREATE OR REPLACE MACRO rm_instroom_dwarslaesie(inwoners, incidentie, tetra, hoog, verkeer, aanspr_verkeer, aanspr_overig, wlz) AS
  inwoners * incidentie / 1000000 * tetra / 100 * hoog / 100 * (verkeer / 100 * aanspr_verkeer / 100 + aanspr_overig / 100) * wlz / 100;
CREATE OR REPLACE MACRO rm_instroom_nah(inwoners, incidentie, sterfte_zh, zeer_ernstig, verkeer, aanspr_verkeer, aanspr_overig) AS
  inwoners * incidentie / 100000 * (1 - sterfte_zh / 100) * zeer_ernstig / 100 * (verkeer / 100 * aanspr_verkeer / 100 + aanspr_overig / 100);
CREATE OR REPLACE MACRO rm_jaarkosten(bruto, subsidies, beleid, eigen_bijdrage) AS
  bruto * (1 + subsidies / 100) * (1 + beleid / 100) * (1 - eigen_bijdrage / 100);

-- gross yearly cost per person at the tariffs of year j: the package mix times the day tariffs
CREATE OR REPLACE TABLE rekenmodel_brutokosten AS
SELECT l.jaar, z.groep,
       sum(z.aandeel_pct / 100 * par('rekenmodel.tarief.' || z.zzp, l.jaar) * par('rekenmodel.dagen_per_jaar', l.jaar)) AS bruto_per_jaar
FROM stg_rekenmodel_zorgprofiel z CROSS JOIN stg_wlz_looptijd l
WHERE l.status = 'convenant'
GROUP BY l.jaar, z.groep;

-- the dwarslaesie's excess mortality: the multiplier that gives the sourced life-expectancy ratio, per sex
DELETE FROM lt_doelen;
INSERT INTO lt_doelen
SELECT 'dwarslaesie-' || jaar || '-' || sex, CAST(par('rekenmodel.levenstafel_jaar', jaar) AS INTEGER) || '-' || sex,
       CAST(par('rekenmodel.dwarslaesie.referentieleeftijd', jaar) AS INTEGER), par('rekenmodel.dwarslaesie.levensverwachting_ratio', jaar)
FROM stg_wlz_looptijd CROSS JOIN (SELECT unnest(['male', 'female']) AS sex)
WHERE status = 'convenant';
CREATE OR REPLACE TABLE rekenmodel_sterftefactoren AS SELECT * FROM lt_factoren;

CREATE OR REPLACE TABLE rekenmodel_invoer AS
WITH j AS (SELECT jaar FROM stg_wlz_looptijd WHERE status = 'convenant'),
inw AS (SELECT sum(inwoners) AS n FROM stg_gemeenten)
SELECT j.jaar, g.groep,
       CASE g.groep
         WHEN 'dwarslaesie' THEN rm_instroom_dwarslaesie(inw.n, par('rekenmodel.dwarslaesie.incidentie', j.jaar), par('rekenmodel.dwarslaesie.aandeel_tetraplegie', j.jaar),
              par('rekenmodel.dwarslaesie.aandeel_hoog', j.jaar), par('rekenmodel.dwarslaesie.aandeel_verkeer', j.jaar), par('rekenmodel.dwarslaesie.aandeel_aansprakelijk_verkeer', j.jaar),
              par('rekenmodel.dwarslaesie.aandeel_aansprakelijk_overig', j.jaar), par('rekenmodel.dwarslaesie.aandeel_wlz', j.jaar))
         ELSE rm_instroom_nah(inw.n, par('rekenmodel.nah.incidentie', j.jaar), par('rekenmodel.nah.sterfte_ziekenhuis', j.jaar), par('rekenmodel.nah.aandeel_zeer_ernstig', j.jaar),
              par('rekenmodel.nah.aandeel_verkeer', j.jaar), par('rekenmodel.nah.aandeel_aansprakelijk_verkeer', j.jaar), par('rekenmodel.nah.aandeel_aansprakelijk_overig', j.jaar))
       END AS instroom,
       rm_jaarkosten(b.bruto_per_jaar, par('rekenmodel.subsidies', j.jaar), par('rekenmodel.beleidswijzigingen', j.jaar), par('rekenmodel.eigen_bijdrage', j.jaar)) AS kosten_per_jaar,
       b.bruto_per_jaar,
       CAST(par('rekenmodel.levenstafel_jaar', j.jaar) AS INTEGER) AS levenstafel_jaar,
       par('rekenmodel.' || g.groep || '.aandeel_man', j.jaar) AS aandeel_man,
       CASE g.groep WHEN 'nah' THEN par('rekenmodel.nah.sterftefactor', j.jaar)
            ELSE (SELECT k FROM rekenmodel_sterftefactoren f WHERE f.doel_id = 'dwarslaesie-' || j.jaar || '-male') END AS sterftefactor_man,
       CASE g.groep WHEN 'nah' THEN par('rekenmodel.nah.sterftefactor', j.jaar)
            ELSE (SELECT k FROM rekenmodel_sterftefactoren f WHERE f.doel_id = 'dwarslaesie-' || j.jaar || '-female') END AS sterftefactor_vrouw,
       CAST(round(par('rekenmodel.wachttijd', j.jaar)) AS INTEGER) AS wachttijd,
       par('rekenmodel.disconteringsvoet', j.jaar) AS disconteringsvoet,
       par('rekenmodel.indexatie', j.jaar) AS indexatie
FROM j CROSS JOIN (SELECT DISTINCT groep FROM stg_rekenmodel_leeftijden) g CROSS JOIN inw
JOIN rekenmodel_brutokosten b ON b.jaar = j.jaar AND b.groep = g.groep
ORDER BY j.jaar, g.groep;

-- weight of each age at injury and sex: the class share spread evenly over its ages, times the sex share
CREATE OR REPLACE TABLE rekenmodel_gewichten AS
SELECT i.jaar, i.groep, a.age, s.sex,
       l.aandeel_pct / 100 / (l.leeftijd_tot - l.leeftijd_van + 1) * CASE s.sex WHEN 'male' THEN i.aandeel_man / 100 ELSE 1 - i.aandeel_man / 100 END AS gewicht,
       CASE s.sex WHEN 'male' THEN i.sterftefactor_man ELSE i.sterftefactor_vrouw END AS sterftefactor,
       i.levenstafel_jaar || '-' || s.sex AS tabel_id
FROM rekenmodel_invoer i
JOIN stg_rekenmodel_leeftijden l ON l.groep = i.groep
CROSS JOIN LATERAL (SELECT range AS age FROM range(l.leeftijd_van, l.leeftijd_tot + 1)) a
CROSS JOIN (SELECT unnest(['male', 'female']) AS sex) s;

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
       CASE WHEN o.t >= i.wachttijd THEN i.instroom * o.in_zorg_per_persoon * i.kosten_per_jaar * pow(1 + i.indexatie / 100, o.t) ELSE 0 END AS kosten_nominaal,
       CASE WHEN o.t >= i.wachttijd THEN i.instroom * o.in_zorg_per_persoon * i.kosten_per_jaar * pow((1 + i.indexatie / 100) / (1 + i.disconteringsvoet / 100), o.t) ELSE 0 END AS kosten_contant
FROM o JOIN rekenmodel_invoer i ON i.jaar = o.jaar AND i.groep = o.groep
ORDER BY o.jaar, o.groep, o.t;

CREATE OR REPLACE TABLE rekenmodel_schadelast AS
SELECT i.jaar, i.groep, i.instroom, i.kosten_per_jaar, i.sterftefactor_man, i.sterftefactor_vrouw,
       sum(k.kosten_contant) / nullif(i.instroom, 0) AS contante_waarde_per_persoon,
       sum(k.kosten_contant) AS schadelast_100pct,
       d.draagvlak,
       sum(k.kosten_contant) * d.draagvlak / 100 AS schadelast
FROM rekenmodel_invoer i
JOIN rekenmodel_kasstromen k ON k.jaar = i.jaar AND k.groep = i.groep
JOIN wlz_draagvlak d ON d.jaar = i.jaar AND d.stand = 'definitief'
GROUP BY i.jaar, i.groep, i.instroom, i.kosten_per_jaar, i.sterftefactor_man, i.sterftefactor_vrouw, d.draagvlak
ORDER BY i.jaar, i.groep;

-- survival curves for the site: general population against the group, at the middle of each age class
CREATE OR REPLACE TABLE rekenmodel_overleving AS
SELECT i.groep, l.leeftijd_van, l.leeftijd_tot, CAST((l.leeftijd_van + l.leeftijd_tot) / 2 AS INTEGER) AS leeftijd, s.sex, o.t,
       exp(o.lnl - o0.lnl) AS overleving_algemeen,
       exp(CASE s.sex WHEN 'male' THEN i.sterftefactor_man ELSE i.sterftefactor_vrouw END * (o.lnl - o0.lnl)) AS overleving_groep
FROM rekenmodel_invoer i
JOIN stg_rekenmodel_leeftijden l ON l.groep = i.groep
CROSS JOIN (SELECT unnest(['male', 'female']) AS sex) s
JOIN int_levenstafels o0 ON o0.tabel_id = i.levenstafel_jaar || '-' || s.sex AND o0.age = CAST((l.leeftijd_van + l.leeftijd_tot) / 2 AS INTEGER)
CROSS JOIN LATERAL (SELECT age - o0.age AS t, lnl FROM int_levenstafels WHERE tabel_id = o0.tabel_id AND age >= o0.age) o
WHERE i.jaar = (SELECT min(jaar) FROM rekenmodel_invoer)
ORDER BY i.groep, l.leeftijd_van, s.sex, o.t;
