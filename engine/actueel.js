// Which models of a session hold what their inputs give now, so that a session re-runs only what a change touches:
// a change of overrides makes stale the models that read a changed parameter (graph.js `geraaktDoor`) and those that
// turn the overrides into per-year values; a statement that writes a table makes stale the model that made it and
// everything made from it; a model that runs while stale makes stale everything made from it (which, in run order,
// runs after it when it is asked for too). Asking for models runs the stale ones among them and what they stand on.
import { parameterModellen } from "./engine.js";
import { geraaktDoor, select } from "./graph.js";

/** @typedef {{ parameter_id: string, vanaf_jaar: number | null, waarde: string, laag: number | null, hoog: number | null, toelichting: string | null }} Override */

/** The names a statement writes (CREATE, INSERT, DELETE, UPDATE, DROP, ALTER, TRUNCATE, COPY ... FROM), or null when it
 * writes something it does not name in a way read here; [] for a statement that writes no table (SELECT, SET, COPY ... TO).
 * @param {string} sql @returns {string[] | null} */
export function geschrevenNamen(sql) {
  // strings and comments in one pass, so that neither hides the other ('a--b', -- it's)
  const code = sql.replace(/'(?:[^']|'')*'|--[^\n]*/g, (m) => (m.startsWith("'") ? "''" : " "));
  // a name, perhaps qualified (main.x, memory.main.x): the table is its last part
  const deel = String.raw`(?:[a-z_][a-z0-9_]*\s*\.\s*){0,2}`;
  const naam = `${deel}([a-z_][a-z0-9_]*)`;
  const elkeNaam = `${deel}[a-z_][a-z0-9_]*`;
  const schrijven = String.raw`\b(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?(?:TABLE|VIEW|MACRO)\s+(?:IF\s+NOT\s+EXISTS\s+)?|INSERT\s+(?:OR\s+REPLACE\s+)?INTO\s+|DELETE\s+FROM\s+|UPDATE\s+|DROP\s+(?:MACRO\s+TABLE|TABLE|VIEW|MACRO)\s+(?:IF\s+EXISTS\s+)?|ALTER\s+TABLE\s+|TRUNCATE\s+(?:TABLE\s+)?|COPY\s+(?=${elkeNaam}\s*(?:\([^()]*\)\s*)?FROM\b))`;
  const namen = [...code.matchAll(new RegExp(schrijven + naam, "gi"))].map((m) => m[1].toLowerCase());
  const schrijft = (
    code.match(new RegExp(String.raw`\b(?:CREATE|INSERT|DELETE|UPDATE|DROP|ALTER|TRUNCATE)\b|\bCOPY\s+${elkeNaam}\s*(?:\([^()]*\)\s*)?FROM\b`, "gi")) ?? []
  ).length;
  return namen.length < schrijft ? null : namen;
}

/** Override rows of one parameter, as a key that changes when any of them does. @param {Override[]} list */
function perParameter(list) {
  /** @type {Map<string, string[]>} */
  const m = new Map();
  for (const o of list) {
    const rij = JSON.stringify([o.vanaf_jaar, String(o.waarde), String(o.laag), String(o.hoog), o.toelichting]);
    m.set(o.parameter_id, [...(m.get(o.parameter_id) ?? []), rij]);
  }
  return new Map([...m].map(([id, rijen]) => [id, rijen.sort().join("\n")]));
}

/**
 * The bookkeeping of one session over a model graph.
 * @param {{ models: import("./graph.js").Model[], creator: Map<string, string> }} graaf
 */
