-- regel: Blijven of uittreden (Wlz): één Wlz-uitvoerder die zelf zou verhalen.
-- The Wlz side in the same form: one Wlz-uitvoerder (share verhaal.wlz_aandeel_uitvoerder of the Wlz spending)
-- that would exercise its own recourse instead of taking its share of the Wlz afkoopsom.
--   blijven   = afkoopsom (definitief, art. 3) x aandeel
--   uittreden = the Rekenmodel Wlz's damage of the accident year at 100% (all insurers, rekenmodel_schadelast)
--               x aandeel x wlz_detectie x slagingskans x aansprakelijkheid x (1 - verjaring_verlies), discounted for
--               the vertraging, minus fees as a percentage (verhaal.honorarium_percentage; the Wmo scale and
--               handling costs are per Wmo case and do not carry over)
-- Per grid point of a sweep (vg_wlz_uitvoerder); the published table holds the first, outside a sweep the only one.
CREATE OR REPLACE TABLE vg_wlz_uitvoerder AS
WITH s AS (SELECT jaar, sum(schadelast_100pct) AS schade_100pct FROM rekenmodel_schadelast GROUP BY jaar)
SELECT b.punt, a.jaar, b.wlz_aandeel_uitvoerder AS aandeel_pct,
       round(CAST(a.definitief AS DOUBLE) * b.wlz_aandeel_uitvoerder / 100, 2) AS waarde_blijven,
       round(s.schade_100pct * b.wlz_aandeel_uitvoerder / 100, 2) AS schade_aandeel,
       round(s.schade_100pct * b.wlz_aandeel_uitvoerder / 100 * b.wlz_detectie / 100 * b.slagingskans / 100 * b.aansprakelijkheid / 100
             * (1 - b.verjaring_verlies / 100) * (1 - b.honorarium_percentage / 100) * pow(1 + b.disconteringsvoet / 100, -b.vertraging), 2) AS waarde_uittreden,
       round(s.schade_100pct * b.wlz_aandeel_uitvoerder / 100 * b.wlz_detectie / 100 * b.slagingskans / 100 * b.aansprakelijkheid / 100
             * (1 - b.verjaring_verlies / 100) * (1 - b.honorarium_percentage / 100) * pow(1 + b.disconteringsvoet / 100, -b.vertraging)
             - CAST(a.definitief AS DOUBLE) * b.wlz_aandeel_uitvoerder / 100, 2) AS voordeel_uittreden,
       round(100 * CAST(a.definitief AS DOUBLE) / (s.schade_100pct * b.slagingskans / 100 * b.aansprakelijkheid / 100
             * (1 - b.verjaring_verlies / 100) * (1 - b.honorarium_percentage / 100) * pow(1 + b.disconteringsvoet / 100, -b.vertraging)), 6) AS breakeven_detectie_pct
FROM wlz_afkoopsom a JOIN s USING (jaar) JOIN vg_breed b ON b.jaar = a.jaar AND b.vector_id = 0
ORDER BY b.punt, a.jaar;

CREATE OR REPLACE TABLE vergelijking_wlz_uitvoerder AS
SELECT * EXCLUDE (punt) FROM vg_wlz_uitvoerder WHERE punt = (SELECT min(punt) FROM vg_punten) ORDER BY jaar;
