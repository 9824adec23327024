-- regel: Elke parameter voor elk jaar: de waarde die vanaf dat jaar geldt.
-- int_parameters_per_jaar: every parameter's value for every year 1990-2035 (the value whose
-- vanaf_jaar is the latest not after that year), typed twice: waarde (DOUBLE, for the models) and
-- waarde_dec (DECIMAL(38,12), exact for decimal literals; a fraction such as 11/75 is rounded at 12 places).
-- The macros par() and par_dec() are how every rule reads a parameter: no number lives in rule code.
CREATE OR REPLACE TABLE int_parameters_per_jaar AS
WITH jaren AS (SELECT range AS jaar FROM range(1990, 2036)),
double AS (
  SELECT *,
    CASE WHEN contains(waarde, '/')
         THEN CAST(split_part(waarde, '/', 1) AS DOUBLE) / CAST(split_part(waarde, '/', 2) AS DOUBLE)
         ELSE CAST(waarde AS DOUBLE) END AS waarde_double,
    NOT contains(waarde, '/') AS exact
  FROM int_parameter_waarden
),
-- typed once per value, not once per year it holds for (a text to DECIMAL cast is the costly part)
waarden AS MATERIALIZED (
  SELECT *, CAST(waarde_double AS DECIMAL(38,12)) AS waarde_benadering,
         CASE WHEN exact THEN CAST(waarde AS DECIMAL(38,12)) ELSE CAST(waarde_double AS DECIMAL(38,12)) END AS waarde_dec
  FROM double WHERE vanaf_jaar <= (SELECT max(jaar) FROM jaren)
)
SELECT p.parameter_id, j.jaar, w.vanaf_jaar, w.waarde AS waarde_tekst, w.waarde_double AS waarde,
       w.waarde_benadering, w.waarde_dec, w.exact, CAST(w.laag AS DOUBLE) AS laag, CAST(w.hoog AS DOUBLE) AS hoog, w.status, w.scenario,
       coalesce(w.bron_id, p.bron_id) AS bron_id, coalesce(w.vindplaats, p.vindplaats) AS vindplaats,
       p.eenheid, p.omschrijving
FROM stg_parameters p
CROSS JOIN jaren j
ASOF JOIN waarden w ON w.parameter_id = p.parameter_id AND w.vanaf_jaar <= j.jaar
ORDER BY p.parameter_id, j.jaar;

CREATE OR REPLACE MACRO par(id, yr) AS
  (SELECT waarde FROM int_parameters_per_jaar p WHERE p.parameter_id = id AND p.jaar = yr);
CREATE OR REPLACE MACRO par_dec(id, yr) AS
  (SELECT waarde_dec FROM int_parameters_per_jaar p WHERE p.parameter_id = id AND p.jaar = yr);
-- A number written the Dutch way in a label the site shows: 50.000, 92,58 (thousands dots, a decimal comma).
CREATE OR REPLACE MACRO nl_getal(x, decimalen) AS
  CASE WHEN round(x::DOUBLE, decimalen) = trunc(round(x::DOUBLE, decimalen))
       THEN translate(format('{:,}', round(x::DOUBLE, decimalen)::HUGEINT), ',', '.')
       ELSE translate(format('{:,}', round(x::DOUBLE, decimalen)), ',.', '.,') END;
-- A date written the Dutch way: 1 januari 2019.
CREATE OR REPLACE MACRO nl_datum(d) AS
  day(d) || ' ' || ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
                    'november', 'december'][month(d)] || ' ' || year(d);
