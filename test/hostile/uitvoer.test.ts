// Hostile input, part of the corpus of test/hostile/: what `afkoop scenario run --out` may write to. Results go only into
// a new directory, or (with --force) replace the results of an earlier run; the tool never removes what it did not
// create. Each case asserts the message and that nothing was lost.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../pipelines/warehouse/paths.ts";
import { freshWarehouse, sha256, tempDir } from "../support/fixtures.ts";

let db: string;
let scenario: string;
beforeAll(async () => {
  db = await freshWarehouse();
  scenario = join(tempDir(), "klein.json");
  writeFileSync(scenario, JSON.stringify({ naam: "klein", montecarlo: { trekkingen: 5, seed: 1 } }));
});

function afkoop(cwd: string, ...args: string[]) {
  const p = spawnSync(process.execPath, [join(ROOT, "bin/afkoop.mjs"), ...args], { encoding: "utf8", cwd, env: { ...process.env, AFKOOP_DB: db } });
  return { code: p.status, out: p.stdout, err: p.stderr };
}

/** Every file below a directory with its hash: what must be there, unchanged, after a refused run. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, f);
    try {
      out[f] = sha256(p);
    } catch {
      out[f] = "dir";
    }
  }
  return out;
}

describe("afkoop scenario run --out: nothing the user owns is replaced or removed", () => {
  it("refuses a directory with the user's own work, and leaves every file in it", () => {
    const dir = tempDir();
    const work = join(dir, "mijn-werk");
    mkdirSync(join(work, "sub"), { recursive: true });
    writeFileSync(join(work, "notities.txt"), "mijn notities");
    writeFileSync(join(work, "sub", "data.csv"), "a,b\n1,2\n");
    const before = snapshot(work);
    const r = afkoop(dir, "scenario", "run", scenario, "--out", work);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--out ${work}: exists and was not made by afkoop scenario run; results go into a new directory. Nothing was changed.`);
    expect(snapshot(work)).toEqual(before);
  });

  it("refuses an existing file, the current directory and /, without a stack trace", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "rapport.docx"), "belangrijk");
    const file = afkoop(dir, "scenario", "run", scenario, "--out", "rapport.docx");
    expect(file.code).toBe(2);
    expect(file.err).toMatch(/rapport\.docx: exists and is not a directory/);
    expect(readFileSync(join(dir, "rapport.docx"), "utf8")).toBe("belangrijk");
    const before = snapshot(dir);
    const here = afkoop(dir, "scenario", "run", scenario, "--out", ".");
    expect(here.code).toBe(2);
    expect(here.err).toMatch(/exists and was not made by afkoop scenario run/);
    expect(snapshot(dir)).toEqual(before);
    const root = afkoop(dir, "scenario", "run", scenario, "--out", "/");
    expect(root.code).toBe(2);
    expect(root.err).toMatch(/--out \/: exists and was not made by afkoop scenario run/);
    for (const r of [file, here, root]) expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("writes into a new directory; replaces an earlier run only with --force, and not once someone added a file to it", () => {
    const dir = tempDir();
    const out = join(dir, "resultaten");
    expect(afkoop(dir, "scenario", "run", scenario, "--out", out).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.gemaakt_door).toBe("afkoop scenario run");
    const again = afkoop(dir, "scenario", "run", scenario, "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/holds the results of an earlier run; add --force to replace them/);
    expect(afkoop(dir, "scenario", "run", scenario, "--out", out, "--force").code).toBe(0);
    writeFileSync(join(out, "mijn-analyse.R"), "summary(x)");
    const forced = afkoop(dir, "scenario", "run", scenario, "--out", out, "--force");
    expect(forced.code).toBe(2);
    expect(forced.err).toMatch(/holds files an earlier run did not make \(mijn-analyse\.R\)/);
    expect(readFileSync(join(out, "mijn-analyse.R"), "utf8")).toBe("summary(x)");
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-") || f.includes(".old-"))).toEqual([]);
    expect(existsSync(join(out, "gemeenten.parquet"))).toBe(true);
  });
});
