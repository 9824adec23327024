import { resolve } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { existsSync } from "node:fs";
import { loadOverrides, runPipeline } from "./build.ts";
import { DEFAULT_DB } from "./paths.ts";
import { actueelBijhouder, draaiBijgehouden, zetOverrides } from "../../engine/actueel.js";
import { select } from "../../engine/graph.js";
import { sqlTekst } from "../../engine/sql.js";
import { loadModelGraph } from "./modelfiles.ts";
import { runModels, type ModelFile } from "./models.ts";
import type { Override, RegistryEntry } from "../params/scenario.ts";
import { asNumbers, type Reader, type Row } from "./query.ts";

/**
 * An in-memory copy of a warehouse's staging tables on which the SQL models can be re-run with other
 * parameter overrides, quickly and without writing any file: what the site does in DuckDB-Wasm, and
 * what property tests and scenario sweeps do in Node. The session knows which models hold what their inputs give now
 * (engine/actueel.js): `runFor` runs only the stale ones among what it is asked for, `runSome` runs what it is given.
 */
export class ModelSession implements Reader {
  private models: ModelFile[];
  /** The model graph (engine/graph.js), for `select`: which models a task needs, in run order. */
  readonly graaf: ReturnType<typeof loadModelGraph>;
  private bij: ReturnType<typeof actueelBijhouder>;

  private constructor(
    private instance: DuckDBInstance,
    private con: DuckDBConnection,
    /** The warehouse whose staging tables the session holds. */
    readonly warehouse: string,
  ) {
    this.graaf = loadModelGraph();
    this.models = this.graaf.models;
    this.bij = actueelBijhouder(this.graaf);
  }

  static async open(warehouse: string): Promise<ModelSession> {
    const instance = await DuckDBInstance.create(":memory:");
    const con = await instance.connect();
    await con.run(`ATTACH ${sqlTekst(warehouse)} AS wh (READ_ONLY)`);
    const tables = (await con.runAndReadAll("SELECT table_name FROM duckdb_tables() WHERE database_name = 'wh' AND table_name LIKE 'stg\\_%' ESCAPE '\\'"))
      .getRows()
      .map((r) => String(r[0]));
    for (const t of tables) await con.run(`CREATE TABLE ${t} AS SELECT * FROM wh.${t}`);
    await con.run("DETACH wh");
    // no overrides until a run sets them: the shipped parameters
    await loadOverrides(con, []);
    return new ModelSession(instance, con, resolve(warehouse));
  }

  /** Sets the overrides, if they differ from those in place (what a changed parameter touches becomes stale). */
  private async overrides(overrides?: Override[]): Promise<void> {
    if (overrides) await zetOverrides(this.bij, overrides, () => loadOverrides(this.con, overrides));
  }

  /** Runs these models in run order; with `alleenVerouderd`, only those stale when their turn comes. */
  private draai(models: ModelFile[], alleenVerouderd = false): Promise<void> {
    return draaiBijgehouden(this.bij, models, (m) => runModels((sql) => this.con.run(sql), [m]), alleenVerouderd);
  }

  /** Runs the models whose names pass the filter, in run order, with the overrides in place. */
  async runSome(filter: (name: string) => boolean, overrides?: Override[]): Promise<void> {
    await this.overrides(overrides);
    await this.draai(this.models.filter((m) => filter(m.name)));
  }

  /**
   * Brings the given tables (or model files) up to date with the overrides in place: runs the models they are made
   * from (graph.js `select` upstreamOf) that are stale, and nothing else. Other tables keep their last state.
   */
  async runFor(tables: string[], overrides?: Override[]): Promise<void> {
    await this.overrides(overrides);
    await this.draai(select(this.graaf, { upstreamOf: tables }), true);
  }

  async exec(sql: string, params?: unknown[]): Promise<void> {
    try {
      await this.con.run(sql, params as never);
    } finally {
      this.bij.statement(sql);
    }
  }

  /** The registry entries (for validating a scenario against). */
  async registry(): Promise<RegistryEntry[]> {
    const rows = await this.all("SELECT parameter_id, eenheid, CAST(min AS DOUBLE) AS min, CAST(max AS DOUBLE) AS max FROM stg_parameters");
    return rows.map((r) => ({
      parameter_id: String(r.parameter_id),
      eenheid: String(r.eenheid),
      min: r.min === null ? null : Number(r.min),
      max: r.max === null ? null : Number(r.max),
    }));
  }

  /** Re-runs every model with these overrides (replacing the previous ones). */
  async run(overrides: Override[]): Promise<void> {
    await this.runSome(() => true, overrides);
  }

  async all(sql: string, params?: unknown[]): Promise<Row[]> {
    return (await this.read(sql, params)).getRowObjectsJson() as Row[];
  }

  /** A query; should it write a table after all, what was made from it is stale. */
  private async read(sql: string, params?: unknown[]) {
    try {
      return await this.con.runAndReadAll(sql, params as never);
    } finally {
      this.bij.statement(sql);
    }
  }

  /** Rows for charts and the site: DECIMAL, BIGINT and HUGEINT as JavaScript numbers (as the warehouse Reader). */
  async numbers(sql: string, params?: unknown[]): Promise<Row[]> {
    const res = await this.read(sql, params);
    return asNumbers(res.getRowObjectsJson() as Row[], res.columnNames(), res.columnTypes());
  }

  close(): void {
    this.con.closeSync();
    this.instance.closeSync();
  }
}

/**
 * The session to run on: the one given (left open), or a new one on the warehouse `dbPath` (the default one if none),
 * built first if it does not exist yet. `sluit` closes only a session opened here.
 */
export async function sessieVoor(o: { dbPath?: string; session?: ModelSession }): Promise<{ s: ModelSession; sluit: () => void }> {
  if (o.session) return { s: o.session, sluit: () => {} };
  const db = resolve(o.dbPath ?? DEFAULT_DB);
  if (!existsSync(db)) await runPipeline({ dbPath: db });
  const s = await ModelSession.open(db);
  return { s, sluit: () => s.close() };
}