export function actueelBijhouder(graaf) {
  /** @type {Set<string>} */
  const actueel = new Set();
  // the models that turn the overrides into per-year values, while stale only because the overrides changed: when
  // they run, what reads a changed parameter is stale already, and nothing else is
  /** @type {Set<string>} */
  const nieuweWaarden = new Set();
  let huidige = perParameter([]);
  // models that read a changed parameter: while the per-year values are not made again, a run of one of them reads the
  // old values, so it stays stale
  /** @type {Set<string>} */
  const wachtend = new Set();
  // the overrides table was written by a statement: what it holds is unknown until overrides are set again
  let onbekend = false;
  /** @param {string[]} namen models */
  const verouder = (namen) => {
    for (const n of namen) {
      actueel.delete(n);
      nieuweWaarden.delete(n);
    }
  };
  /** @param {string[]} namen tables or model files */
  const verouderVanaf = (namen) => verouder(select(graaf, { downstreamOf: namen }).map((m) => m.name));
  return {
    /** Whether a model holds what its inputs give now. @param {string} naam */
    isActueel: (naam) => actueel.has(naam),
    /**
     * Takes a new list of overrides; returns the ids of the parameters whose rows changed (none: nothing to load). After
     * a statement wrote the overrides table itself, the list is always loaded (["scenario_overrides"]: what reads it is
     * stale already).
     * @param {Override[]} lijst @returns {string[]}
     */
    overrides(lijst) {
      const nieuw = perParameter(lijst);
      const ids = [...new Set([...huidige.keys(), ...nieuw.keys()])].filter((id) => huidige.get(id) !== nieuw.get(id));
      huidige = nieuw;
      if (onbekend) {
        onbekend = false;
        verouderVanaf(["scenario_overrides"]);
        return ["scenario_overrides"];
      }
      if (ids.length === 0) return ids;
      // what reads the overrides table itself, other than through the per-year parameter tables, is stale with all
      // that is made from it; of what reads the per-year values, only what reads a changed parameter
      const perJaar = parameterModellen(graaf).map((m) => m.name);
      const lezers = graaf.models.filter((m) => m.reads.includes("scenario_overrides") && !perJaar.includes(m.name)).map((m) => m.name);
      const geraakt = geraaktDoor(graaf, ids).map((m) => m.name);
      verouder(geraakt);
      for (const n of geraakt) wachtend.add(n);
      if (lezers.length) verouder([...lezers, ...select(graaf, { downstreamOf: lezers }).map((m) => m.name)]);
      for (const n of perJaar) {
        if (actueel.delete(n)) nieuweWaarden.add(n);
      }
      return ids;
    },
    /** A statement wrote these names (null: unknown): their makers and everything made from them are stale.
     * @param {string[] | null} namen */
    geschreven(namen) {
      if (namen === null || namen.includes("scenario_overrides")) onbekend = true;
      if (namen === null) {
        actueel.clear();
        nieuweWaarden.clear();
        return;
      }
      const makers = namen.map((n) => graaf.creator.get(n)).filter((x) => x !== undefined);
      verouder(makers);
      verouderVanaf(namen);
    },
    /** A statement ran (or failed): what it writes, and what is made from that, is stale. @param {string} sql */
    statement(sql) {
      const namen = geschrevenNamen(sql);
      if (namen === null || namen.length) this.geschreven(namen);
    },
    /** A model is about to run: if it was stale, what is made from it is stale now (and stays so should the run fail:
     * call `geschreven` with what it creates). @param {string} naam */
    draait(naam) {
      if (!actueel.has(naam) && !nieuweWaarden.has(naam)) verouderVanaf([naam]);
    },
    /** A model ran. @param {string} naam */
    gedraaid(naam) {
      if (nieuweWaarden.size > 0 && wachtend.has(naam)) return; // it read the old per-year values
      actueel.add(naam);
      if (nieuweWaarden.delete(naam) && nieuweWaarden.size === 0) wachtend.clear();
    },
  };
}

/**
 * Sets overrides through `laad` if they differ from those in place; overrides loaded in part leave the table unknown.
 * The one way a Node session and the browser engine set them.
 * @param {ReturnType<typeof actueelBijhouder>} bij @param {Override[]} lijst @param {() => Promise<unknown>} laad
 */
export async function zetOverrides(bij, lijst, laad) {
  if (bij.overrides(lijst).length === 0) return;
  try {
    await laad();
  } catch (e) {
    bij.geschreven(["scenario_overrides"]);
    throw e;
  }
}

/**
 * Runs models in run order through `voerUit`, booking each; with `alleenVerouderd`, only those stale when their turn
 * comes. A model that fails halfway is stale with what is made from it. The one way a Node session and the browser
 * engine run models.
 * @typedef {{ name: string, sql: string, creates?: string[] }} TeDraaien
 * @param {ReturnType<typeof actueelBijhouder>} bij @param {TeDraaien[]} modellen
 * @param {(m: TeDraaien) => Promise<unknown>} voerUit
 * @param {boolean} [alleenVerouderd]
 */
export async function draaiBijgehouden(bij, modellen, voerUit, alleenVerouderd = false) {
  for (const m of modellen) {
    if (alleenVerouderd && bij.isActueel(m.name)) continue;
    bij.draait(m.name);
    try {
      await voerUit(m);
    } catch (e) {
      bij.geschreven(m.creates ?? []);
      throw e;
    }
    bij.gedraaid(m.name);
  }
}
