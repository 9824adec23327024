-- regel: Art. 8.3: overleg als minder dan 80% van de gemeenten (naar inwoners) meedoet.
-- Wmo-overeenkomst art. 8.3: if the participation of municipalities turns out lower than 80%
-- (wmo.drempel_heronderhandeling), the parties consult on the situation: a flag per year.
CREATE OR REPLACE TABLE wmo_heronderhandeling AS
SELECT jaar, par('wmo.deelname_gemeenten', jaar) AS deelname_gemeenten,
       par('wmo.drempel_heronderhandeling', jaar) AS drempel,
       par('wmo.deelname_gemeenten', jaar) < par('wmo.drempel_heronderhandeling', jaar) AS overleg_nodig
FROM wmo_afkoopsom ORDER BY jaar;
