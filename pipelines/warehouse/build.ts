import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { loadInputs, type InputFile } from "../load/inputs.ts";
import type { TableSpec } from "../load/schema.ts";
import { readRecords, type Streamed } from "../load/stream.ts";
import { BOOLEAN_WORDS, RowChecker, type ValidTable } from "../load/validate.ts";
import { parseScenario, type Override, type RegistryEntry, type Scenario } from "../params/scenario.ts";
import { readJsonFile } from "../lib/json.ts";
import { RunError } from "../lib/errors.ts";
import { loadModelFiles } from "./modelfiles.ts";
import { sqlTekst as q } from "../../engine/sql.js";
import { commentPublished, dropInternal, loadCatalogue } from "./publiek.ts";
import { runModels, type ModelFile } from "./models.ts";
import { DEFAULT_DB, ROOT, SHIPPED_DATA } from "./paths.ts";

export interface PipelineOptions {
  /** A user's directory in the layout of data/; its files take the place of the shipped ones. */
  dataDir?: string;
  /** Warehouse file to write (atomically). */
  dbPath?: string;
  /** A real recovered-claims ledger (CSV or XLSX) in place of the shipped synthetic one. */
  ledgerPath?: string;
  /** Scenario JSON file overriding registry parameters. */
  scenarioPath?: string;
  /** Scenario object (instead of a file). */
  scenario?: unknown;
  shippedDir?: string;
  /** Directory of SQL models (default models/); tests use it to simulate a failing model. */
  modelsDir?: string;
}

export interface PipelineResult {
  dbPath: string;
  files: InputFile[];
  models: ModelFile[];
  scenario: Scenario | null;
  millis: number;
}

export function registryOf(tables: ValidTable[]): RegistryEntry[] {
  const t = tables.find((x) => x.spec.table === "stg_parameters")!;
  const col = (n: string) => t.spec.columns.findIndex((c) => c.name === n);
  return t.rows.map((r) => ({
    parameter_id: r[col("parameter_id")],
    eenheid: r[col("eenheid")],
    min: r[col("min")] === "" ? null : Number(r[col("min")]),
    max: r[col("max")] === "" ? null : Number(r[col("max")]),
  }));
}

export function readScenario(opts: PipelineOptions, registry: RegistryEntry[]): Scenario | null {
  if (opts.scenario !== undefined) return parseScenario(opts.scenario, registry);
  if (!opts.scenarioPath) return null;
  const json = readJsonFile(opts.scenarioPath);
  return parseScenario(json, registry, opts.scenarioPath);
}

/**
 * Runs the whole pipeline: validate every input, load the staging tables, run the models, write the
 * manifest. The warehouse is built in a new file next to the target and renamed over it only when
 * everything succeeded, so a failed or interrupted run leaves the previous warehouse as it was.
 */
