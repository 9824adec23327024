// The settings of the comparison (vergelijking/instellingen.sql) for one question: the year, the Monte Carlo's
// draws and seed, a municipality the user describes by its inhabitants, and the municipalities to evaluate.
// Shared by `afkoop gemeente` (Node) and the site's gemeente page (DuckDB-Wasm), so both ask the same question.
// After these statements, the models that read them (vergelijkingsModellen) run again.
import { parameterModellen } from "./engine.js";
import { noemtParameter, select } from "./graph.js";
import { sqlTekst as q } from "./sql.js";

const int = (v) => {
  if (v === null || v === undefined) return "NULL";
  if (!Number.isInteger(Number(v))) throw new Error(`not a whole number: ${v}`);
  return String(Number(v));
};

/** A number as an SQL literal, written as JavaScript writes it (as an override's value is). */
const getal = (v) => {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`not a number: ${v}`);
  return String(v);
};

export const EIGEN_CODE = "EIGEN";

/** The tables that hold one question (vergelijking/instellingen.sql creates them; keuzeStatements refills them, so that
 * a question changes no table's columns: engine/herhaling.js). */
export const VRAAG_TABELLEN = ["vg_mc_instellingen", "vg_eigen_gemeenten", "vg_selectie", "vg_sweep"];

/** The models that answer the question once it is set: the comparison's models that read its settings. */
export const vergelijkingsModellen = (graaf) => select(graaf, { downstreamOf: VRAAG_TABELLEN, tags: ["vergelijking"] });

/** The models `tabellen` are made from, apart from the models that answer each question (vergelijkingsModellen). */
const voorDeVragen = (graaf, tabellen) => {
  const vraag = new Set(vergelijkingsModellen(graaf).map((m) => m.name));
  return select(graaf, { upstreamOf: tabellen }).filter((m) => !vraag.has(m.name));
};

/**
 * The models a comparison stands on, run once before its questions: everything the comparison reads, apart from
 * the models that answer each question.
 */
export const modellenVoorVergelijking = (graaf) =>
  voorDeVragen(
    graaf,
    select(graaf, { tags: ["vergelijking"] }).map((m) => m.name),
  );

/** What one municipality's question on the site reads: its result and its detection curve (no Wlz side, no drivers). */
export const GEMEENTEVRAAG_TABELLEN = ["vergelijking_wmo_resultaat", "vergelijking_wmo_detectiecurve"];

/** The models one municipality's question runs, once its settings are set: those its answer is made from. */
export const modellenVoorGemeentevraag = (graaf) => select(graaf, { downstreamOf: VRAAG_TABELLEN, upstreamOf: GEMEENTEVRAAG_TABELLEN });

/**
 * The models a municipality's question stands on, run once when the page's engine starts: what its answer is made
 * from, apart from the models that answer each question (not the Rekenmodel or the Wlz rules, which it does not read).
 */
export const modellenVoorGemeente = (graaf) => voorDeVragen(graaf, GEMEENTEVRAAG_TABELLEN);

/** The model whose vectors hold every verhaal.* parameter of the comparison, per grid point of a sweep. */
const VECTOREN = "vergelijking/vectoren.sql";

/**
 * Whether a sweep of these parameters can be evaluated in one pass (vg_sweep): each is a verhaal.* parameter that the
 * comparison reads only through its vectors, so that a grid point changes nothing but its values there. Any other
 * parameter (a rule's, a Monte Carlo setting) is swept point by point, re-running what it touches.
 */
export function sweepInEenDoorgang(graaf, ids) {
  const parameters = new Set(parameterModellen(graaf).map((m) => m.name));
  const anderen = [...modellenVoorVergelijking(graaf), ...vergelijkingsModellen(graaf)].filter((m) => m.name !== VECTOREN && !parameters.has(m.name));
  return ids.every((id) => id.startsWith("verhaal.") && !anderen.some((m) => noemtParameter(m, id)));
}

/**
 * SQL statements that set the comparison's question. `selectie`: codes to evaluate (empty: all). `sobolN`: draws per
 * matrix of the Sobol design (0, the default: a question does not recompute the drivers; null: the registry's).
 * `punten`: the grid points of a sweep, numbered from 1, each with the values of its swept parameters, which replace
 * theirs in every vector (empty: no sweep, one point). Evaluated together when the comparison reads the swept
 * parameters only through its vectors (sweepInEenDoorgang); otherwise one point at a time, its values also set as
 * overrides, so that its rows carry its number and values.
 * @param {{ jaar: number, trekkingen?: number | null, seed?: number | null, sobolN?: number | null,
 *   eigen?: { code: string, naam: string, inwoners: number }[], selectie?: string[],
 *   punten?: { punt: number, waarden: Record<string, number> }[] }} vraag
 * @returns {string[]}
 */
export function keuzeStatements({ jaar, trekkingen = null, seed = null, sobolN = 0, eigen = [], selectie = [], punten = [] }) {
  return [
    "DELETE FROM vg_mc_instellingen",
    `INSERT INTO vg_mc_instellingen
       SELECT ${int(jaar)}::INTEGER AS jaar,
              coalesce(${int(trekkingen)}::INTEGER, CAST(par('verhaal.mc_trekkingen', ${int(jaar)}) AS INTEGER)) AS trekkingen,
              coalesce(${int(seed)}::BIGINT, CAST(par('verhaal.mc_seed', ${int(jaar)}) AS BIGINT)) AS seed,
              coalesce(${int(sobolN)}::INTEGER, CAST(par('verhaal.sobol_n', ${int(jaar)}) AS INTEGER)) AS sobol_n`,
    "DELETE FROM vg_eigen_gemeenten",
    ...eigen.map((e) => `INSERT INTO vg_eigen_gemeenten VALUES (${q(e.code)}, ${q(e.naam)}, ${int(e.inwoners)})`),
    "DELETE FROM vg_selectie",
    ...selectie.map((c) => `INSERT INTO vg_selectie VALUES (${q(c)})`),
    "DELETE FROM vg_sweep",
    ...(punten.length
      ? [
          `INSERT INTO vg_sweep VALUES ${punten
            .flatMap((p) => Object.entries(p.waarden).map(([id, w]) => `(${int(p.punt)}, ${q(id)}, ${getal(w)}::DOUBLE)`))
            .join(", ")}`,
        ]
      : []),
  ];
}
