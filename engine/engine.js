// The model engine: loads staging tables into a DuckDB connection and runs the project's SQL model files on it,
// unchanged, with a scenario's parameter overrides. The site runs it on DuckDB-Wasm, the tests on node-api; it knows
// nothing of the rules themselves: every number comes from the same SQL files the pipeline runs.
// `db` is a small adapter: { query(sql) -> Promise<rows as objects>, registerFileText(name, text) -> Promise,
// insertArrowIPC?(table, bytes) -> Promise }. A bundle is { staging: [{table, columns, csv}], models: [Model in run
// order], arrow?: Uint8Array } (pipelines/site/bundle.ts); the site sends the tables as Arrow IPC only.
import { actueelBijhouder, draaiBijgehouden, geschrevenNamen, zetOverrides } from "./actueel.js";
import { select } from "./graph.js";
import { ALLEEN_ZONDER_STATISTIEK, herhaling, MET_STATISTIEK } from "./herhaling.js";
import { sqlTekst as q } from "./sql.js";

/** The graph of a bundle's models (already in run order), for `select`. */
export function graafVan(bundle) {
  const creator = new Map();
  for (const m of bundle.models) for (const c of m.creates ?? []) creator.set(c, m.name);
  return { models: bundle.models, creator, onDemand: [] };
}

/** The models that turn parameters into per-year values: what a change of overrides must re-run first. */
export function parameterModellen(graaf) {
  return select(graaf, { downstreamOf: ["scenario_overrides"], upstreamOf: ["int_parameters_per_jaar"] });
}

/** A filter of model names that passes the models given. */
export const alleen = (models) => {
  const namen = new Set(models.map((m) => m.name));
  return (name) => namen.has(name);
};

/**
 * Loads the bundle's staging tables: from Arrow IPC when the bundle carries it (`bundle.arrow`, the site's
 * data/staging.bin: pipelines/site/bundle.ts stagingArrow) and the adapter can insert it, else from the CSV text of
 * each table. Either way each column gets its DuckDB type, so the tables are the same.
 */
export async function loadStaging(db, bundle) {
  await db.query("SET autoinstall_known_extensions = false");
  await db.query("SET autoload_known_extensions = false");
  if (bundle.arrow && db.insertArrowIPC) {
    const bytes = bundle.arrow;
    const n = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
    const index = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + n)));
    for (const t of index) {
      const start = 4 + n + t.offset;
      // a copy: the engine's worker takes over the buffer it is given
      await db.insertArrowIPC(`${t.table}_arrow`, bytes.slice(start, start + t.length));
      const columns = t.columns.map((c) => `CAST("${c.name}" AS ${c.type}) AS "${c.name}"`).join(", ");
      await db.query(`CREATE OR REPLACE TABLE ${t.table} AS SELECT ${columns} FROM ${t.table}_arrow; DROP TABLE ${t.table}_arrow`);
    }
  } else {
    for (const t of bundle.staging) {
      const file = `${t.table}.csv`;
      await db.registerFileText(file, t.csv);
      const columns = t.columns.map((c) => `${q(c.name)}: ${q(c.type)}`).join(", ");
      await db.query(
        `CREATE OR REPLACE TABLE ${t.table} AS SELECT * FROM read_csv(${q(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '', columns = {${columns}})`,
      );
    }
  }
  await setOverrides(db, []);
}

/** SQL that sets parameter overrides as the pipeline takes them: [{parameter_id, vanaf_jaar, waarde, laag, hoog, toelichting}]. */
export function overridesSql(overrides) {
  const num = (v) => (v === null || v === undefined ? "NULL" : Number.isFinite(Number(v)) ? String(Number(v)) : "NULL");
  const rows = overrides.map(
    (o) => `(${q(o.parameter_id)}, ${o.vanaf_jaar ?? "NULL"}, ${q(o.waarde)}, ${num(o.laag)}, ${num(o.hoog)}, ${o.toelichting ? q(o.toelichting) : "NULL"})`,
  );
  return (
    "CREATE OR REPLACE TABLE scenario_overrides (parameter_id VARCHAR, vanaf_jaar INTEGER, waarde VARCHAR, laag DOUBLE, hoog DOUBLE, toelichting VARCHAR)" +
    (rows.length ? `;\nINSERT INTO scenario_overrides VALUES ${rows.join(", ")}` : "")
  );
}

export async function setOverrides(db, overrides) {
  await db.query(overridesSql(overrides));
}

/**
 * Runs the model files whose names pass `filter`, in run order.
 * @param {{ query(sql: string): Promise<unknown> }} db @param {{ models: { name: string, sql: string }[] }} bundle
 * @param {(name: string) => boolean} [filter]
 */