export async function runPipeline(opts: PipelineOptions = {}): Promise<PipelineResult> {
  const started = new Date();
  const t0 = performance.now();
  const dbPath = resolve(opts.dbPath ?? DEFAULT_DB);
  const inputs = await loadInputs(opts.shippedDir ?? SHIPPED_DATA, opts.dataDir ? resolve(opts.dataDir) : undefined, undefined, {
    stg_verhaal_claims: opts.ledgerPath,
  });
  const scenario = readScenario(opts, registryOf(inputs.tables));
  const models = loadModelFiles(opts.modelsDir);

  mkdirSync(dirname(dbPath), { recursive: true });
  const unlock = lockWarehouse(dbPath);
  removeStaleTemps(dbPath);
  const tmpDb = `${dbPath}.tmp-${process.pid}-${Date.now()}`;
  // staging files live next to the target, under the temp prefix the next run cleans up if this one is killed; the
  // claims ledger never goes through a file (DuckDB reads the user's file itself, or loadStaging appends it from memory)
  const csvDir = `${dbPath}.tmp-${process.pid}-staging`;
  mkdirSync(csvDir, { recursive: true });
  const cleanup = () => {
    for (const f of [tmpDb, `${tmpDb}.wal`, `${tmpDb}.spill`, csvDir]) rmSync(f, { recursive: true, force: true });
    unlock();
  };
  // an interrupted run (Ctrl-C, kill) removes what it made and leaves the previous warehouse as it was
  const onSignal = (sig: NodeJS.Signals) => {
    cleanup();
    process.exit(sig === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let instance: DuckDBInstance | undefined;
  let con: DuckDBConnection | undefined;
  try {
    // the models run in memory (what spills goes under the temp prefix); only the public interface, its inputs and
    // the manifest are written to the new file. DuckDB keeps to 2 GiB, so that a national ledger stays within 4 GiB
    instance = await DuckDBInstance.create(":memory:");
    con = await instance.connect();
    const c = con;
    await c.run(`SET temp_directory = ${q(`${tmpDb}.spill`)}; SET memory_limit = '2GiB'`);
    for (const t of inputs.tables) await loadStaging(c, t, csvDir);
    await loadOverrides(c, scenario?.overrides ?? []);
    await runModels((sql) => c.run(sql), models);
    const catalogue = loadCatalogue(opts.modelsDir);
    await dropInternal(c, catalogue);
    await commentPublished(c, catalogue);
    await writeManifest(c, { started, inputs: inputs.files, models, opts, scenario });
    await c.run(`ATTACH ${q(tmpDb)} AS uit; COPY FROM DATABASE memory TO uit; DETACH uit`);
    con.closeSync();
    con = undefined;
    instance.closeSync();
    instance = undefined;
    rmSync(`${tmpDb}.wal`, { force: true });
    renameSync(tmpDb, dbPath);
    rmSync(`${dbPath}.wal`, { force: true });
  } catch (e) {
    con?.closeSync();
    instance?.closeSync();
    throw e;
  } finally {
    cleanup();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
  return { dbPath, files: inputs.files, models, scenario, millis: performance.now() - t0 };
}

/** True when a process with this id runs (the lock's or a temp file's owner). */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * One pipeline at a time per warehouse: a lock file next to the target holds the process id. A second run refuses
 * with the owner's id; a lock whose process is gone (a killed run) is stale and taken over. Returns the release.
 */
export function lockWarehouse(dbPath: string): () => void {
  const lock = `${dbPath}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, `${process.pid}\n${new Date().toISOString()}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (!released) {
          released = true;
          rmSync(lock, { force: true });
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const [pidText, since] = (() => {
        try {
          return readFileSync(lock, "utf8").split("\n");
        } catch {
          return ["", ""];
        }
      })();
      const pid = Number(pidText);
      if (alive(pid)) {
        throw new WarehouseBusyError(
          `${dbPath}: another pipeline (process ${pid}, started ${since || "at an unknown time"}) is writing this warehouse; wait for it to finish, or use --db for another file. Nothing was changed.`,
        );
      }
      // stale: its process is gone. Taken over by moving it aside (atomic), so that of two runs that both found it, one
      // moves it; a run that finds it moved a live lock instead (made after it read the stale one) puts it back
      const aside = `${lock}.stale-${process.pid}`;
      try {
        renameSync(lock, aside);
      } catch {
        continue;
      }
      if (readFileSync(aside, "utf8").split("\n")[0] !== pidText) {
        try {
          linkSync(aside, lock);
        } catch {
          // a third run took the lock in the meantime: it holds it now
        }
        rmSync(aside, { force: true });
        continue;
      }
      rmSync(aside, { force: true });
    }
  }
  throw new WarehouseBusyError(`${dbPath}: could not take the lock ${lock}. Nothing was changed.`);
}

export class WarehouseBusyError extends RunError {}

/** Leftovers of interrupted runs (their process is gone) are removed; the warehouse itself is not touched. */
function removeStaleTemps(dbPath: string) {
  const dir = dirname(dbPath);
  const prefix = `${basename(dbPath)}.tmp-`;
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(prefix)) continue;
    const pid = Number(f.slice(prefix.length).split("-")[0]);
    if (pid === process.pid || !alive(pid)) rmSync(join(dir, f), { recursive: true, force: true });
  }
}

function csvField(v: string): string {
  return v === "" ? "" : `"${v.replace(/"/g, '""')}"`;
}

/**
 * A checked table into DuckDB, typed by its spec and in its key's order (a streamed ledger in its file's order), with
 * its descriptions as comments.
 */
