-- regel: Convenant Wlz art. 4–5 en Toelichting 7: het tijdpad van elk convenantsjaar.
-- Wlz-convenant art. 4-5 and Toelichting 7 (tijdpad): the yearly actions as calendar dates for every
-- year of the convenant, so the site can draw the timeline.
CREATE OR REPLACE TABLE wlz_tijdpad AS
SELECT l.jaar, t.volgorde, t.moment,
       make_date(l.jaar, t.maand_van, coalesce(t.dag, 1)) AS van,
       CASE WHEN t.dag IS NOT NULL THEN make_date(l.jaar, t.maand_tot, t.dag)
            ELSE last_day(make_date(l.jaar, t.maand_tot, 1)) END AS tot,
       t.uiterlijk, t.actie, t.partij, t.artikel, t.bron_id
FROM stg_wlz_looptijd l CROSS JOIN stg_wlz_tijdpad t
WHERE l.status = 'convenant'
ORDER BY l.jaar, t.volgorde;
