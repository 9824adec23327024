// The model graph. Every SQL file under models/ is a node; what it creates (tables, views, macros) and what it reads
// (the names in its SQL that another model, or the loader, creates) are read from the SQL itself, so they cannot
// drift from it. The run order is a topological sort of that graph, and one selector picks the models a task needs:
// the CLI, scenario runs, the site's browser engine and the tests all ask it, and no list of names is kept by hand.
// Plain ESM with JSDoc types: the same file runs in Node (pipelines/) and in the browser (the site).

/**
 * @typedef {object} Model
 * @property {string} name     path below models/, e.g. "wmo/art3_afkoopsom.sql"
 * @property {string} sql      the file's text, run unchanged
 * @property {string} regel    the rule in Dutch (the `-- regel:` line), shown on the site's Data page
 * @property {string[]} tags   the `-- tags:` line, plus the area (the folder: wmo, wlz, rekenmodel, ...)
 * @property {string[]} creates tables, views and macros the file creates
 * @property {string[]} reads   names the file uses that something else creates (another model, or the loader)
 */

/** Tables the loader creates before any model runs: the staging tables (stg_*) and the scenario's overrides. */
export const LOADER_TABLES = /^(stg_[a-z0-9_]+|scenario_overrides)$/;

/** The tag of a file that is not part of a run but run on request (e.g. a user's life table, `afkoop life --table`). */
export const ON_DEMAND = "op-verzoek";

/** The SQL without comments. */
const zonderCommentaar = (sql) => sql.replace(/--[^\n]*/g, " ");

/** The SQL without comments and string literals: what is left names tables, columns and functions. */
function code(sql) {
  return zonderCommentaar(sql).replace(/'(?:[^']|'')*'/g, "''");
}

/**
 * Reads one model file: its rule, tags, and what it creates and reads. Fails with the file's name when the rule line
 * is missing, or when it creates nothing.
 * @param {string} name @param {string} sql @returns {Model}
 */
export function parseModel(name, sql) {
  const regel = /^--\s*regel:\s*(.+)$/m.exec(sql);
  if (!regel) throw new Error(`models/${name}: no "-- regel:" line (the rule in Dutch, for the site's Data page)`);
  const tagLine = /^--\s*tags:\s*(.+)$/m.exec(sql);
  const area = name.includes("/") ? name.slice(0, name.indexOf("/")) : "";
  const tags = [...new Set([area, ...(tagLine ? tagLine[1].split(/[,\s]+/) : [])].filter(Boolean))];
  const body = code(sql);
  const creates = [
    ...new Set(
      [...body.matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?(?:TABLE|VIEW|MACRO)\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*)/gi)].map((m) =>
        m[1].toLowerCase(),
      ),
    ),
  ];
  if (creates.length === 0 && !tags.includes(ON_DEMAND))
    throw new Error(`models/${name}: creates no table, view or macro (a file run only on request is tagged ${ON_DEMAND})`);
  const words = new Set([...body.matchAll(/[a-z_][a-z0-9_]*/gi)].map((m) => m[0].toLowerCase()));
  return { name, sql, regel: regel[1].trim(), tags, creates, reads: [...words] };
}

const AREA_ORDER = ["intermediate", "wmo", "wlz", "rekenmodel", "verhaal", "vergelijking", "marts"];
const rank = (name) => {
  const i = AREA_ORDER.indexOf(name.split("/")[0]);
  return `${String(i < 0 ? AREA_ORDER.length : i).padStart(2, "0")}/${name}`;
};

/**
 * The graph of all models: each model's reads narrowed to the names that are created (by another model or the
 * loader), and the models in run order. Fails on a name created by two files, and on a cycle, naming the files.
 * @param {Model[]} all
 * Files tagged op-verzoek stay out of the run order; they are in `onDemand`.
 * @returns {{ models: Model[], creator: Map<string, string>, onDemand: Model[] }}
 */
export function modelGraph(all) {
  const onDemand = all.filter((m) => m.tags.includes(ON_DEMAND));
  const models = all.filter((m) => !m.tags.includes(ON_DEMAND));
  /** @type {Map<string, string>} */
  const creator = new Map();
  for (const m of models) {
    for (const c of m.creates) {
      const other = creator.get(c);
      if (other && other !== m.name) throw new Error(`${c} is created by both models/${other} and models/${m.name}`);
      creator.set(c, m.name);
    }
  }
  const narrowed = models.map((m) => ({
    ...m,
    reads: m.reads.filter((w) => (creator.has(w) && creator.get(w) !== m.name) || (LOADER_TABLES.test(w) && !m.creates.includes(w))).sort(),
  }));
  const byName = new Map(narrowed.map((m) => [m.name, m]));
  const deps = new Map(narrowed.map((m) => [m.name, new Set(m.reads.map((r) => creator.get(r)).filter((x) => x !== undefined))]));
  // Kahn's algorithm; among the models that may run next, the first by area and name, so the order is stable
  const order = [];
  const done = new Set();
  const waiting = new Set(byName.keys());
  while (waiting.size) {
    const ready = [...waiting].filter((n) => [...(deps.get(n) ?? [])].every((d) => done.has(d))).sort((a, b) => rank(a).localeCompare(rank(b)));
    if (ready.length === 0) throw new Error(`the models read each other in a cycle: ${[...waiting].map((n) => `models/${n}`).join(", ")}`);
    const next = ready[0];
    order.push(/** @type {Model} */ (byName.get(next)));
    done.add(next);
    waiting.delete(next);
  }
  return { models: order, creator, onDemand };
}

