-- regel: Rekenmodel Wlz: instellingen van de Monte Carlo-simulatie (jaar, trekkingen, seed).
-- Rekenmodel Wlz, Monte Carlo settings for the first convenant year (the year the site and the CLI headline; the
-- later years differ only where a scenario gives them other values): the number of draws and the seed
-- (rekenmodel.mc_trekkingen, rekenmodel.mc_seed) and the Sobol design's draws per matrix (rekenmodel.sobol_n).
-- The year alone is in mc_jaar, which the grid reads (mc_rooster.sql): `afkoop rekenmodel --draws --seed` replaces
-- mc_instellingen and re-runs the models that read it, reusing the grid; --year replaces mc_jaar too.
CREATE OR REPLACE TABLE mc_instellingen AS
SELECT jaar, CAST(par('rekenmodel.mc_trekkingen', jaar) AS INTEGER) AS trekkingen, CAST(par('rekenmodel.mc_seed', jaar) AS BIGINT) AS seed,
       CAST(par('rekenmodel.sobol_n', jaar) AS INTEGER) AS sobol_n
FROM stg_wlz_looptijd WHERE status = 'convenant' ORDER BY jaar LIMIT 1;

CREATE OR REPLACE TABLE mc_jaar AS SELECT jaar FROM mc_instellingen;