export async function loadStaging(con: DuckDBConnection, t: ValidTable, csvDir: string) {
  if (t.streamed) await loadStreamed(con, t, t.streamed);
  else if (t.spec.personalDataFree) {
    // a table that must hold no personal data (the claims ledger) is appended from memory, never written to a file
    await appendRows(con, t.spec, (row) => {
      for (const r of t.rows) row(r);
    });
  } else {
    const path = join(csvDir, `${t.spec.table}.csv`);
    const lines = [t.spec.columns.map((c) => c.name).join(",")];
    for (const r of t.rows) lines.push(r.map(csvField).join(","));
    writeFileSync(path, lines.join("\n") + "\n");
    const columns = t.spec.columns.map((c) => `${q(c.name)}: ${q(c.sql)}`).join(", ");
    await con.run(
      `CREATE TABLE ${t.spec.table} AS SELECT * FROM read_csv(${q(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '', columns = {${columns}}) ORDER BY ${t.spec.key.join(", ")}`,
    );
    rmSync(path, { force: true });
  }
  await con.run(`COMMENT ON TABLE ${t.spec.table} IS ${q(`${t.spec.description} (${t.file})`)}`);
  for (const c of t.spec.columns) {
    await con.run(`COMMENT ON COLUMN ${t.spec.table}.${c.name} IS ${q(c.description + (c.unit ? ` [${c.unit}]` : ""))}`);
  }
}

/**
 * A checked text cell cast to its column's type. A DECIMAL wider than 18 digits is cast through DECIMAL(18, s) when the
 * text is too short to have more than 18 - s digits before its point, which gives the same value: DuckDB casts text
 * to a 128-bit decimal about a hundred times slower than to a 64-bit one (4 s against 40 ms for a million amounts).
 */
export function castText(expr: string, sql: string): string {
  const m = /^DECIMAL\((\d+),\s*(\d+)\)$/i.exec(sql);
  if (!m || Number(m[1]) <= 18 || Number(m[2]) > 17) return `CAST(${expr} AS ${sql})`;
  return `CASE WHEN length(${expr}) <= ${18 - Number(m[2])} THEN CAST(CAST(${expr} AS DECIMAL(18, ${m[2]})) AS ${sql}) ELSE CAST(${expr} AS ${sql}) END`;
}

/**
 * A staging table from rows of normalised text ("" for empty) given to `row`: text columns first, then typed, in the
 * key's order unless `fileOrder`.
 */
async function appendRows(con: DuckDBConnection, spec: TableSpec, each: (row: (r: string[]) => void) => void, fileOrder = false) {
  const raw = `${spec.table}_tekst`;
  await con.run(`CREATE TEMP TABLE ${raw} (${spec.columns.map((c) => `"${c.name}" VARCHAR`).join(", ")})`);
  const app = await con.createAppender(raw, "main", "temp");
  each((r) => {
    for (const v of r)
      if (v === "") app.appendNull();
      else app.appendVarchar(v);
    app.endRow();
  });
  app.flushSync();
  app.closeSync();
  await con.run(
    `CREATE TABLE ${spec.table} AS SELECT ${spec.columns.map((c) => `${castText(`"${c.name}"`, c.sql)} AS "${c.name}"`).join(", ")} FROM ${raw}${fileOrder ? "" : ` ORDER BY ${spec.key.join(", ")}`}`,
  );
  await con.run(`DROP TABLE ${raw}`);
}

/**
 * A table read record by record (load/stream.ts), never held whole. When every cell is as the loader writes it,
 * DuckDB reads the user's file itself, every field as text, typed like the other tables (a yes/no by BOOLEAN_WORDS),
 * and the table counts as read only when its rows and each column's values number what the loader counted.
 * Otherwise the file is read again and its rows normalised and appended from memory. No copy is written. Either way
 * the rows stay in the file's order: sorting ten million by their key would cost 3 s and tell the models nothing.
 */
