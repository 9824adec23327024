// The model engine of the site: loads the warehouse's staging tables into a DuckDB connection and runs the
// project's SQL model files on it, unchanged, with a scenario's parameter overrides. It knows nothing of the
// rules themselves: every number comes from the same SQL files the pipeline runs in Node.
// `db` is a small adapter: { query(sql) -> Promise<rows as objects>, registerFileText(name, text) -> Promise }.

const q = (s) => `'${String(s).replace(/'/g, "''")}'`;

export async function loadStaging(db, bundle) {
  await db.query("SET autoinstall_known_extensions = false");
  await db.query("SET autoload_known_extensions = false");
  for (const t of bundle.staging) {
    const file = `${t.table}.csv`;
    await db.registerFileText(file, t.csv);
    const columns = t.columns.map((c) => `${q(c.name)}: ${q(c.type)}`).join(", ");
    await db.query(`CREATE OR REPLACE TABLE ${t.table} AS SELECT * FROM read_csv(${q(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '', columns = {${columns}})`);
  }
  await setOverrides(db, []);
}

/** SQL that sets parameter overrides as the pipeline takes them: [{parameter_id, vanaf_jaar, waarde, laag, hoog, toelichting}]. */
export function overridesSql(overrides) {
  const num = (v) => (v === null || v === undefined ? "NULL" : Number.isFinite(Number(v)) ? String(Number(v)) : "NULL");
  const rows = overrides.map((o) => `(${q(o.parameter_id)}, ${o.vanaf_jaar ?? "NULL"}, ${q(o.waarde)}, ${num(o.laag)}, ${num(o.hoog)}, ${o.toelichting ? q(o.toelichting) : "NULL"})`);
  return "CREATE OR REPLACE TABLE scenario_overrides (parameter_id VARCHAR, vanaf_jaar INTEGER, waarde VARCHAR, laag DOUBLE, hoog DOUBLE, toelichting VARCHAR)"
    + (rows.length ? `;\nINSERT INTO scenario_overrides VALUES ${rows.join(", ")}` : "");
}

export async function setOverrides(db, overrides) {
  await db.query(overridesSql(overrides));
}

/** Runs the model files whose names pass `filter`, in run order. */
export async function runModels(db, bundle, filter = () => true) {
  for (const m of bundle.models) {
    if (!filter(m.name)) continue;
    try {
      await db.query(m.sql);
    } catch (e) {
      throw new Error(`model ${m.name} failed: ${e.message}`);
    }
  }
}

/** The models that turn parameters into per-year values: re-run after every change of overrides. */
export const PARAMETER_MODELS = (name) => name === "intermediate/int_parameter_waarden.sql" || name === "intermediate/int_parameters_per_jaar.sql";

/** The engine over a loaded adapter: query, and run the models with a scenario's overrides. */
export async function modelEngine(db, bundle, close = () => {}) {
  await loadStaging(db, bundle);
  return {
    query: (sql) => db.query(sql),
    /** Sets the overrides and runs the models that pass `filter` (all by default). */
    async run(overrides, filter = () => true) {
      await setOverrides(db, overrides);
      await runModels(db, bundle, filter);
    },
    /** Runs the models that pass `filter` with the overrides already in place. */
    runModels: (filter) => runModels(db, bundle, filter),
    /**
     * One round trip for a list of steps, each SQL text or a filter of model names (those models, in run order);
     * returns the rows of the last statement. Each call to the engine costs milliseconds in the browser; a failure
     * is re-run step by step so that the error names the model file.
     */
    async batch(steps) {
      const strip = (t) => t.trim().replace(/;+\s*$/, "");
      const texts = steps.flatMap((st) => (typeof st === "string" ? [st] : bundle.models.filter((m) => st(m.name)).map((m) => m.sql)));
      try {
        return await db.query(texts.map(strip).filter(Boolean).join(";\n"));
      } catch {
        let rows = [];
        for (const st of steps) {
          if (typeof st === "string") rows = await db.query(st);
          else await runModels(db, bundle, st);
        }
        return rows;
      }
    },
    close,
  };
}
