// A page asks the same question again at every slider change: the same model statements on other values. Planning
// them (parse, bind, optimise) is most of a question's time in DuckDB-Wasm, so a statement the engine has run before
// is planned once and then executed again: a table the same statement made is emptied and refilled by a prepared
// INSERT of the same query (PREPARE ... / EXECUTE), a macro or view the same statement made is left as it is, a table
// made by the same CREATE (columns given) is emptied, and a query that writes nothing (the answer's SELECT) runs on its
// prepared plan. None of this changes the catalog, so the plans stay valid.
//
// Plans must not depend on the data they were made on: DuckDB's statistics propagation folds a filter that the data of
// the moment cannot meet into an empty result, picks integer widths and perfect hash tables from the data's range, and
// a reused plan would keep them when the data changes (tested: a plan prepared while no row passed `x > 5` found none
// later when four did). Every text with PREPARE or EXECUTE therefore runs with that optimiser off
// (`ALLEEN_ZONDER_STATISTIEK`): DuckDB re-plans a prepared statement when the catalog changed since, and does so under the
// settings in force, so a plan is only ever made with it off. Anything else the engine runs is planned as usual.
//
// What made each table, view or macro is followed through every statement the engine runs (`zag`): a statement is
// replayed only while the object it creates is the one that very statement made last, so the refilled table has the
// query's columns. An object made again by another statement (its columns, and so those of everything made from it,
// may differ), a statement whose writes cannot be read, and a failure (`vergeet`) forget everything: what follows runs
// as it is once more.

/** Runs a replay text with the statistics optimiser off; the caller resets it (`MET_STATISTIEK`) after the text. */
export const ALLEEN_ZONDER_STATISTIEK = "SET disabled_optimizers = 'statistics_propagation'";
export const MET_STATISTIEK = "RESET disabled_optimizers";

/** At most this many prepared statements per engine (a question has about forty); past it, statements run as they are. */
const MAX_VOORBEREID = 1000;

/**
 * The statements of a SQL text, split at semicolons outside strings, quoted names and comments; without the semicolon,
 * statements of nothing but comments left out. @param {string} sql @returns {string[]}
 */
export function statementen(sql) {
  const uit = [];
  let begin = 0;
  let i = 0;
  const n = sql.length;
  const neem = (eind) => {
    const st = sql.slice(begin, eind).trim();
    if (kern(st)) uit.push(st);
  };
  while (i < n) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      // a string or quoted name; a doubled quote stays inside
      i++;
      while (i < n && !(sql[i] === c && sql[i + 1] !== c)) i += sql[i] === c ? 2 : 1;
      i++;
    } else if (c === "-" && sql[i + 1] === "-") {
      while (i < n && sql[i] !== "\n") i++;
    } else if (c === "/" && sql[i + 1] === "*") {
      const e = sql.indexOf("*/", i + 2);
      i = e < 0 ? n : e + 2;
    } else if (c === ";") {
      neem(i);
      begin = ++i;
    } else i++;
  }
  neem(n);
  return uit;
}

/** A statement without its leading comments and white space. @param {string} st */
function kern(st) {
  return st.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/, "");
}

const NAAM = "([A-Za-z_][A-Za-z0-9_]*)";
const CREATE = String.raw`^CREATE\s+OR\s+REPLACE\s+(?:TEMP\s+|TEMPORARY\s+)?`;
// a table from a query that INSERT takes as it is (not PIVOT, not VALUES)
const TABEL_UIT_QUERY = new RegExp(String.raw`${CREATE}TABLE\s+${NAAM}\s+AS\s+(?=(?:SELECT|WITH|FROM)\b)`, "i");
const TABEL_MET_KOLOMMEN = new RegExp(String.raw`${CREATE}TABLE\s+${NAAM}\s*\(`, "i");
const MACRO_OF_VIEW = new RegExp(String.raw`${CREATE}(?:MACRO|VIEW)\s+${NAAM}\b`, "i");
const SCHEMA_WIJZIGT = /^(?:CREATE|DROP|ALTER)\b/i;
const LEZEN = /^(?:SELECT|WITH|FROM)\b/i;

/**
 * What one engine has made and prepared. `geschrevenNamen` reads the names a statement writes (actueel.js).
 * @param {(sql: string) => string[] | null} geschrevenNamen
 */