async function loadStreamed(con: DuckDBConnection, t: ValidTable, s: Streamed) {
  const { spec } = t;
  if (s.canonical) {
    const field = (j: number) => {
      const k = `k${s.position[j]}`;
      if (s.position[j] < 0) return "NULL";
      if (spec.columns[j].type !== "boolean") return k;
      const words = (w: string[]) => w.map(q).join(", ");
      return `CASE WHEN lower(${k}) IN (${words(BOOLEAN_WORDS.true)}) THEN 'true' WHEN lower(${k}) IN (${words(BOOLEAN_WORDS.false)}) THEN 'false' END`;
    };
    try {
      await con.run(
        `CREATE TABLE ${spec.table} AS SELECT ${spec.columns.map((c, j) => `${castText(field(j), c.sql)} AS "${c.name}"`).join(", ")}
         FROM read_csv(${q(s.path)}, header = true, auto_detect = false, delim = ${q(s.decimalComma ? ";" : ",")}, quote = '"', escape = '"', nullstr = '', strict_mode = true, columns = {${s.header.map((_, i) => `'k${i}': 'VARCHAR'`).join(", ")}})`,
      );
      // a checked value is never cast to NULL, so the typed table counts what the text had
      const counts = (await con.runAndReadAll(`SELECT count(*), ${spec.columns.map((c) => `count("${c.name}")`).join(", ")} FROM ${spec.table}`))
        .getRows()[0]
        .map(Number);
      if (counts[0] === s.rows && s.filled.every((n, j) => counts[j + 1] === n)) return;
    } catch {
      // DuckDB's reader takes the file otherwise than the loader: appended from memory below
    }
    await con.run(`DROP TABLE IF EXISTS ${spec.table}`);
  }
  const checker = new RowChecker(spec, s.header, t.file, s.decimalComma);
  await appendRows(
    con,
    spec,
    (row) => {
      const { issue } = readRecords(s.path, t.file, (_p, line, cells) => {
        const out = checker.check(line, cells, []);
        if (!out) throw new Error(`${t.file}:${line} changed while it was loaded: run again`);
        row(out);
        return true;
      });
      if (issue) throw new Error(`${t.file} changed while it was loaded: run again`);
    },
    true,
  );
}

export async function loadOverrides(con: DuckDBConnection, overrides: Override[]) {
  await con.run(
    `CREATE OR REPLACE TABLE scenario_overrides (parameter_id VARCHAR, vanaf_jaar INTEGER, waarde VARCHAR, laag DOUBLE, hoog DOUBLE, toelichting VARCHAR)`,
  );
  for (const o of overrides) {
    await con.run(`INSERT INTO scenario_overrides VALUES ($1, $2, $3, $4, $5, $6)`, [o.parameter_id, o.vanaf_jaar, o.waarde, o.laag, o.hoog, o.toelichting]);
  }
}

export function codeVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  const git = spawnSync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  if (git.status !== 0) return pkg.version;
  const dirty = spawnSync("git", ["status", "--porcelain", "--", "pipelines", "models", "data"], { cwd: ROOT, encoding: "utf8" });
  return `${pkg.version}+${git.stdout.trim()}${dirty.stdout.trim() ? ".dirty" : ""}`;
}

async function writeManifest(
  con: DuckDBConnection,
  m: { started: Date; inputs: InputFile[]; models: ModelFile[]; opts: PipelineOptions; scenario: Scenario | null },
) {
  const scenarioHash =
    m.opts.scenarioPath && existsSync(m.opts.scenarioPath)
      ? createHash("sha256").update(readFileSync(m.opts.scenarioPath)).digest("hex")
      : m.scenario
        ? createHash("sha256").update(JSON.stringify(m.scenario.raw)).digest("hex")
        : null;
  const version = (await con.runAndReadAll("SELECT version()")).getRows()[0][0] as string;
  await con.run(
    `CREATE TABLE run_manifest AS SELECT
      $1::TIMESTAMPTZ AS gestart, now() AS klaar, $2 AS code_versie, $3 AS node_versie, $4 AS duckdb_versie,
      $5 AS data_map, $6 AS scenario_bestand, $7 AS scenario_sha256, $8 AS scenario_naam`,
    [
      m.started.toISOString(),
      codeVersion(),
      process.version,
      version,
      m.opts.dataDir ? resolve(m.opts.dataDir) : null,
      m.opts.scenarioPath ?? null,
      scenarioHash,
      m.scenario?.naam ?? null,
    ],
  );
  await con.run(`CREATE TABLE run_inputs (tabel VARCHAR, bestand VARCHAR, herkomst VARCHAR, sha256 VARCHAR, bytes BIGINT, rijen BIGINT)`);
  for (const f of m.inputs) await con.run(`INSERT INTO run_inputs VALUES ($1, $2, $3, $4, $5, $6)`, [f.table, f.path, f.origin, f.sha256, f.bytes, f.rows]);
  await con.run(`CREATE TABLE run_models (volgorde INTEGER, bestand VARCHAR, regel VARCHAR, maakt VARCHAR[], sha256 VARCHAR)`);
  let i = 0;
  for (const mod of m.models) {
    await con.run(`INSERT INTO run_models VALUES ($1, $2, $3, $4::VARCHAR[], $5)`, [
      ++i,
      `models/${mod.name}`,
      mod.regel,
      `[${mod.creates.map(q).join(", ")}]`,
      createHash("sha256").update(mod.sql).digest("hex"),
    ]);
  }
}