/**
 * The models a task needs, in run order.
 * - upstreamOf: names (tables) or model files; the models that (transitively) create what these read, and their creators
 * - downstreamOf: names or model files; the models that (transitively) read them (not their creators)
 * - tags / withoutTags: models with any of these tags / without any of them
 * Criteria combine as AND; none given: every model.
 * @param {{ models: Model[], creator: Map<string, string> }} graph
 * @param {{ upstreamOf?: string[], downstreamOf?: string[], tags?: string[], withoutTags?: string[] }} [criteria]
 * @returns {Model[]}
 */
export function select(graph, { upstreamOf, downstreamOf, tags, withoutTags } = {}) {
  /** @type {Map<string, Model>} */
  const byName = new Map(graph.models.map((m) => [m.name, m]));
  const get = (/** @type {string} */ n) => /** @type {Model} */ (byName.get(n));
  const modelOf = (x) => {
    if (byName.has(x)) return x;
    if (graph.creator.has(x)) return graph.creator.get(x);
    if (LOADER_TABLES.test(x)) return null;
    throw new Error(`select: no model creates ${x}`);
  };
  let keep = new Set(byName.keys());
  if (upstreamOf) {
    const up = new Set();
    const visit = (name) => {
      if (up.has(name)) return;
      up.add(name);
      for (const r of get(name).reads) {
        const c = graph.creator.get(r);
        if (c) visit(c);
      }
    };
    for (const x of upstreamOf) {
      const m = modelOf(x);
      if (m) visit(m);
    }
    keep = new Set([...keep].filter((n) => up.has(n)));
  }
  if (downstreamOf) {
    const sources = new Set(downstreamOf.flatMap((x) => (byName.has(x) ? get(x).creates : [x])));
    const down = new Set();
    for (const m of graph.models) {
      // run order: a model's creators come before it
      if (m.reads.some((r) => sources.has(r) || (graph.creator.has(r) && down.has(/** @type {string} */ (graph.creator.get(r)))))) down.add(m.name);
    }
    keep = new Set([...keep].filter((n) => down.has(n)));
  }
  if (tags) keep = new Set([...keep].filter((n) => get(n).tags.some((t) => tags.includes(t))));
  if (withoutTags) keep = new Set([...keep].filter((n) => !get(n).tags.some((t) => withoutTags.includes(t))));
  return graph.models.filter((m) => keep.has(m.name));
}

/** Tables that hold every parameter. A model that reads them directly (not through par()) names the parameters it reads
 * in a filter on their id (`p.parameter_id LIKE 'rekenmodel.%'`, `d.parameter_id = 'wmo.deelname_verzekeraars'`), or is
 * tagged `alle-parameters` when it reads them all (test/model-graph.test.ts checks that one of the two holds). */
export const PARAMETER_TABLES = new Set(["int_parameters_per_jaar", "int_parameter_waarden"]);

/** The tag of a model that reads every parameter from the parameter tables (e.g. a list of all sourced figures). */
export const ALLE_PARAMETERS = "alle-parameters";

/**
 * Whether a model's SQL names this parameter: the id itself as a string literal (par('verhaal.detectie', ...)), or a
 * literal that ends where a part of the id ends and is its start ('verhaal.' || t.type, LIKE 'verhaal.%',
 * 'wlz.draagvlak_b1_' || stand).
 * @param {Model} m @param {string} id
 */
export function noemtParameter(m, id) {
  for (const [, lit] of zonderCommentaar(m.sql).matchAll(/'((?:[^']|'')*)'/g)) {
    const l = lit.replace(/%$/, "");
    if (l === id || (l.length > 0 && /[._]$/.test(l) && id.startsWith(l))) return true;
  }
  return false;
}

/** Whether a model may read this parameter: it names it, or reads every parameter. @param {Model} m @param {string} id */
const leestParameter = (m, id) => m.tags.includes(ALLE_PARAMETERS) || noemtParameter(m, id);

/**
 * The models a change of these parameters touches, in run order: those that name one of them (leestParameter) and
 * everything made from their tables. The models that turn the overrides into per-year values are not included
 * (engine.js `parameterModellen`); every other model keeps a result that does not depend on these parameters.
 * @param {{ models: Model[], creator: Map<string, string> }} graph @param {string[]} ids @returns {Model[]}
 */
export function geraaktDoor(graph, ids) {
  // the models that make the parameter tables are not among them: they run first, for every change of overrides
  const direct = graph.models.filter((m) => !m.creates.some((c) => PARAMETER_TABLES.has(c)) && ids.some((id) => leestParameter(m, id)));
  if (direct.length === 0) return [];
  const names = new Set([...direct.map((m) => m.name), ...select(graph, { downstreamOf: direct.map((m) => m.name) }).map((m) => m.name)]);
  return graph.models.filter((m) => names.has(m.name));
}
