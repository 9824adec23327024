-- regel: Sobol-indices: welk deel van de onzekerheid elke invoer verklaart (Saltelli-ontwerp, schatters van Jansen).
-- Global sensitivity shared by every Monte Carlo: first-order and total Sobol indices from a Saltelli design,
-- estimated with Jansen's estimators (Saltelli, Annoni, Azzini, Campolongo, Ratto & Tarantola, "Variance based
-- sensitivity analysis of model output", Computer Physics Communications 181 (2010) 259-270, table 2 (b) and (f)).
--   For draws j = 1..N: two independent vectors A_j and B_j of every uncertain parameter, and for each parameter i
--   the vector AB_j^(i): A_j with parameter i taken from B_j. With f the model's output:
--     V     = variance of f over every A_j and B_j
--     S_i   = 1 - mean_j (f(B_j) - f(AB_j^(i)))^2 / (2V)     first order: the share of V that i explains alone
--     S_Ti  = mean_j (f(A_j) - f(AB_j^(i)))^2 / (2V)         total: i's share including its interactions
--   N (d + 2) evaluations for d parameters. The indices are estimates: their error shrinks as 1 / sqrt(N).
-- sobol_u draws from the same hash as every Monte Carlo (trek_u), in a stream of its own per matrix, so Node and
-- the browser draw the same design. A model builds its design with sobol_ontwerp (long: vector, parameter, u), with
-- sobol_vectoren and each parameter's value in A and B per draw (vergelijking/vectoren.sql), or with sobol_vectoren and
-- trek_parameter (one row per vector, a column per parameter: rekenmodel/mc_vectoren.sql), and reads the indices with
-- sobol_indices from a table (uitkomst, matrix, gevarieerd, trekking, f); test/sobol.test.ts checks the estimator
-- on the Ishigami function, whose indices are known in closed form.
CREATE OR REPLACE MACRO sobol_stroom(parameter_id, matrix) AS parameter_id || '#sobol-' || matrix;
CREATE OR REPLACE MACRO sobol_u(seed, trekking, parameter_id, matrix) AS
  trek_u(seed, trekking, sobol_stroom(parameter_id, matrix));

-- the design's vectors for the parameters in tbl (a column parameter_id) and N draws: matrix 'A', 'B' or 'AB' (then
-- gevarieerd names the parameter taken from B); vector_id numbers the vectors 1 .. N (d + 2): A_j = j, B_j = N + j,
-- AB_j^(k) = (1 + k) N + j for the k-th parameter by id
CREATE OR REPLACE MACRO sobol_vectoren(n, tbl) AS TABLE
WITH p AS (SELECT parameter_id, row_number() OVER (ORDER BY parameter_id) AS nr FROM (SELECT DISTINCT parameter_id FROM query_table(tbl))),
v AS (
  SELECT 'A' AS matrix, NULL::VARCHAR AS gevarieerd, 0 AS nr UNION ALL SELECT 'B', NULL, 1
  UNION ALL SELECT 'AB', parameter_id, 1 + nr FROM p
)
SELECT v.matrix, v.gevarieerd, j.range + 1 AS trekking, v.nr * n + j.range + 1 AS vector_id
FROM v CROSS JOIN range(n) j;

-- where one parameter in one vector of the design is drawn from: B in matrix B and for the parameter an AB vector takes
-- from B, A otherwise
CREATE OR REPLACE MACRO sobol_bron(matrix, parameter_id, gevarieerd) AS CASE WHEN matrix = 'B' OR parameter_id = gevarieerd THEN 'B' ELSE 'A' END;

