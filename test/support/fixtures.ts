import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { inject } from "vitest";
import { runPipeline } from "../../pipelines/warehouse/build.ts";
import { SHIPPED_DATA } from "../../pipelines/warehouse/paths.ts";

export function tempDir(prefix = "afkoop-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The text of a shipped data file (path below data/, with extension). */
export function shipped(rel: string): string {
  return readFileSync(join(SHIPPED_DATA, rel), "utf8");
}

/** A user data directory holding the given files (path below the data root → content). */
export function userData(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir("afkoop-data-");
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

export function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/**
 * One warehouse from the shipped data for every test file that only reads it: built once (by the first file that
 * asks, or by vitest's globalSetup, test/support/global-setup.ts) and shared through AFKOOP_TEST_DB. A file that
 * changes its warehouse builds its own with freshWarehouse().
 */
export async function sharedWarehouse(): Promise<string> {
  let given = process.env.AFKOOP_TEST_DB;
  try {
    given ??= inject("afkoopTestDb");
  } catch {
    // outside a vitest worker (no globalSetup): build one below
  }
  if (given && existsSync(given)) return given;
  const db = await freshWarehouse();
  process.env.AFKOOP_TEST_DB = db;
  return db;
}

/**
 * A private copy of the shared warehouse in a fresh temporary directory: for a file that needs a previous warehouse
 * to protect or to write over, at the cost of a file copy instead of a pipeline run.
 */
export async function warehouseCopy(): Promise<string> {
  const db = join(tempDir(), "afkoop.duckdb");
  copyFileSync(await sharedWarehouse(), db);
  return db;
}

/** Builds a warehouse from the shipped data in a fresh temporary directory and returns its path. */
export async function freshWarehouse(): Promise<string> {
  const db = join(tempDir(), "afkoop.duckdb");
  await runPipeline({ dbPath: db });
  return db;
}

/** Replaces the line of a CSV that starts with `prefix` (first match) by `replacement`. */
export function replaceLine(csv: string, prefix: string, replacement: string): string {
  const lines = csv.split("\n");
  const i = lines.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with ${prefix}`);
  lines[i] = replacement;
  return lines.join("\n");
}

/** 1-based line number of the first line starting with `prefix`. */
export function lineOf(csv: string, prefix: string): number {
  return csv.split("\n").findIndex((l) => l.startsWith(prefix)) + 1;
}

declare module "vitest" {
  export interface ProvidedContext {
    afkoopTestDb: string;
  }
}
