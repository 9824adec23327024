import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { readScenario, runPipeline, type PipelineOptions } from "./build.ts";
import { DEFAULT_DB } from "./paths.ts";
import { ModelSession } from "./session.ts";

export type Row = Record<string, unknown>;
export interface Reader {
  /** Rows as JSON values: DECIMAL and BIGINT as exact strings, dates as ISO strings. */
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Rows for charts and the site: DECIMAL, BIGINT and HUGEINT as JavaScript numbers. */
  numbers(sql: string, params?: unknown[]): Promise<Row[]>;
}

const NUMERIC = /^(DECIMAL|BIGINT|HUGEINT|UBIGINT|UHUGEINT)/;

/** Converts the numeric columns of a result (DECIMAL, BIGINT, HUGEINT) to JavaScript numbers. */
export function asNumbers(rows: Row[], names: string[], types: unknown[]): Row[] {
  const numeric = types.map((t) => NUMERIC.test(String(t)));
  for (const row of rows) for (let i = 0; i < names.length; i++) if (numeric[i] && row[names[i]] !== null) row[names[i]] = Number(row[names[i]]);
  return rows;
}

/**
 * Opens the warehouse read-only for `fn`. Without a scenario or a data directory the warehouse is used as it is,
 * and built first if it does not exist yet. With a scenario, and `tables` naming what `fn` reads, the models those
 * tables are made from re-run in memory on the warehouse's inputs (a ModelSession; nothing is written). With a data
 * directory, or a scenario but no `tables`, the pipeline builds a private warehouse in a temporary directory. The
 * warehouse itself is never touched.
 */
export async function withWarehouse<T>(opts: PipelineOptions, fn: (r: Reader) => Promise<T>, tables?: string[]): Promise<T> {
  let path = resolve(opts.dbPath ?? DEFAULT_DB);
  let tmp: string | undefined;
  if ((opts.scenarioPath || opts.scenario !== undefined) && !opts.dataDir && tables && existsSync(path)) {
    const s = await ModelSession.open(path);
    try {
      const scenario = readScenario(opts, await s.registry());
      await s.runFor(tables, scenario?.overrides ?? []);
      return await fn(s);
    } finally {
      s.close();
    }
  }
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
        return asNumbers(res.getRowObjectsJson() as Row[], res.columnNames(), res.columnTypes());
      },
    });
  } finally {
    con.closeSync();
    instance.closeSync();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
