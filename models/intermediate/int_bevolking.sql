-- regel: Inwoners per jaar: landelijk (CBS, 1 januari), volwassenen en per gemeente.
-- Inhabitants by year. Art. 5.5 of the Wmo agreement distributes "op basis van een bedrag per inwoner" of the
-- year; the Rekenmodel Wlz applies incidences to the population of the accident year (NAH: adults only, as
-- Jochems et al. 2021 count patients "over 17 years old").
--   int_bevolking_per_jaar: CBS population on 1 January of each year 1990-2035 (data/referentie/bevolking.csv);
--     a year after the last one given takes the last one (bronjaar says which). Aged 18 and over = total - 0-17, with
--     0-17 = 0-19 x (1 - bevolking.aandeel_18_19_in_0_19): CBS publishes the band 0-19, not 0-17. A year without an
--     age split takes the share aged 0-19 of the last year that has one (leeftijd_bronjaar).
--   int_gemeenten_per_jaar: each municipality's inhabitants in a year: its share in the shipped 2020 list (the only
--     municipal figures the project has) scaled to the national total of that year ('geschaald'). Before a merger the
--     former municipality is a row of its own (stg_gemeenten_historisch, with its last count scaled the same way) and
--     the 2020 municipality it merged into is that much smaller: the boundaries of the year where the project knows
--     them (Noordwijkerhout, which opted out, merged into Noordwijk in 2019).
CREATE OR REPLACE TABLE int_bevolking_per_jaar AS
WITH jaren AS (SELECT range AS jaar FROM range(1990, 2036)),
leeftijd AS (SELECT jaar, inwoners_0_19 / inwoners AS aandeel_0_19 FROM stg_bevolking WHERE inwoners_0_19 IS NOT NULL),
b AS (SELECT j.jaar, s.jaar AS bronjaar, s.inwoners, s.bron_id FROM jaren j ASOF JOIN stg_bevolking s ON s.jaar <= j.jaar),
l AS (SELECT j.jaar, l.jaar AS leeftijd_bronjaar, l.aandeel_0_19 FROM jaren j ASOF JOIN leeftijd l ON l.jaar <= j.jaar)
SELECT b.jaar, b.bronjaar, b.inwoners,
       round(b.inwoners * (1 - l.aandeel_0_19 * (1 - par('bevolking.aandeel_18_19_in_0_19', b.jaar) / 100))) AS inwoners_18_plus,
       l.leeftijd_bronjaar, b.bron_id, b.bronjaar <> b.jaar OR l.leeftijd_bronjaar <> b.jaar AS benadering
FROM b JOIN l USING (jaar)
ORDER BY b.jaar;

CREATE OR REPLACE TABLE int_gemeenten_per_jaar AS
WITH lijst AS (SELECT sum(inwoners) AS n FROM stg_gemeenten),
voormalig AS (
  SELECT b.jaar, h.gemeentecode, h.gemeentenaam, h.opgegaan_in,
         round(h.inwoners * b.inwoners / p.inwoners) AS inwoners
  FROM stg_gemeenten_historisch h
  JOIN int_bevolking_per_jaar p ON p.jaar = year(h.inwoners_peildatum)
  JOIN int_bevolking_per_jaar b ON b.jaar < year(h.opgeheven_per)
  WHERE h.inwoners IS NOT NULL
)
SELECT b.jaar, g.gemeentecode, g.gemeentenaam, g.inwoners AS inwoners_lijst,
       round(g.inwoners * b.inwoners / lijst.n) - coalesce((SELECT sum(v.inwoners) FROM voormalig v WHERE v.jaar = b.jaar AND v.opgegaan_in = g.gemeentecode), 0) AS inwoners,
       'geschaald' AS methode
FROM int_bevolking_per_jaar b CROSS JOIN stg_gemeenten g CROSS JOIN lijst
UNION ALL
SELECT jaar, gemeentecode, gemeentenaam, NULL, inwoners, 'voormalig, geschaald' FROM voormalig
ORDER BY jaar, gemeentecode;
