-- Rekenmodel Wlz, Monte Carlo settings: one row per accident year (the convenant years) with the number of
-- draws and the seed (rekenmodel.mc_trekkingen, rekenmodel.mc_seed). `afkoop rekenmodel --draws --seed --year`
-- replaces this table and re-runs montecarlo.sql only.
CREATE OR REPLACE TABLE mc_instellingen AS
SELECT jaar, CAST(par('rekenmodel.mc_trekkingen', jaar) AS INTEGER) AS trekkingen, CAST(par('rekenmodel.mc_seed', jaar) AS BIGINT) AS seed
FROM stg_wlz_looptijd WHERE status = 'convenant' ORDER BY jaar;
