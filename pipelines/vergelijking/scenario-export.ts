// The results of an `afkoop scenario run` on disk: where they may go (a new directory, or with --force one this command
// made), the files (Parquet, CSV, XLSX, each with its hash) and the swap that makes them appear only when complete.
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { sheetCell } from "../../engine/export.js";
import { xlsxChunks } from "../../engine/xlsx.js";
import { sqlTekst as sqlString } from "../../engine/sql.js";
import { UsageError } from "../lib/errors.ts";
import type { Row } from "../warehouse/query.ts";
import type { ModelSession } from "../warehouse/session.ts";
import type { ScenarioRunResult } from "./scenario.ts";

/** The folder of a sweep's results per grid point (Parquet, hive-partitioned by punt). */
export const PER_PUNT = "gemeenten-per-punt";

/** What the manifest of a results directory says of its maker: the mark of a directory this tool may replace. */
export const MAKER = "afkoop scenario run";

/**
 * Where results may go, checked before any work starts: a directory that does not exist yet; or, with force, one that
 * an earlier run of this command made (its manifest says so) and that holds nothing but that run's files. Anything
 * else (a file, the user's own directory, '.', '/') is refused: the tool never removes what it did not create.
 */
export function checkOutDir(outDir: string, force: boolean): "nieuw" | "vervangen" {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(outDir);
  } catch {
    return "nieuw";
  }
  const refuse = (why: string) => new UsageError(`--out ${outDir}: ${why}; results go into a new directory. Nothing was changed.`);
  if (!st.isDirectory() || st.isSymbolicLink()) throw refuse("exists and is not a directory");
  let manifest: { gemaakt_door?: unknown; bestanden?: { name: string }[] } | null = null;
  try {
    manifest = JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8"));
  } catch {
    manifest = null;
  }
  if (!manifest || manifest.gemaakt_door !== MAKER) throw refuse(`exists and was not made by ${MAKER}`);
  const ours = new Set(["manifest.json", ...(manifest.bestanden ?? []).map((f) => f.name)]);
  // every file below the directory; a folder counts as ours when it holds one of ours (a sweep's Parquet per grid point)
  const folders = new Set(
    [...ours].flatMap((o) =>
      o
        .split("/")
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join("/")),
    ),
  );
  const foreign = readdirSync(outDir, { recursive: true })
    .map(String)
    .filter((f) => !ours.has(f) && !folders.has(f));
  if (foreign.length) throw refuse(`holds files an earlier run did not make (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", …" : ""})`);
  if (!force) throw new UsageError(`--out ${outDir}: holds the results of an earlier run; add --force to replace them. Nothing was changed.`);
  return "vervangen";
}

/**
 * The results of a run (sr_gemeenten, sr_nationaal, sr_wlz) as Parquet, CSV and XLSX in `tmp`, each with its rows and
 * hash. Text cells are neutralised against formula injection in the CSV and the XLSX, as in the site's downloads.
 */
export async function writeResultFiles(s: ModelSession, tmp: string): Promise<ScenarioRunResult["files"]> {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const files: ScenarioRunResult["files"] = [];
  for (const [table, name] of [
    ["sr_gemeenten", "gemeenten"],
    ["sr_nationaal", "nationaal"],
    ["sr_wlz", "wlz"],
  ] as const) {
    // sorted once; every file is written in this order (a table is scanned in insertion order)
    await s.exec(`CREATE OR REPLACE TEMP TABLE ${table}_geordend AS SELECT * FROM ${table} ORDER BY ALL`);
    await s.exec(`COPY ${table}_geordend TO ${sqlString(join(tmp, name + ".parquet"))} (FORMAT parquet)`);
    // CSV: text cells neutralised against formula injection, as in the XLSX and the site's downloads
    const cols = await s.all(`SELECT column_name AS c, data_type AS t FROM duckdb_columns() WHERE table_name = '${table}' ORDER BY column_index`);
    const list = cols
      .map((x) =>
        String(x.t) === "VARCHAR" ? `CASE WHEN regexp_matches("${x.c}", '^[=+@\t\r-]') THEN chr(39) || "${x.c}" ELSE "${x.c}" END AS "${x.c}"` : `"${x.c}"`,
      )
      .join(", ");
    await s.exec(`COPY (SELECT ${list} FROM ${table}_geordend) TO ${sqlString(join(tmp, name + ".csv"))} (FORMAT csv, HEADER true)`);
    const rows = await s.all(`SELECT * FROM ${table}_geordend`);
    writeXlsx(join(tmp, name + ".xlsx"), name, rows);
    for (const ext of ["parquet", "csv", "xlsx"]) files.push({ name: `${name}.${ext}`, rows: rows.length, sha256: sha256File(join(tmp, `${name}.${ext}`)) });
  }
  // a sweep's municipalities once more as Parquet partitioned by grid point (punt=1/, punt=2/, ...): parts of a sweep
  // too large for one machine, run elsewhere, are read together by any engine that reads a hive-partitioned dataset
  const [{ punten }] = await s.all("SELECT count(DISTINCT punt) AS punten FROM sr_gemeenten");
  if (Number(punten) > 1) {
    await s.exec(`COPY sr_gemeenten_geordend TO ${sqlString(join(tmp, PER_PUNT))} (FORMAT parquet, PARTITION_BY (punt))`);
    const perPunt = await s.all("SELECT punt, count(*) AS n FROM sr_gemeenten GROUP BY punt");
    for (const f of readdirSync(join(tmp, PER_PUNT), { recursive: true }).map(String).sort()) {
      const path = join(tmp, PER_PUNT, f);
      if (!lstatSync(path).isFile()) continue;
      const punt = /punt=(\d+)/.exec(f)?.[1];
      files.push({ name: `${PER_PUNT}/${f}`, rows: Number(perPunt.find((r) => String(r.punt) === punt)?.n ?? 0), sha256: sha256File(path) });
    }
  }
  return files;
}

/** Swaps the new results in: the previous ones (an earlier run's, checked again now) stay until the new ones are complete. */
export function swapIn(outDir: string, tmp: string, force: boolean): void {
  mkdirSync(dirname(outDir), { recursive: true });
  const old = `${outDir}.old-${process.pid}`;
  if (checkOutDir(outDir, force) === "vervangen") renameSync(outDir, old);
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
}

function sha256File(p: string) {
  return createHash("sha256").update(readFileSync(p)).digest("hex");
}

/**
 * Spreadsheet export with the site's writer (engine/xlsx.js), deflated (level 1: measured once on the 2-core
 * development machine, a 20 x 20 sweep's sheet of 142,000 rows, 175 MiB of XML, took about 4 s to 25 MiB; level 6
 * took about twice as long for 21 MiB) and written as it is made; text cells are
 * neutralised against formula injection and numbers stay numbers, as in the site's downloads (engine/export.js).
 */
function writeXlsx(path: string, sheet: string, rows: Row[]) {
  const cols = rows.length ? Object.keys(rows[0]) : [];
  const cells = function* () {
    yield cols;
    for (const r of rows) yield cols.map((c) => (r[c] === null || r[c] === undefined ? null : sheetCell(r[c])));
  };
  const deflate = (b: Uint8Array, last: boolean) => deflateRawSync(b, { level: 1, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
  const fd = openSync(path, "wx");
  try {
    for (const chunk of xlsxChunks(cells(), sheet, deflate, (crc, b) => crc32(b, crc))) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}
