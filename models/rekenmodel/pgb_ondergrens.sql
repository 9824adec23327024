-- regel: Rekenmodel Wlz: een ondergrens voor de dagtarieven uit het Wlz-pgb voor hetzelfde zorgprofiel.
-- Rekenmodel Wlz: a lower bound for the day tariffs. The NZa's maximum tariffs for ZZP 5-7 LG (tarieventabel Wlz-zorg
-- 2024) are public but could not be consulted here, so rekenmodel.tarief.* are assumptions. The Wlz pgb for the same
-- care profile bounds them from below: a budget the insured spends on care at home, without housing. The pgb of
-- 2024 = the 2015 amounts of the Regeling langdurige zorg (art. 5.13, Bijlage C: persoonlijke verzorging, verpleging,
-- begeleiding individueel and groep; without the top-up for living at home) x rekenmodel.pgb_index_2015_2024 (the
-- factor that turns every published 2024 VV amount into its 2015 one). mart_controles checks the tariffs against it.
CREATE OR REPLACE TABLE rekenmodel_pgb_ondergrens AS
SELECT p.zzp, p.zorgprofiel, CAST(p.pv + p.vp + p.beg_ind + p.beg_gr AS DOUBLE) AS pgb_2015,
       par('rekenmodel.pgb_index_2015_2024', 2024) AS index_2024,
       CAST(p.pv + p.vp + p.beg_ind + p.beg_gr AS DOUBLE) * par('rekenmodel.pgb_index_2015_2024', 2024) AS pgb_2024,
       CAST(p.pv + p.vp + p.beg_ind + p.beg_gr AS DOUBLE) * par('rekenmodel.pgb_index_2015_2024', 2024) / par('rekenmodel.dagen_per_jaar', 2024) AS pgb_per_dag,
       t.waarde AS tarief, t.laag AS tarief_laag, t.hoog AS tarief_hoog
FROM stg_rekenmodel_pgb p
JOIN int_parameters_per_jaar t ON t.parameter_id = 'rekenmodel.tarief.' || p.zzp AND t.jaar = 2024
ORDER BY p.zzp;
