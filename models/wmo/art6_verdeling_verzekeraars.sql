-- regel: Art. 6.1: wat elke deelnemende verzekeraar bijdraagt, naar marktaandeel.
-- Wmo-overeenkomst art. 6.1: each participating insurer owes a part of the afkoopsom by its share in the
-- Waarborgfonds Motorverkeer omslag (motor) and its share in general-liability premium income.
-- The article names both keys but not their weights: the project weighs them with wmo.aandeel_motor
-- (default 95/5, taken from the AWBZ convenant). Shares are taken within the participating insurers.
-- Amounts to the euro; the rounding difference with the afkoopsom is reported, not hidden.
-- The shipped table of insurers is illustrative (synthetic), see data/wmo/verzekeraars_aandelen.csv.
CREATE OR REPLACE TABLE wmo_verdeling_verzekeraars AS
WITH deelnemers AS (
  SELECT v.*,
         v.aandeel_omslag_waarborgfonds_pct / sum(v.aandeel_omslag_waarborgfonds_pct) OVER (PARTITION BY v.jaar) AS sleutel_motor,
         v.aandeel_premie_av_pct / sum(v.aandeel_premie_av_pct) OVER (PARTITION BY v.jaar) AS sleutel_av
  FROM stg_wmo_verzekeraars v WHERE v.deelnemer
)
SELECT d.jaar, d.verzekeraar, d.sleutel_motor, d.sleutel_av,
       par('wmo.aandeel_motor', d.jaar) AS aandeel_motor_pct,
       par('wmo.aandeel_motor', d.jaar) / 100 * d.sleutel_motor + (1 - par('wmo.aandeel_motor', d.jaar) / 100) * d.sleutel_av AS aandeel,
       a.afkoopsom,
       round(a.afkoopsom * (par('wmo.aandeel_motor', d.jaar) / 100 * d.sleutel_motor + (1 - par('wmo.aandeel_motor', d.jaar) / 100) * d.sleutel_av)) AS bedrag,
       b.soort = 'synthetisch' AS synthetisch
FROM deelnemers d JOIN wmo_afkoopsom a USING (jaar) JOIN stg_bronnen b ON b.bron_id = d.bron_id
ORDER BY d.jaar, bedrag DESC;