export function herhaling(geschrevenNamen) {
  /** @type {Map<string, string>} the statement that last made each table, view or macro */
  const gemaaktDoor = new Map();
  /** @type {Map<string, string>} statement -> its prepared INSERT's (or query's) name */
  const voorbereid = new Map();
  /** @type {Set<string>} queries that write nothing, seen once */
  const gelezen = new Set();
  let volgnummer = 0;
  let uitgevoerd = 0;
  /** @param {string} st */
  const maakt = (st) => {
    const k = kern(st);
    const m = TABEL_UIT_QUERY.exec(k) ?? TABEL_MET_KOLOMMEN.exec(k) ?? MACRO_OF_VIEW.exec(k);
    return m ? m[1].toLowerCase() : null;
  };
  return {
    /** Statements that ran as they are (or failed: then pass them too), in order. @param {string} sql */
    zag(sql) {
      for (const st of statementen(sql)) {
        const naam = maakt(st);
        if (naam) {
          // made again by another statement: its columns may differ, and so may those of what is made from it
          const vorige = gemaaktDoor.get(naam);
          if (vorige !== undefined && vorige !== st) gemaaktDoor.clear();
          gemaaktDoor.set(naam, st);
          continue;
        }
        const namen = geschrevenNamen(st);
        if (namen === null) gemaaktDoor.clear();
        else if (SCHEMA_WIJZIGT.test(kern(st))) for (const x of namen) gemaaktDoor.delete(x);
      }
    },
    /**
     * The text to run for these statements now: each replayed where it can be, else as it is (and then followed). Run
     * it after ALLEEN_ZONDER_STATISTIEK when it holds PREPARE or EXECUTE (`voorbereid`).
     * @param {string} sql @returns {{ tekst: string, voorbereid: boolean }}
     */
    tekst(sql) {
      const delen = [];
      let metPlan = false;
      /** Prepares `wat` for statement `st` (PREPARE into `delen`); null past the limit. @param {string} st @param {string} wat */
      const bereidVoor = (st, wat) => {
        if (voorbereid.size >= MAX_VOORBEREID) return null;
        const plan = `afkoop_herhaling_${++volgnummer}`;
        voorbereid.set(st, plan);
        delen.push(`PREPARE ${plan} AS ${wat}`);
        return plan;
      };
      for (const st of statementen(sql)) {
        const k = kern(st);
        const naam = maakt(st);
        if (naam === null && LEZEN.test(k) && geschrevenNamen(st)?.length === 0) {
          // a query that writes nothing (the answer's SELECT): prepared when it comes a second time
          if (!voorbereid.has(st) && !gelezen.has(st)) {
            if (gelezen.size < MAX_VOORBEREID) gelezen.add(st);
            delen.push(st);
            continue;
          }
          const plan = voorbereid.get(st) ?? bereidVoor(st, k);
          if (plan === null) delen.push(st);
          else {
            metPlan = true;
            uitgevoerd++;
            delen.push(`EXECUTE ${plan}`);
          }
          continue;
        }
        if (naam === null || gemaaktDoor.get(naam) !== st) {
          this.zag(st);
          delen.push(st);
          continue;
        }
        if (MACRO_OF_VIEW.test(k)) continue; // the same definition is in place
        if (TABEL_MET_KOLOMMEN.test(k)) {
          delen.push(`DELETE FROM ${naam}`);
          continue;
        }
        const plan = voorbereid.get(st) ?? bereidVoor(st, `INSERT INTO ${naam} ${k.replace(TABEL_UIT_QUERY, "")}`);
        if (plan === null) {
          delen.push(st);
          continue;
        }
        metPlan = true;
        uitgevoerd++;
        delen.push(`DELETE FROM ${naam}`, `EXECUTE ${plan}`);
      }
      return { tekst: delen.join(";\n"), voorbereid: metPlan };
    },
    /** How many statements were replayed on a prepared plan so far. */
    uitgevoerd: () => uitgevoerd,
    /** Forgets what was made and prepared (after a failure: the next question runs its statements as they are). */
    vergeet() {
      gemaaktDoor.clear();
      voorbereid.clear();
      gelezen.clear();
    },
  };
}
