// Hostile input, part of the corpus of test/hostile/: what `afkoop scenario run --out` may write to. Results go only into
// a new directory, or (with --force) replace the results of an earlier run; the tool never removes what it did not
// create. Each case asserts the message and that nothing was lost.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { afkoopInProcess } from "../support/cli.ts";
import { sha256, sharedWarehouse, tempDir } from "../support/fixtures.ts";

let db: string;
let scenario: string;
beforeAll(async () => {
  // scenario run only reads the warehouse it starts from
  db = await sharedWarehouse();
  scenario = join(tempDir(), "klein.json");
  writeFileSync(scenario, JSON.stringify({ naam: "klein", montecarlo: { trekkingen: 5, seed: 1 } }));
});

/** The command in this process (support/cli.ts), run from `cwd` so that a relative --out means what it means to a user. */
const afkoop = (cwd: string, ...args: string[]) => afkoopInProcess(args, { db, cwd });

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
  it("refuses a directory with the user's own work, and leaves every file in it", async () => {
    const dir = tempDir();
    const work = join(dir, "mijn-werk");
    mkdirSync(join(work, "sub"), { recursive: true });
    writeFileSync(join(work, "notities.txt"), "mijn notities");
    writeFileSync(join(work, "sub", "data.csv"), "a,b\n1,2\n");
    const before = snapshot(work);
    const r = await afkoop(dir, "scenario", "run", scenario, "--out", work);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--out ${work}: exists and was not made by afkoop scenario run; results go into a new directory. Nothing was changed.`);
    expect(snapshot(work)).toEqual(before);
  });

  it("refuses an existing file, the current directory and /, without a stack trace", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "rapport.docx"), "belangrijk");
    const file = await afkoop(dir, "scenario", "run", scenario, "--out", "rapport.docx");
    expect(file.code).toBe(2);
    expect(file.err).toMatch(/rapport\.docx: exists and is not a directory/);
    expect(readFileSync(join(dir, "rapport.docx"), "utf8")).toBe("belangrijk");
    const before = snapshot(dir);
    const here = await afkoop(dir, "scenario", "run", scenario, "--out", ".");
    expect(here.code).toBe(2);
    expect(here.err).toMatch(/exists and was not made by afkoop scenario run/);
    expect(snapshot(dir)).toEqual(before);
    const root = await afkoop(dir, "scenario", "run", scenario, "--out", "/");
    expect(root.code).toBe(2);
    expect(root.err).toMatch(/--out \/: exists and was not made by afkoop scenario run/);
    for (const r of [file, here, root]) expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("writes into a new directory; replaces an earlier run only with --force, and not once someone added a file to it", async () => {
    const dir = tempDir();
    const out = join(dir, "resultaten");
    expect((await afkoop(dir, "scenario", "run", scenario, "--out", out)).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.gemaakt_door).toBe("afkoop scenario run");
    const again = await afkoop(dir, "scenario", "run", scenario, "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/holds the results of an earlier run; add --force to replace them/);
    expect((await afkoop(dir, "scenario", "run", scenario, "--out", out, "--force")).code).toBe(0);
    writeFileSync(join(out, "mijn-analyse.R"), "summary(x)");
    const forced = await afkoop(dir, "scenario", "run", scenario, "--out", out, "--force");
    expect(forced.code).toBe(2);
    expect(forced.err).toMatch(/holds files an earlier run did not make \(mijn-analyse\.R\)/);
    expect(readFileSync(join(out, "mijn-analyse.R"), "utf8")).toBe("summary(x)");
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-") || f.includes(".old-"))).toEqual([]);
    expect(existsSync(join(out, "gemeenten.parquet"))).toBe(true);
  });
});
