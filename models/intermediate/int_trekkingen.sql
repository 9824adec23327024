-- regel: Herhaalbare trekkingen voor de Monte Carlo-simulaties (een hash van seed, trekking en parameter).
-- Seeded draws shared by every Monte Carlo: u = hash('seed:draw:parameter') / 2^53 (the top 53 bits of a 64-bit
-- hash), which DuckDB computes identically in Node (node-api) and in the browser (DuckDB-Wasm); random() would not.
--   uniform:  laag + u (hoog - laag);  driehoek: the inverse of the triangular CDF with its mode at the value.
-- trek_sleutel is the 'seed:draw:' part, which a wide draw (a column per parameter) builds once per draw.
CREATE OR REPLACE MACRO trek_sleutel(seed, trekking) AS CAST(seed AS VARCHAR) || ':' || CAST(trekking AS VARCHAR) || ':';
CREATE OR REPLACE MACRO trek_u_van(tekst) AS CAST(hash(tekst) >> 11 AS DOUBLE) / 9007199254740992.0;
CREATE OR REPLACE MACRO trek_u(seed, trekking, parameter_id) AS trek_u_van(trek_sleutel(seed, trekking) || parameter_id);
CREATE OR REPLACE MACRO trek_waarde(u, laag, waarde, hoog, verdeling) AS
  CASE WHEN verdeling = 'driehoek' AND hoog > laag THEN
         CASE WHEN u < (waarde - laag) / (hoog - laag) THEN laag + sqrt(u * (hoog - laag) * (waarde - laag))
              ELSE hoog - sqrt((1 - u) * (hoog - laag) * (hoog - waarde)) END
       ELSE laag + u * (hoog - laag) END;
