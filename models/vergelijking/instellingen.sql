-- regel: Afkopen of zelf verhalen: de jaren, de Monte Carlo-instellingen en de gemeenten die worden vergeleken.
-- Bought off versus individual recovery: settings. The years compared (the Wmo agreement's years 2015-2018 and
-- the years after it ended), the Monte Carlo's year, draws and seed (verhaal.mc_*) and the Sobol design's draws per
-- matrix (verhaal.sobol_n), and a table for a
-- municipality the user describes by its inhabitants (`afkoop gemeente --inwoners`, the site's gemeente page),
-- and a selection of municipalities for the Monte Carlo (empty: all; one municipality's question needs only its
-- own draws), and the grid points of a sweep (`afkoop scenario run`): per point the values of its swept parameters, which
-- replace theirs in every vector (vectoren.sql), so that all points are evaluated in one pass; empty outside a sweep,
-- which is one point (1). The caller replaces them (engine/vergelijking.js keuzeStatements), then the vergelijking
-- models run again.
CREATE OR REPLACE TABLE vg_jaren AS SELECT range AS jaar FROM range(2015, 2028);

CREATE OR REPLACE TABLE vg_mc_instellingen AS
SELECT CAST(par('verhaal.mc_jaar', 2015) AS INTEGER) AS jaar,
       CAST(par('verhaal.mc_trekkingen', CAST(par('verhaal.mc_jaar', 2015) AS INTEGER)) AS INTEGER) AS trekkingen,
       CAST(par('verhaal.mc_seed', CAST(par('verhaal.mc_jaar', 2015) AS INTEGER)) AS BIGINT) AS seed,
       CAST(par('verhaal.sobol_n', CAST(par('verhaal.mc_jaar', 2015) AS INTEGER)) AS INTEGER) AS sobol_n;

CREATE OR REPLACE TABLE vg_eigen_gemeenten (gemeentecode VARCHAR, gemeentenaam VARCHAR, inwoners BIGINT);

CREATE OR REPLACE TABLE vg_selectie (gemeentecode VARCHAR);

CREATE OR REPLACE TABLE vg_sweep (punt INTEGER, parameter_id VARCHAR, waarde DOUBLE);