export async function runModels(db, bundle, filter = () => true) {
  for (const m of bundle.models) {
    if (!filter(m.name)) continue;
    try {
      await db.query(m.sql);
    } catch (e) {
      throw new Error(`model ${m.name} failed: ${/** @type {Error} */ (e).message}`);
    }
  }
}

/**
 * The engine over a loaded adapter: query, and run the models with a scenario's overrides. Like a Node session
 * (pipelines/warehouse/session.ts) it knows which models hold what their inputs give now (actueel.js): `runFor` runs
 * only the stale ones, `run` and `runModels` run what they are given.
 */
export async function modelEngine(adapter, bundle, close = () => {}) {
  // every statement the engine runs is followed, so that `batch` replays a statement only on what it made itself
  const her = herhaling(geschrevenNamen);
  const db = {
    ...adapter,
    /** @param {string} sql */
    async query(sql) {
      try {
        const rows = await adapter.query(sql);
        her.zag(sql);
        return rows;
      } catch (e) {
        her.vergeet();
        throw e;
      }
    },
  };
  await loadStaging(db, bundle);
  const graaf = graafVan(bundle);
  const bij = actueelBijhouder(graaf);
  /** @param {any[]} lijst */
  const overrides = (lijst) => zetOverrides(bij, lijst, () => setOverrides(db, lijst));
  /** Runs the bundle's models that pass `filter`, in run order; with `alleenVerouderd`, only those stale in their turn. */
  const draai = (/** @type {(name: string) => boolean} */ filter, alleenVerouderd = false) =>
    draaiBijgehouden(
      bij,
      bundle.models.filter((m) => filter(m.name)),
      (m) => runModels(db, { models: [m] }),
      alleenVerouderd,
    );
  return {
    graaf,
    /** The models a task needs, in run order, as a filter (see graph.js `select`). */
    kies: (criteria) => alleen(select(graaf, criteria)),
    /** A statement; should it write a table, what was made from it is stale. @param {string} sql */
    async query(sql) {
      try {
        return await db.query(sql);
      } finally {
        bij.statement(sql);
      }
    },
    /** Sets the overrides and runs the models that pass `filter` (all by default). */
    /** @param {object[]} lijst @param {(name: string) => boolean} [filter] */
    async run(lijst, filter = () => true) {
      await overrides(lijst);
      await draai(filter);
    },
    /**
     * Sets the overrides and brings these tables (or model files) up to date: runs the stale models they are made from.
     * @param {string[]} tabellen @param {object[]} [lijst]
     */
    async runFor(tabellen, lijst) {
      if (lijst) await overrides(lijst);
      await draai(alleen(select(graaf, { upstreamOf: tabellen })), true);
    },
    /** Runs the models that pass `filter` with the overrides already in place. */
    runModels: (/** @type {(name: string) => boolean} */ filter) => draai(filter),
    /**
     * One round trip for a list of steps, each SQL text or a filter of model names (those models, in run order);
     * returns the rows of the last statement. Each call to the engine costs milliseconds in the browser; a failure
     * is re-run step by step so that the error names the model file. A statement the engine ran before is executed
     * on the plan it was given then (engine/herhaling.js): a question asked again at every slider change is planned
     * once.
     */
    /** @param {(string | ((name: string) => boolean))[]} steps @returns {Promise<any[]>} */
    async batch(steps) {
      const strip = (t) => t.trim().replace(/;+\s*$/, "");
      const texts = steps.flatMap((st) => (typeof st === "string" ? [st] : bundle.models.filter((m) => st(m.name)).map((m) => m.sql)));
      // the bookkeeping of the steps in their order, as if each ran on its own
      for (const st of steps) {
        if (typeof st === "string") bij.statement(st);
        else
          for (const m of bundle.models.filter((x) => st(x.name))) {
            bij.draait(m.name);
            bij.gedraaid(m.name);
          }
      }
      try {
        // statements run before are replayed on their plans (engine/herhaling.js), with the statistics optimiser off
        const { tekst, voorbereid } = her.tekst(texts.map(strip).filter(Boolean).join(";\n"));
        if (!voorbereid) return await adapter.query(tekst);
        try {
          return await adapter.query(`${ALLEEN_ZONDER_STATISTIEK};\n${tekst}`);
        } finally {
          await adapter.query(MET_STATISTIEK);
        }
      } catch {
        her.vergeet();
        let rows = [];
        try {
          for (const st of steps) {
            if (typeof st === "string") rows = await db.query(st);
            else await runModels(db, bundle, st);
          }
        } catch (e) {
          bij.geschreven(null); // a step failed: nothing is known to be current
          throw e;
        }
        return rows;
      }
    },
    /** How many statements `batch` ran on a plan made before (engine/herhaling.js). */
    herhaald: () => her.uitgevoerd(),
    close,
  };
}
