import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
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
