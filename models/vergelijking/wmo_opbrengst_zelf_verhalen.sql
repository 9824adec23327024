-- regel: Zelf verhalen (Wmo): wat een gemeente per 100.000 inwoners per jaar zou verhalen, na kosten.
-- Opting out of the Wmo buy-off: what individual recovery brings in per 100,000 inhabitants and year, for every
-- grid point and parameter vector (vectoren.sql). Per provision type:
--   direct          = the part of the cases that the liability insurer settles with the victim directly, so that it
--                     never becomes a recoverable Wmo cost (Pilot Werkafspraken Wmo Verbond-ASP, January 2023):
--                     1 - (1 - d) (1 - a), with a = verhaal.direct_door_verzekeraar (toelichting a-c, e) and d =
--                     verhaal.drempel_toepassing for a provision costing at most verhaal.drempel_direct (toelichting d:
--                     only for victims with an ASP lawyer in the pilot, under cumulative conditions), else 0
--   per geval       = kosten x (1 - direct) x aansprakelijkheid x (1 - verjaring_verlies)
--   gemeld          = gevallen x detectie;  geslaagd = gemeld x slagingskans
--   verhaald        = geslaagd x per geval
--   honorarium      = 1 staffel: per geslaagde zaak the scale on its amount (stg_verhaal_honorariumstaffel)
--                     2 percentage of the amount recovered; 3 uren x uurtarief per gemelde zaak
--   behandelkosten  = gemeld x interne kosten per zaak
--   potentieel      = gevallen x kosten x (1 - direct) x aansprakelijkheid: the recoverable Wmo damage itself, as if
--                     every case were found and recovered (what the afkoopsom buys off; Overzicht's adequacy ratio)
-- Recoveries and fees arrive verhaal.vertraging years after the accident year and are discounted for it.

-- the fee scale as one list of brackets, and the fee on one recovered amount: each bracket's percentage on the
-- part of the amount within it
CREATE OR REPLACE TABLE vg_staffel AS
SELECT list({'van': CAST(van AS DOUBLE), 'tot': coalesce(CAST(tot AS DOUBLE), 'infinity'::DOUBLE), 'pct': CAST(percentage AS DOUBLE)} ORDER BY schijf) AS schijven
FROM stg_verhaal_honorariumstaffel;
CREATE OR REPLACE MACRO vg_honorarium_staffel(bedrag, schijven) AS
  list_sum(list_transform(schijven, s -> greatest(least(bedrag, s.tot) - s.van, 0) * s.pct / 100));

CREATE OR REPLACE TABLE vg_per_type AS
WITH t AS (
  SELECT t.voorziening, t.gevallen_per_100k, t.kosten, b.*,
         1 - (1 - CASE WHEN b.drempel_direct > 0 AND t.kosten <= b.drempel_direct THEN b.drempel_toepassing / 100 ELSE 0 END)
             * (1 - b.direct_door_verzekeraar / 100) AS direct
  FROM vg_typen t JOIN vg_breed b USING (punt, jaar, vector_id)
),
g AS (
  SELECT *, kosten * (1 - direct) * aansprakelijkheid / 100 * (1 - verjaring_verlies / 100) AS per_geval,
         gevallen_per_100k * detectie / 100 AS gemeld,
         gevallen_per_100k * detectie / 100 * slagingskans / 100 AS geslaagd
  FROM t
)
SELECT g.punt, g.jaar, g.vector_id, g.voorziening, g.gevallen_per_100k, g.kosten, g.direct, g.per_geval, g.gemeld, g.geslaagd,
       g.geslaagd * g.per_geval AS verhaald,
       CASE CAST(g.honorarium_methode AS INTEGER)
         WHEN 1 THEN g.geslaagd * coalesce(vg_honorarium_staffel(g.per_geval, st.schijven), 0)
         WHEN 2 THEN g.geslaagd * g.per_geval * g.honorarium_percentage / 100
         ELSE g.gemeld * g.honorarium_uren * g.uurtarief END AS honorarium,
       g.gemeld * g.behandelkosten AS behandelkosten,
       g.gevallen_per_100k * g.kosten * (1 - g.direct) * g.aansprakelijkheid / 100 AS potentieel
FROM g CROSS JOIN vg_staffel st;

CREATE OR REPLACE TABLE vg_per_100k AS
SELECT t.punt, t.jaar, t.vector_id, sum(t.gemeld) AS gemeld, sum(t.geslaagd) AS geslaagd, sum(t.verhaald) AS verhaald,
       sum(t.honorarium) AS honorarium, sum(t.behandelkosten) AS behandelkosten, sum(t.potentieel) AS potentieel,
       any_value(b.detectie) AS detectie, any_value(b.vaste_kosten) AS vaste_kosten, any_value(b.onverzekerd) AS onverzekerd,
       any_value(b.disconteringsvoet) AS disconteringsvoet, any_value(b.vertraging) AS vertraging, any_value(b.horizon) AS horizon,
       pow(1 + any_value(b.disconteringsvoet) / 100, -any_value(b.vertraging)) AS disconto_vertraging,
       -- sum_{h=0}^{H-1} (1 + r)^-h: the years of the horizon, each discounted to the first
       (SELECT sum(pow(1 + any_value(b.disconteringsvoet) / 100, -h.range)) FROM range(CAST(any_value(b.horizon) AS INTEGER)) h) AS horizon_factor,
       -- net yearly value of individual recovery per 100,000 inhabitants, before fixed costs
       (sum(t.verhaald) - sum(t.honorarium)) * pow(1 + any_value(b.disconteringsvoet) / 100, -any_value(b.vertraging)) - sum(t.behandelkosten) AS netto_variabel
FROM vg_per_type t JOIN vg_breed b USING (punt, jaar, vector_id)
GROUP BY t.punt, t.jaar, t.vector_id;
