-- regel: Bijlage 1: het regrespercentage, gewogen uit zorgverzekeraars en AWBZ, en het percentage van de overeenkomst.
-- Wmo-overeenkomst 2015, Bijlage 1 (and art. 3.2): the recourse rate.
-- Weighted mean of the health insurers' rate (0.34%) and the AWBZ convenant's 2014 rate (0.06%)
-- in the proportion 1 : 2 1/4:  (1 x 0.34 + 2 1/4 x 0.06) : 3 1/4 = 0.14615...%.
-- The contract fixes the rate at 0.14 2/3 % (parameter wmo.regrespercentage_contract = 11/75).
-- Also derives the AWBZ rate from its own inputs (14.7 million of 24.7 billion) as a check.
CREATE OR REPLACE TABLE wmo_regrespercentage AS
SELECT 2015 AS jaar,
       par_dec('wmo.regrespercentage_zorgverzekeraars', 2015) AS pct_zorgverzekeraars,
       par_dec('wmo.regrespercentage_awbz', 2015) AS pct_awbz,
       par_dec('wmo.gewicht_zorgverzekeraars', 2015) AS gewicht_zorgverzekeraars,
       par_dec('wmo.gewicht_awbz', 2015) AS gewicht_awbz,
       -- numerator stays exact DECIMAL; DuckDB divides DECIMALs in DOUBLE
       (par_dec('wmo.gewicht_zorgverzekeraars', 2015) * par_dec('wmo.regrespercentage_zorgverzekeraars', 2015)
         + par_dec('wmo.gewicht_awbz', 2015) * par_dec('wmo.regrespercentage_awbz', 2015))
         / (par_dec('wmo.gewicht_zorgverzekeraars', 2015) + par_dec('wmo.gewicht_awbz', 2015)) AS pct_gewogen,
       par('wmo.regrespercentage_contract', 2015) AS pct_contract,
       (SELECT bedrag FROM stg_awbz_afkoopsommen WHERE jaar = 2014 AND valuta = 'EUR')
         / (par('awbz.budget', 2014) * 1000000) * 100 AS pct_awbz_afgeleid;
