-- regel: Art. 8.4–8.5: correctie van de afkoopsom 2015, met een grens van 30%.
-- Wmo-overeenkomst art. 8.4 and 8.5: if afterwards the afkoopsom 2015 proves too low (too high), it is
-- raised (lowered) by at most 30% (wmo.correctie_maximum).
--   gecorrigeerde som = min(max(schatting werkelijke schadelast, som x (1 - max)), som x (1 + max))
-- The two macros are the rule; wmo_correctie_2015 applies it to the 2015 sum over a grid of estimates
-- (50%-150% of the sum), so one sees where the cap binds.
CREATE OR REPLACE MACRO wmo_art8_gecorrigeerde_som(som, schatting, max_pct) AS
  greatest(least(schatting, som * (1 + max_pct / 100)), som * (1 - max_pct / 100));
CREATE OR REPLACE MACRO wmo_art8_begrenzing_actief(som, schatting, max_pct) AS
  schatting > som * (1 + max_pct / 100) OR schatting < som * (1 - max_pct / 100);

CREATE OR REPLACE TABLE wmo_correctie_2015 AS
WITH s AS (
  SELECT CAST(afkoopsom AS DOUBLE) AS som, par('wmo.correctie_maximum', 2015) AS max_pct FROM wmo_afkoopsom WHERE jaar = 2015
)
SELECT r.range / 100.0 AS verhouding, s.som AS afkoopsom, s.som * r.range / 100.0 AS schatting,
       wmo_art8_gecorrigeerde_som(s.som, s.som * r.range / 100.0, s.max_pct) AS gecorrigeerde_som,
       wmo_art8_gecorrigeerde_som(s.som, s.som * r.range / 100.0, s.max_pct) - s.som AS correctie,
       wmo_art8_begrenzing_actief(s.som, s.som * r.range / 100.0, s.max_pct) AS begrenzing_actief
FROM range(50, 155, 5) r, s
ORDER BY verhouding;
