// The afkoop command run inside the test process: `main(argv)` of pipelines/cli/main.ts, with what it writes captured.
// Spawning `node bin/afkoop.mjs` costs about a second per call (process and tsx start-up) and adds nothing to a test
// of what a command prints or which exit code it returns: the bin only registers tsx, turns EPIPE into a quiet exit 0
// and sets process.exitCode to what main returns. The tests where that process boundary is the point (--help of the
// bin itself, `afkoop ... | head`) still spawn it.
import { format } from "node:util";
import { vi } from "vitest";

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

type Main = (argv: string[]) => Promise<number>;

/**
 * The CLI's modules, loaded with AFKOOP_DB set to `db`. paths.ts reads AFKOOP_DB once, when it is first evaluated (as
 * in a fresh process), so a warehouse other than the one the loaded modules saw needs a fresh module graph.
 */
let loaded: { db: string | undefined; main: Main } | undefined;
async function mainFor(db: string | undefined): Promise<Main> {
  if (loaded && loaded.db === db) return loaded.main;
  vi.resetModules();
  const { main } = await withEnv(db, () => import("../../pipelines/cli/main.ts"));
  loaded = { db, main };
  return main;
}

async function withEnv<T>(db: string | undefined, fn: () => Promise<T>): Promise<T> {
  const before = process.env.AFKOOP_DB;
  if (db === undefined) delete process.env.AFKOOP_DB;
  else process.env.AFKOOP_DB = db;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.AFKOOP_DB;
    else process.env.AFKOOP_DB = before;
  }
}

/**
 * Runs `afkoop ...args` in this process as the bin would: AFKOOP_DB set to `db`, the working directory `cwd` (the
 * default pool, forks, allows process.chdir), everything written to standard output and error captured, and an error
 * that escapes main reported on standard error with exit code 1, as node does for the bin's top-level await.
 * Everything is restored afterwards.
 */
export async function afkoopInProcess(args: string[], opts: { db?: string; cwd?: string } = {}): Promise<CliResult> {
  const main = await mainFor(opts.db);
  const captured = { out: "", err: "" };
  const saved = {
    log: console.log,
    info: console.info,
    error: console.error,
    warn: console.warn,
    stdout: process.stdout.write,
    stderr: process.stderr.write,
  };
  // console.* as node formats it; a stream write as its text (a string, or the bytes read as UTF-8)
  const line =
    (to: "out" | "err") =>
    (...a: unknown[]) => {
      captured[to] += `${format(...a)}\n`;
    };
  const write = (to: "out" | "err") =>
    ((chunk: string | Uint8Array) => {
      captured[to] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return true;
    }) as typeof process.stdout.write;
  console.log = console.info = line("out");
  console.error = console.warn = line("err");
  process.stdout.write = write("out");
  process.stderr.write = write("err");
  const cwd = process.cwd();
  try {
    if (opts.cwd) process.chdir(opts.cwd);
    const code = await withEnv(opts.db, () => main(args));
    return { code, ...captured };
  } catch (e) {
    return { code: 1, out: captured.out, err: `${captured.err}${(e as Error).stack ?? e}\n` };
  } finally {
    process.chdir(cwd);
    Object.assign(console, { log: saved.log, info: saved.info, error: saved.error, warn: saved.warn });
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
  }
}
