-- Inhabitants by year. Art. 5.5 of the Wmo agreement distributes "op basis van een bedrag per inwoner" of the
-- year; the Rekenmodel Wlz applies incidences to the population of the accident year (NAH: adults only, as
-- Jochems et al. 2021 count patients aged 18 and over).
--   int_bevolking_per_jaar: CBS population on 1 January of each year 1990-2035 (data/referentie/bevolking.csv);
--     a year after the last one given takes the last one (bronjaar says which), an approximation flagged as such.
--   int_gemeenten_per_jaar: each municipality's inhabitants in a year: its share in the shipped 2020 list (the only
--     municipal figures the project has) scaled to the national total of that year. Flagged 'geschaald': the
--     municipal boundaries are those of 2020, not of the year.
CREATE OR REPLACE TABLE int_bevolking_per_jaar AS
WITH jaren AS (SELECT range AS jaar FROM range(1990, 2036))
SELECT j.jaar, b.jaar AS bronjaar, b.inwoners, b.inwoners_18_plus, b.bron_id, b.jaar <> j.jaar AS benadering
FROM jaren j ASOF JOIN stg_bevolking b ON b.jaar <= j.jaar
ORDER BY j.jaar;

CREATE OR REPLACE TABLE int_gemeenten_per_jaar AS
WITH lijst AS (SELECT sum(inwoners) AS n FROM stg_gemeenten)
SELECT b.jaar, g.gemeentecode, g.gemeentenaam, g.inwoners AS inwoners_lijst,
       round(g.inwoners * b.inwoners / lijst.n) AS inwoners,
       'geschaald' AS methode
FROM int_bevolking_per_jaar b CROSS JOIN stg_gemeenten g CROSS JOIN lijst
ORDER BY b.jaar, g.gemeentecode;
