// Hostile conditions for the warehouse build: a pipeline killed at several moments, then two pipelines on one --db.
// The previous warehouse stays byte for byte as it was, no staging file holds the claims ledger, a killed run's lock
// and leftovers are taken over by the next run, a second concurrent run refuses with a clear message, and the warehouse
// the next run builds is the same as the first run's (idempotence: the same inputs give the same tables).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../pipelines/warehouse/paths.ts";
import { lockWarehouse } from "../../pipelines/warehouse/build.ts";
import { sha256, sharedWarehouse, tempDir, warehouseCopy } from "../support/fixtures.ts";
import { compareWarehouses } from "../support/warehouse-compare.ts";

let db: string;
beforeAll(async () => {
  db = await warehouseCopy();
});

const bin = join(ROOT, "bin/afkoop.mjs");

/** A pipeline on the warehouse, with its exit code and what it wrote to stderr. */
const pipeline = () =>
  new Promise<{ code: number | null; err: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, "pipeline", "--db", db], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.once("exit", (code) => resolve({ code, err }));
  });

/** Files next to the warehouse that a run leaves behind, and any that holds a case id of the shipped ledger. */
function leftovers(dir: string) {
  const ids = readFileSync(join(ROOT, "data/verhaal/verhaalde_claims.csv"), "utf8")
    .split("\n")
    .slice(1, 4)
    .map((l) => l.split(",")[0])
    .filter(Boolean);
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f !== "afkoop.duckdb");
  const plaintext = files.filter((f) => {
    try {
      const t = readFileSync(join(dir, f));
      return ids.some((id) => t.includes(id));
    } catch {
      return false;
    }
  });
  return { files, plaintext };
}

/** Resolves when the build of process `pid` in `dir` is under way (its staging directory exists): a moment tied to
 * the build's progress, not to the machine's speed. */