-- one parameter in one vector of any design, the parameter as a struct {id, waarde, laag, hoog, verdeling, onzeker,
-- sobol_a, sobol_b} (sobol_parameter: sobol_a and sobol_b are the id's streams in the design, sobol_stroom, written once):
-- its value for the base case and where it is not drawn; a Monte Carlo draw (trek_u); the tornado's end of its range
-- for the parameter it varies (the value for the others); or its draw in the Sobol design (from A or B: sobol_bron). sleutel is the
-- draw's key 'seed:draw:' (trek_sleutel), built once per vector when the parameters are columns.
CREATE OR REPLACE MACRO sobol_parameter(id, waarde, laag, hoog, verdeling, onzeker) AS
  {'id': id, 'waarde': waarde, 'laag': laag, 'hoog': hoog, 'verdeling': verdeling, 'onzeker': onzeker, 'sobol_a': sobol_stroom(id, 'A'), 'sobol_b': sobol_stroom(id, 'B')};
-- In two steps: trek_u_parameter is the uniform draw u a value is drawn from (NULL where it is not drawn: a fixed
-- parameter, the base case, the tornado), trek_parameter_u the value from it. A wide design (a column per parameter)
-- draws u once per value with trek_met_u and trek_uit_u: DuckDB evaluates an expression under CASE again at every use,
-- and the triangular inverse (trek_waarde) uses u twice, so trek_parameter in one step hashes every draw twice.
CREATE OR REPLACE MACRO trek_u_parameter(p, soort, sleutel, matrix, gevarieerd) AS
  CASE WHEN NOT p.onzeker OR soort IN ('basis', 'tornado') THEN NULL::DOUBLE
       WHEN soort = 'mc' THEN trek_u_van(sleutel || p.id)
       ELSE trek_u_van(sleutel || CASE sobol_bron(matrix, p.id, gevarieerd) WHEN 'B' THEN p.sobol_b ELSE p.sobol_a END) END;
CREATE OR REPLACE MACRO trek_parameter_u(p, u, soort, gevarieerd, kant) AS
  CASE WHEN NOT p.onzeker OR soort = 'basis' THEN p.waarde
       WHEN soort = 'tornado' THEN CASE WHEN p.id = gevarieerd THEN CASE kant WHEN 'laag' THEN p.laag ELSE p.hoog END ELSE p.waarde END
       ELSE trek_waarde(u, p.laag, p.waarde, p.hoog, p.verdeling) END;
CREATE OR REPLACE MACRO trek_parameter(p, soort, sleutel, matrix, gevarieerd, kant) AS
  trek_parameter_u(p, trek_u_parameter(p, soort, sleutel, matrix, gevarieerd), soort, gevarieerd, kant);
-- the parameter struct with its draw u added (a column per parameter: COLUMNS), and its value from that struct
CREATE OR REPLACE MACRO trek_met_u(p, soort, sleutel, matrix, gevarieerd) AS
  struct_insert(p, u := trek_u_parameter(p, soort, sleutel, matrix, gevarieerd));
CREATE OR REPLACE MACRO trek_uit_u(q, soort, gevarieerd, kant) AS trek_parameter_u(q, q.u, soort, gevarieerd, kant);

-- the design in long form: one row per vector and parameter, with the uniform draw u. Each parameter is drawn once per
-- draw in A and once in B (sobol_u); every vector takes one of the two (sobol_bron), so N (d + 2) x d values need 2 N d
-- hashes
CREATE OR REPLACE MACRO sobol_ontwerp(seed, n, tbl) AS TABLE
WITH p AS (SELECT DISTINCT parameter_id FROM query_table(tbl)),
u AS (
  SELECT j.range + 1 AS trekking, p.parameter_id, sobol_u(seed, j.range + 1, p.parameter_id, 'A') AS u_a, sobol_u(seed, j.range + 1, p.parameter_id, 'B') AS u_b
  FROM range(n) j CROSS JOIN p
)
SELECT v.matrix, v.gevarieerd, v.trekking, v.vector_id, u.parameter_id,
       CASE sobol_bron(v.matrix, u.parameter_id, v.gevarieerd) WHEN 'B' THEN u.u_b ELSE u.u_a END AS u
FROM sobol_vectoren(n, tbl) v JOIN u ON u.trekking = v.trekking;

-- the indices from evaluated outputs: tbl has columns uitkomst, matrix, gevarieerd, trekking, f. Rounded to 1e-6:
-- parallel sums differ in their last bits between runs and engines.
CREATE OR REPLACE MACRO sobol_indices(tbl) AS TABLE
WITH u AS (SELECT uitkomst, matrix, gevarieerd, trekking, CAST(f AS DOUBLE) AS f FROM query_table(tbl)),
v AS (SELECT uitkomst, var_pop(f) AS v FROM u WHERE matrix IN ('A', 'B') GROUP BY uitkomst),
ab AS (
  SELECT x.uitkomst, x.gevarieerd, x.f AS f_ab, a.f AS f_a, b.f AS f_b
  FROM u x
  JOIN u a ON a.uitkomst = x.uitkomst AND a.matrix = 'A' AND a.trekking = x.trekking
  JOIN u b ON b.uitkomst = x.uitkomst AND b.matrix = 'B' AND b.trekking = x.trekking
  WHERE x.matrix = 'AB'
)
SELECT ab.uitkomst, ab.gevarieerd AS parameter_id, count(*) AS trekkingen,
       CASE WHEN any_value(v.v) > 0 THEN round(1 - avg((ab.f_b - ab.f_ab) ^ 2) / (2 * any_value(v.v)), 6) END AS eerste_orde,
       CASE WHEN any_value(v.v) > 0 THEN round(avg((ab.f_a - ab.f_ab) ^ 2) / (2 * any_value(v.v)), 6) END AS totaal
FROM ab JOIN v USING (uitkomst)
GROUP BY ab.uitkomst, ab.gevarieerd;
