-- regel: De parameterwaarden van deze run: het register, met de aanpassingen van een scenario.
-- int_parameter_waarden: the parameter values of this run, i.e. the registry (stg_parameter_waarden)
-- with the scenario's overrides applied. An override without vanaf_jaar replaces the whole series
-- of that parameter; one with vanaf_jaar replaces or adds the value from that year on.
-- A range (laag/hoog) the override does not give is kept from the registry's latest value, widened where
-- needed so that it contains the new value.
CREATE OR REPLACE TABLE int_parameter_waarden AS
WITH laatste AS (
  SELECT parameter_id, arg_max(laag, vanaf_jaar) AS laag, arg_max(hoog, vanaf_jaar) AS hoog, min(vanaf_jaar) AS eerste_jaar
  FROM stg_parameter_waarden GROUP BY parameter_id
),
-- written with joins, not correlated subqueries: the site re-runs this model on every change, and DuckDB-Wasm plans
-- joins faster
basis AS (
  SELECT w.parameter_id, w.vanaf_jaar, w.waarde, w.laag, w.hoog, w.status, w.bron_id, w.vindplaats, w.toelichting, false AS scenario
  FROM stg_parameter_waarden w
  ANTI JOIN scenario_overrides o ON o.parameter_id = w.parameter_id AND coalesce(o.vanaf_jaar, w.vanaf_jaar) = w.vanaf_jaar
),
scenario AS (
  SELECT o.parameter_id, coalesce(o.vanaf_jaar, l.eerste_jaar) AS vanaf_jaar, o.waarde,
         CASE WHEN o.laag IS NULL AND l.laag IS NOT NULL THEN least(l.laag, o.getal) ELSE o.laag END AS laag,
         CASE WHEN o.hoog IS NULL AND l.hoog IS NOT NULL THEN greatest(l.hoog, o.getal) ELSE o.hoog END AS hoog,
         'scenario' AS status, 'scenario' AS bron_id, NULL AS vindplaats, o.toelichting, true AS scenario
  FROM (SELECT *, CASE WHEN contains(waarde, '/') THEN CAST(split_part(waarde, '/', 1) AS DOUBLE) / CAST(split_part(waarde, '/', 2) AS DOUBLE)
                       ELSE CAST(waarde AS DOUBLE) END AS getal
        FROM scenario_overrides) o
  LEFT JOIN laatste l USING (parameter_id)
)
SELECT * FROM basis
UNION ALL SELECT * FROM scenario
ORDER BY parameter_id, vanaf_jaar;
