// Hostile conditions for the warehouse build: a pipeline killed at several moments, two pipelines on one --db. The
// previous warehouse stays byte for byte as it was, no staging file holds the claims ledger, a killed run's lock and
// leftovers are taken over by the next run, and a second concurrent run refuses with a clear message.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../pipelines/warehouse/paths.ts";
import { freshWarehouse, sha256 } from "../support/fixtures.ts";

let db: string;
beforeAll(async () => { db = await freshWarehouse(); });

const bin = join(ROOT, "bin/afkoop.mjs");
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

/** Files next to the warehouse that a run leaves behind, and any that holds a case id of the shipped ledger. */
function leftovers(dir: string) {
  const ids = readFileSync(join(ROOT, "data/verhaal/verhaalde_claims.csv"), "utf8").split("\n").slice(1, 4).map((l) => l.split(",")[0]).filter(Boolean);
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f !== "afkoop.duckdb");
  const plaintext = files.filter((f) => {
    try { const t = readFileSync(join(dir, f)); return ids.some((id) => t.includes(id)); } catch { return false; }
  });
  return { files, plaintext };
}

describe("a pipeline killed at any moment", () => {
  it("leaves the previous warehouse byte for byte, never writes the ledger as plain text, and the next run takes over its lock", async () => {
    const before = sha256(db);
    for (const ms of [400, 1500, 3000]) {
      const child = spawn(process.execPath, [bin, "pipeline", "--db", db], { stdio: "ignore" });
      await new Promise((r) => setTimeout(r, ms));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      expect(sha256(db), `killed after ${ms} ms`).toBe(before);
      // a killed run can leave its temporary database (which holds the ledger as the warehouse does), staging files of
      // public data and its lock; no staging file holds a case of the ledger, and the next run removes them all
      const tempDb = new RegExp(`^afkoop\\.duckdb\\.tmp-\\d+-\\d+(\\.wal)?$`);
      expect(leftovers(dirname(db)).plaintext.filter((f) => !tempDb.test(f)), `killed after ${ms} ms`).toEqual([]);
    }
    const next = run("pipeline", "--db", db);
    expect(next.status, next.stderr).toBe(0);
    expect(leftovers(dirname(db)).files).toEqual([]);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it("a run stopped with Ctrl-C (SIGINT) or SIGTERM removes what it made", async () => {
    const before = sha256(db);
    for (const sig of ["SIGINT", "SIGTERM"] as const) {
      const child = spawn(process.execPath, [bin, "pipeline", "--db", db], { stdio: "ignore" });
      await new Promise((r) => setTimeout(r, 2500));
      child.kill(sig);
      await new Promise((r) => child.once("exit", r));
      expect(sha256(db)).toBe(before);
      expect(leftovers(dirname(db)).files, sig).toEqual([]);
    }
  });
});

describe("two pipelines on one --db", () => {
  it("one builds, the other refuses naming the running one, and the warehouse is whole", async () => {
    const start = () => new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, "pipeline", "--db", db], { stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      child.stderr.on("data", (d) => { err += d; });
      child.once("exit", (code) => resolve({ code, err }));
    });
    const [a, b] = await Promise.all([start(), new Promise((r) => setTimeout(r, 300)).then(start)]);
    const codes = [a.code, b.code].sort();
    expect(codes).toEqual([0, 1]);
    const refused = a.code === 1 ? a : b;
    expect(refused.err).toMatch(/another pipeline \(process \d+, started .*\) is writing this warehouse; wait for it to finish, or use --db for another file\. Nothing was changed\./);
    expect(refused.err).not.toMatch(/\n\s+at /);
    const check = run("wmo", "--year", "2015", "--json", "--db", db);
    expect(check.status).toBe(0);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });
});
