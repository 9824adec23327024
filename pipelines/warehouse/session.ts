import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { loadOverrides } from "./build.ts";
import { alleen } from "../../engine/engine.js";
import { select } from "../../engine/graph.js";
import { sqlTekst } from "../../engine/sql.js";
import { loadModelGraph } from "./modelfiles.ts";
import { runModels, type ModelFile } from "./models.ts";
import type { Override, RegistryEntry } from "../params/scenario.ts";
import { asNumbers, type Reader, type Row } from "./query.ts";

/**
 * An in-memory copy of a warehouse's staging tables on which the SQL models can be re-run with other
 * parameter overrides, quickly and without writing any file: what the site does in DuckDB-Wasm, and
 * what property tests and scenario sweeps do in Node.
 */
export class ModelSession implements Reader {
  private models: ModelFile[];
  /** The model graph (engine/graph.js), for `select`: which models a task needs, in run order. */
  readonly graaf: ReturnType<typeof loadModelGraph>;

  private constructor(
    private instance: DuckDBInstance,
    private con: DuckDBConnection,
  ) {
    this.graaf = loadModelGraph();
    this.models = this.graaf.models;
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
    return new ModelSession(instance, con);
  }

  /** Runs the models whose names pass the filter, in run order, with the overrides in place. */
  async runSome(filter: (name: string) => boolean, overrides?: Override[]): Promise<void> {
    if (overrides) await loadOverrides(this.con, overrides);
    await runModels(
      (sql) => this.con.run(sql),
      this.models.filter((m) => filter(m.name)),
    );
  }

  /**
   * Runs only the models the given tables are made from (graph.js `select` upstreamOf), with the overrides in place:
   * what a test or a question needs when it reads these tables and nothing else. Other tables keep their last state.
   */
  async runFor(tables: string[], overrides?: Override[]): Promise<void> {
    await this.runSome(alleen(select(this.graaf, { upstreamOf: tables })), overrides);
  }

  async exec(sql: string, params?: unknown[]): Promise<void> {
    await this.con.run(sql, params as never);
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
    await loadOverrides(this.con, overrides);
    await runModels((sql) => this.con.run(sql), this.models);
  }

  async all(sql: string, params?: unknown[]): Promise<Row[]> {
    return (await this.con.runAndReadAll(sql, params as never)).getRowObjectsJson() as Row[];
  }

  /** Rows for charts and the site: DECIMAL, BIGINT and HUGEINT as JavaScript numbers (as the warehouse Reader). */
  async numbers(sql: string, params?: unknown[]): Promise<Row[]> {
    const res = await this.con.runAndReadAll(sql, params as never);
    return asNumbers(res.getRowObjectsJson() as Row[], res.columnNames(), res.columnTypes());
  }

  close(): void {
    this.con.closeSync();
    this.instance.closeSync();
  }
}
