-- regel: AWBZ-convenant (vanaf 1999): de afkoopsommen in euro, verdeeld over motor- en aansprakelijkheidsverzekeraars.
-- AWBZ recourse convenant (predecessor of the Wlz convenant, from 1 July 1999): the buy-off sums,
-- in euros (guilders at the fixed rate valuta.gulden_per_euro), per full year, and split over motor
-- (awbz.aandeel_motor, 95%) and general-liability insurers (awbz.aandeel_av, 5%), with the
-- participation of motor insurers (awbz.deelname_wam, 97%) alongside.
CREATE OR REPLACE TABLE awbz_reeks AS
SELECT a.periode_id, a.jaar, a.periode, a.maanden, a.bedrag, a.valuta,
       CASE WHEN a.valuta = 'NLG' THEN a.bedrag / par('valuta.gulden_per_euro', a.jaar) ELSE CAST(a.bedrag AS DOUBLE) END AS bedrag_eur,
       CASE WHEN a.valuta = 'NLG' THEN a.bedrag / par('valuta.gulden_per_euro', a.jaar) ELSE CAST(a.bedrag AS DOUBLE) END * 12 / a.maanden AS bedrag_eur_per_jaar,
       CASE WHEN a.valuta = 'NLG' THEN a.bedrag / par('valuta.gulden_per_euro', a.jaar) ELSE CAST(a.bedrag AS DOUBLE) END
         * par('awbz.aandeel_motor', a.jaar) / 100 AS deel_motor_eur,
       CASE WHEN a.valuta = 'NLG' THEN a.bedrag / par('valuta.gulden_per_euro', a.jaar) ELSE CAST(a.bedrag AS DOUBLE) END
         * par('awbz.aandeel_av', a.jaar) / 100 AS deel_av_eur,
       par('awbz.deelname_wam', a.jaar) AS deelname_wam_pct,
       a.benadering, a.bron_id, a.vindplaats
FROM stg_awbz_afkoopsommen a
ORDER BY a.jaar, a.maanden;
