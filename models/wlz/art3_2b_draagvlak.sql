-- regel: Convenant Wlz art. 3.2 onder B: het draagvlakpercentage van de verzekeraars.
-- Wlz-convenant 2024-2027 art. 3.2 onder B: actualiseren draagvlakpercentage.
--   Draagvlak = (a/100) * [(b1 * p1)/100 + (b2 * p2)/100]
-- a  = draagvlak vanuit Wlz-uitvoerders (100% for the whole period)
-- b1 = share of participating motor insurers in the Waarborgfonds omslag (data of year t-1)
-- b2 = share of participating general-liability insurers in premium income (data of year t-2)
-- p1, p2 = shares of the motor (Waarborgfonds) and general-liability parties in the recourse amount
-- Computed twice per year: with the provisional and with the definitive (updated, art. 3.4) b1 and b2.
CREATE OR REPLACE MACRO wlz_draagvlak(a, b1, p1, b2, p2) AS (a / 100) * ((b1 * p1) / 100 + (b2 * p2) / 100);

CREATE OR REPLACE TABLE wlz_draagvlak AS
WITH jaren AS (SELECT jaar FROM stg_wlz_looptijd WHERE status = 'convenant'),
standen AS (SELECT unnest(['voorlopig', 'definitief']) AS stand)
SELECT j.jaar, s.stand,
       par('wlz.draagvlak_a', j.jaar) AS a,
       par('wlz.draagvlak_b1_' || s.stand, j.jaar) AS b1,
       par('wlz.draagvlak_b2_' || s.stand, j.jaar) AS b2,
       par('wlz.draagvlak_p1', j.jaar) AS p1,
       par('wlz.draagvlak_p2', j.jaar) AS p2,
       wlz_draagvlak(par('wlz.draagvlak_a', j.jaar), par('wlz.draagvlak_b1_' || s.stand, j.jaar), par('wlz.draagvlak_p1', j.jaar),
                     par('wlz.draagvlak_b2_' || s.stand, j.jaar), par('wlz.draagvlak_p2', j.jaar)) AS draagvlak
FROM jaren j CROSS JOIN standen s
UNION ALL
SELECT jaar, 'definitief', NULL, NULL, NULL, NULL, NULL, par('wlz.draagvlak_basis', jaar)
FROM stg_wlz_looptijd WHERE status = 'basisjaar'
ORDER BY jaar, stand DESC;
