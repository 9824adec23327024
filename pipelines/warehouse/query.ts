import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { runPipeline, type PipelineOptions } from "./build.ts";
import { DEFAULT_DB } from "./paths.ts";

export type Row = Record<string, unknown>;
export interface Reader {
  /** Rows as JSON values: DECIMAL and BIGINT as exact strings, dates as ISO strings. */
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Rows for charts and the site: DECIMAL, BIGINT and HUGEINT as JavaScript numbers. */
  numbers(sql: string, params?: unknown[]): Promise<Row[]>;
}

const NUMERIC = /^(DECIMAL|BIGINT|HUGEINT|UBIGINT|UHUGEINT)/;

/**
 * Opens the warehouse read-only for `fn`. With a scenario or a data directory the pipeline first builds a
 * private warehouse in a temporary directory (the default warehouse is never touched); without, the
 * default warehouse is used, and built first if it does not exist yet.
 */
export async function withWarehouse<T>(opts: PipelineOptions, fn: (r: Reader) => Promise<T>): Promise<T> {
  let path = resolve(opts.dbPath ?? DEFAULT_DB);
  let tmp: string | undefined;
  if (opts.scenarioPath || opts.scenario !== undefined || opts.dataDir) {
    tmp = mkdtempSync(join(tmpdir(), "afkoop-run-"));
    path = join(tmp, "scenario.duckdb");
    await runPipeline({ ...opts, dbPath: path });
  } else if (!existsSync(path)) {
    await runPipeline({ ...opts, dbPath: path });
  }
  const instance = await DuckDBInstance.create(path, { access_mode: "READ_ONLY" });
  const con = await instance.connect();
  try {
    return await fn({
      all: async (sql, params) => (await con.runAndReadAll(sql, params as never)).getRowObjectsJson() as Row[],
      numbers: async (sql, params) => {
        const res = await con.runAndReadAll(sql, params as never);
        const names = res.columnNames();
        const numeric = res.columnTypes().map((t) => NUMERIC.test(String(t)));
        return (res.getRowObjectsJson() as Row[]).map((row) => {
          for (let i = 0; i < names.length; i++) if (numeric[i] && row[names[i]] !== null) row[names[i]] = Number(row[names[i]]);
          return row;
        });
      },
    });
  } finally {
    con.closeSync();
    instance.closeSync();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
