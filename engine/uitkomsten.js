import { geraaktDoor, select } from "./graph.js";

/** Each headline result: the table it reads and its SELECT (volgorde, uitkomst, eenheid, waarde). */
const UITKOMSTEN = [
  ["wmo_afkoopsom", "SELECT 1 AS volgorde, 'Wmo-afkoopsom ' || jaar AS uitkomst, 'eur' AS eenheid, CAST(afkoopsom AS DOUBLE) AS waarde FROM wmo_afkoopsom"],
  ["wmo_bedrag_per_inwoner", "SELECT 2, 'Wmo: bedrag per inwoner ' || jaar, 'eur_cent', bedrag_per_inwoner FROM wmo_bedrag_per_inwoner"],
  ["wlz_afkoopsom", "SELECT 3, 'Wlz-afkoopsom definitief ' || jaar, 'eur', CAST(definitief AS DOUBLE) FROM wlz_afkoopsom"],
  [
    "rekenmodel_toereikendheid",
    "SELECT 4, 'Rekenmodel Wlz: benodigde afkoopsom (basiswaarden) ' || jaar, 'eur', schadelast FROM rekenmodel_toereikendheid WHERE jaar = (SELECT min(jaar) FROM rekenmodel_toereikendheid)",
  ],
  [
    "rekenmodel_montecarlo",
    "SELECT 5, 'Rekenmodel Wlz: benodigde afkoopsom, p05 ' || jaar, 'eur', schadelast_p05 FROM rekenmodel_montecarlo WHERE jaar = (SELECT min(jaar) FROM rekenmodel_montecarlo)",
  ],
  [
    "rekenmodel_montecarlo",
    "SELECT 6, 'Rekenmodel Wlz: benodigde afkoopsom, mediaan ' || jaar, 'eur', schadelast_p50 FROM rekenmodel_montecarlo WHERE jaar = (SELECT min(jaar) FROM rekenmodel_montecarlo)",
  ],
  [
    "rekenmodel_montecarlo",
    "SELECT 7, 'Rekenmodel Wlz: benodigde afkoopsom, p95 ' || jaar, 'eur', schadelast_p95 FROM rekenmodel_montecarlo WHERE jaar = (SELECT min(jaar) FROM rekenmodel_montecarlo)",
  ],
  [
    "vergelijking_wmo_nationaal",
    "SELECT 9, 'Wmo: verhaalbare schade ' || jaar, 'eur', verhaalbare_schade FROM vergelijking_wmo_nationaal WHERE toereikendheid_p05 IS NOT NULL",
  ],
  [
    "vergelijking_wmo_nationaal",
    "SELECT 10, 'Wmo: afkoopsom ÷ verhaalbare schade ' || jaar, 'ratio', toereikendheid FROM vergelijking_wmo_nationaal WHERE toereikendheid_p05 IS NOT NULL",
  ],
  [
    "vergelijking_wmo_nationaal",
    "SELECT 11, 'Wmo: afkoopsom ÷ verhaalbare schade, p05 ' || jaar, 'ratio', toereikendheid_p05 FROM vergelijking_wmo_nationaal WHERE toereikendheid_p05 IS NOT NULL",
  ],
  [
    "vergelijking_wmo_nationaal",
    "SELECT 12, 'Wmo: afkoopsom ÷ verhaalbare schade, p95 ' || jaar, 'ratio', toereikendheid_p95 FROM vergelijking_wmo_nationaal WHERE toereikendheid_p05 IS NOT NULL",
  ],
  [
    "vergelijking_wmo_nationaal",
    "SELECT 13, 'Wmo: waarde zelf verhalen, alle gemeenten ' || jaar, 'eur', waarde_individueel_verhaal FROM vergelijking_wmo_nationaal WHERE toereikendheid_p05 IS NOT NULL",
  ],
  [
    "vergelijking_wmo_nationaal",
    "SELECT 14, 'Wmo: kans dat zelf verhalen meer oplevert ' || jaar, 'kans', kans_individueel_meer FROM vergelijking_wmo_nationaal WHERE toereikendheid_p05 IS NOT NULL",
  ],
  [
    "vergelijking_wlz_uitvoerder",
    "SELECT 15, 'Wlz-uitvoerder: voordeel eigen regres ' || jaar, 'eur', voordeel_uittreden FROM vergelijking_wlz_uitvoerder WHERE jaar = (SELECT min(jaar) FROM vergelijking_wlz_uitvoerder)",
  ],
];

/** The tables the headline results read. */
export const UITKOMSTEN_TABELLEN = [...new Set(UITKOMSTEN.map(([t]) => t))];

/** The headline results read from these tables (all by default), in their order, each with its table. @param {string[]} [tabellen] */
export const uitkomstenSql = (tabellen = UITKOMSTEN_TABELLEN) =>
  `SELECT * FROM (\n  ${UITKOMSTEN.filter(([t]) => tabellen.includes(t))
    .map(([t, sql]) => `SELECT *, '${t}' AS tabel FROM (${sql})`)
    .join("\n  UNION ALL ")}\n) AS u(volgorde, uitkomst, eenheid, waarde, tabel) ORDER BY volgorde, uitkomst`;

// The headline results of a scenario: one query that reads the marts after a run, in Node for the baseline
// (data/scenario.json.ts) and in DuckDB-Wasm for a scenario on the Scenario's page, so both sides are read alike.
export const UITKOMSTEN_SQL = uitkomstenSql();

/**
 * The headline tables a scenario's parameters touch (graph.js `geraaktDoor`): only these differ from the baseline's.
 * The Scenario's page computes these and takes the others from the build; test/model-graph.test.ts checks on the
 * shipped data that an untouched table comes out the same to the last bit.
 * @param {{ models: import("./graph.js").Model[], creator: Map<string, string> }} graaf @param {string[]} ids
 */
export const geraakteUitkomsten = (graaf, ids) => {
  const geraakt = new Set(geraaktDoor(graaf, ids).map((m) => m.name));
  return UITKOMSTEN_TABELLEN.filter((t) => select(graaf, { upstreamOf: [t] }).some((m) => geraakt.has(m.name)));
};

/**
 * The models a scenario's headline results are made from, none that reads the (unpublished) claims ledger: what the
 * Scenario's page runs at most (it runs those of the results the scenario touches, geraakteUitkomsten). Not the marts
 * of checks and sources, the drivers or the survival curves, which the page does not show.
 */
export const scenarioModellen = (graaf) => {
  const ledger = new Set(select(graaf, { downstreamOf: ["stg_verhaal_claims"] }).map((m) => m.name));
  return select(graaf, { upstreamOf: UITKOMSTEN_TABELLEN }).filter((m) => !ledger.has(m.name));
};

/**
 * Run settings for a scenario in the browser: no Sobol designs (the drivers are not among its results, and they would
 * cost seconds in single-threaded DuckDB-Wasm). Added to the scenario's overrides for the run only.
 */
export const ZONDER_SOBOL = ["rekenmodel.sobol_n", "verhaal.sobol_n"].map((id) => ({
  parameter_id: id,
  vanaf_jaar: null,
  waarde: "0",
  laag: null,
  hoog: null,
  toelichting: "instelling (site)",
}));