async function building(dir: string, pid: number | undefined): Promise<void> {
  const t0 = Date.now();
  while (!readdirSync(dir).includes(`afkoop.duckdb.tmp-${pid}-staging`)) {
    if (Date.now() - t0 > 30_000) throw new Error("the build did not start within 30 s");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("a pipeline killed at any moment", () => {
  it("leaves the previous warehouse byte for byte and never writes the ledger as plain text; the next run takes over its lock, and one started meanwhile refuses", async () => {
    const before = sha256(db);
    // while starting (before anything is made), as the build starts, and while it loads and runs the models
    for (const [ms, after] of [
      [400, false],
      [0, true],
      [600, true],
    ] as const) {
      const child = spawn(process.execPath, [bin, "pipeline", "--db", db], { stdio: "ignore" });
      if (after) await building(dirname(db), child.pid);
      await new Promise((r) => setTimeout(r, ms));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      const when = after ? `killed ${ms} ms into the build` : `killed after ${ms} ms`;
      expect(sha256(db), when).toBe(before);
      // killed mid-run, not after it: its staging directory is still there
      if (after) expect(leftovers(dirname(db)).files, when).toContain(`afkoop.duckdb.tmp-${child.pid}-staging`);
      // a killed run can leave its temporary database (which holds the ledger as the warehouse does), staging files of
      // public data and its lock; no staging file holds a case of the ledger, and the next run removes them all
      const tempDb = /^afkoop\.duckdb\.tmp-\d+-\d+(\.wal)?$/;
      expect(
        leftovers(dirname(db)).plaintext.filter((f) => !tempDb.test(f)),
        when,
      ).toEqual([]);
    }
    // the next run takes over the killed run's lock and leftovers; a second run started meanwhile refuses, naming it
    const [a, b] = await Promise.all([pipeline(), new Promise((r) => setTimeout(r, 300)).then(pipeline)]);
    expect([a.code, b.code].sort(), a.err + b.err).toEqual([0, 1]);
    const refused = a.code === 1 ? a : b;
    expect(refused.err).toMatch(
      /another pipeline \(process \d+, started .*\) is writing this warehouse; wait for it to finish, or use --db for another file\. Nothing was changed\./,
    );
    expect(refused.err).not.toMatch(/\n\s+at /);
    expect(leftovers(dirname(db)).files).toEqual([]);
    expect(existsSync(`${db}.lock`)).toBe(false);
    // and the warehouse it built is whole: the same as the first run's on the same inputs (the shared warehouse, of
    // which db was a copy), compared in SQL with both attached (compareWarehouses). Every table but the run manifest
    // (its times differ) has the same rows. The loader's tables (staging, overrides, run inputs and models) are
    // identical row for row, every column (EXCEPT ALL both ways); so are the models' tables in every column that is not
    // DOUBLE (DECIMAL amounts, text, whole numbers). DOUBLE results of the models may differ in their last bits
    // (parallel sums in DuckDB), so per DOUBLE column a checksum (count, sum, sum of absolute values) agrees to 1e-9.
    const tables = await compareWarehouses(await sharedWarehouse(), db, ["run_manifest"]);
    expect(tables.length).toBeGreaterThan(25);
    for (const t of tables) {
      expect(t.inB, `${t.tabel}: in the second warehouse`).toBe(true);
      expect(t.rijenB, `${t.tabel}: rows`).toBe(t.rijenA);
      if (t.verschil !== null) expect(Number(t.verschil), `${t.tabel}: rows differing in ${t.exact.join(", ")}`).toBe(0);
      for (const c of t.checksums) {
        expect(c.b.n, `${t.tabel}.${c.kolom}: count`).toBe(c.a.n);
        for (const k of ["s", "m"] as const) {
          const [p, r] = [c.a[k], c.b[k]];
          expect(Math.abs(p - r) <= 1e-9 * Math.max(1, Math.abs(p), Math.abs(r)), `${t.tabel}.${c.kolom}: ${k} ${p} vs ${r}`).toBe(true);
        }
      }
    }
  });

  it("a run stopped with Ctrl-C (SIGINT) or SIGTERM removes what it made", async () => {
    const before = sha256(db);
    for (const sig of ["SIGINT", "SIGTERM"] as const) {
      const child = spawn(process.execPath, [bin, "pipeline", "--db", db], { stdio: "ignore" });
      await building(dirname(db), child.pid);
      await new Promise((r) => setTimeout(r, 300));
      child.kill(sig);
      await new Promise((r) => child.once("exit", r));
      expect(sha256(db)).toBe(before);
      expect(leftovers(dirname(db)).files, sig).toEqual([]);
    }
  });
});

describe("the warehouse lock", () => {
  it("a lock whose process is gone is taken over, leaving nothing beside it; a live one is refused, naming its process", () => {
    const dir = tempDir();
    const target = join(dir, "w.duckdb");
    // a process id that is no longer running: a child that has exited
    const gone = spawnSync(process.execPath, ["-e", "process.pid"]).pid!;
    writeFileSync(`${target}.lock`, `${gone}\n2026-01-01T00:00:00.000Z\n`);
    const release = lockWarehouse(target);
    expect(readFileSync(`${target}.lock`, "utf8").split("\n")[0]).toBe(String(process.pid));
    expect(readdirSync(dir)).toEqual(["w.duckdb.lock"]);
    expect(() => lockWarehouse(target)).toThrow(new RegExp(`another pipeline \\(process ${process.pid}, started `));
    release();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("statistical disclosure control of what the ledger publishes", () => {
  it("every difference between published cells of a triangle is a sum over at least verhaal.sdc_minimum claims, or none", async () => {
    const { withWarehouse } = await import("../../pipelines/warehouse/query.ts");
    const { param } = await import("../support/registry.ts");
    const k = param("verhaal.sdc_minimum", 2015).toNumber();
    const cells = await withWarehouse({ dbPath: db }, (r) => r.all("SELECT driehoek, origin, dev, waarde FROM cl_invoer ORDER BY driehoek, origin, dev"));
    // the claims behind each published increment, recomputed from the ledger itself
    const claims = await withWarehouse({ dbPath: db }, (r) =>
      r.all(`
      SELECT regeling || '-verhaald' AS driehoek, CAST(year(ongevalsdatum) AS INTEGER) AS origin, CAST(year(datum_geregeld) - year(ongevalsdatum) + 1 AS INTEGER) AS dev, verhaald AS bedrag
      FROM stg_verhaal_claims WHERE status = 'geregeld'
      UNION ALL SELECT regeling || '-meldingen', CAST(year(ongevalsdatum) AS INTEGER), CAST(year(datum_gemeld) - year(ongevalsdatum) + 1 AS INTEGER), 1 FROM stg_verhaal_claims`),
    );
    // per origin: the published value at each development age must be the sum of that origin's claims up to some age
    // e <= dev (what was released), and between two different published values at least k claims were released
    let increments = 0;
    let held = 0;
    for (const c of cells) {
      const own = claims.filter((x) => x.driehoek === c.driehoek && x.origin === c.origin);
      const released = (cell: Record<string, unknown>) => {
        for (let e = Number(cell.dev); e >= 0; e--) {
          const upTo = own.filter((x) => Number(x.dev) <= e);
          if (Math.abs(upTo.reduce((t, x) => t + Number(x.bedrag), 0) - Number(cell.waarde)) < 0.005) return upTo.length;
        }
        throw new Error(`${cell.driehoek} ${cell.origin} dev ${cell.dev}: published value is no sum of its claims`);
      };
      const now = released(c);
      if (now < own.filter((x) => Number(x.dev) <= Number(c.dev)).length) held++;
      const prev = cells.find((p) => p.driehoek === c.driehoek && p.origin === c.origin && Number(p.dev) === Number(c.dev) - 1);
      const before = prev ? released(prev) : 0;
      if (Math.abs(Number(c.waarde) - (prev ? Number(prev.waarde) : 0)) > 0.005) {
        increments++;
        expect(now - before, `${c.driehoek} ${c.origin} dev ${c.dev}`).toBeGreaterThanOrEqual(k);
      }
    }
    expect(increments).toBeGreaterThan(10);
    expect(held).toBeGreaterThan(0);
  });

  it("a calibration row over fewer than the minimum number of cases shows nothing but that it was suppressed", async () => {
    const { withWarehouse } = await import("../../pipelines/warehouse/query.ts");
    const rows = await withWarehouse({ dbPath: db }, (r) => r.all("SELECT * FROM verhaal_kalibratie_openbaar"));
    // the unsuppressed calibration is a helper table, not kept in the warehouse: re-made in a session from its ledger
    const { ModelSession } = await import("../../pipelines/warehouse/session.ts");
    const s = await ModelSession.open(db);
    await s.runFor(["verhaal_kalibratie"]);
    const all = await s.all("SELECT voorziening, zaken, geregeld, afgesloten FROM verhaal_kalibratie");
    s.close();
    for (const r of rows) {
      const src = all.find((x) => x.voorziening === r.voorziening)!;
      const small = [src.zaken, src.geregeld, src.afgesloten].some((n) => Number(n) < 5);
      expect(r.onderdrukt, String(r.voorziening)).toBe(small);
      if (small) for (const [key, v] of Object.entries(r)) if (!["voorziening", "onderdrukt", "synthetisch"].includes(key)) expect(v, key).toBeNull();
    }
  });
});
