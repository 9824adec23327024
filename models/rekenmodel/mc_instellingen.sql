-- regel: Rekenmodel Wlz: instellingen van de Monte Carlo-simulatie (jaar, trekkingen, seed).
-- Rekenmodel Wlz, Monte Carlo settings for the first convenant year (the year the site and the CLI headline; the
-- later years differ only where a scenario gives them other values): the number of draws and the seed
-- (rekenmodel.mc_trekkingen, rekenmodel.mc_seed) and the Sobol design's draws per matrix (rekenmodel.sobol_n).
-- `afkoop rekenmodel --year --draws --seed` replaces this table and re-runs montecarlo.sql only.
CREATE OR REPLACE TABLE mc_instellingen AS
SELECT jaar, CAST(par('rekenmodel.mc_trekkingen', jaar) AS INTEGER) AS trekkingen, CAST(par('rekenmodel.mc_seed', jaar) AS BIGINT) AS seed,
       CAST(par('rekenmodel.sobol_n', jaar) AS INTEGER) AS sobol_n
FROM stg_wlz_looptijd WHERE status = 'convenant' ORDER BY jaar LIMIT 1;
