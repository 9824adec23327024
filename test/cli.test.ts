// The afkoop command: --help everywhere, the calculation with its sources, scenario errors naming the parameter.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../pipelines/warehouse/paths.ts";
import { afkoopInProcess } from "./support/cli.ts";
import { sharedWarehouse, tempDir } from "./support/fixtures.ts";

let db: string;
beforeAll(async () => {
  db = await sharedWarehouse();
});

/** The command in this process (support/cli.ts): what it prints and returns, without a process start per call. */
const afkoop = (...args: string[]) => afkoopInProcess(args, { db });

/** The bin itself, in its own process: kept for the one test of `afkoop --help` as a user runs it. */
function afkoopSpawned(...args: string[]) {
  const p = spawnSync(process.execPath, [join(ROOT, "bin/afkoop.mjs"), ...args], { encoding: "utf8", env: { ...process.env, AFKOOP_DB: db } });
  return { code: p.status, out: p.stdout, err: p.stderr };
}

function scenario(obj: unknown): string {
  const f = join(tempDir(), "scenario.json");
  writeFileSync(f, JSON.stringify(obj));
  return f;
}

describe("afkoop --help", () => {
  it("lists the commands, and every command has its own help", async () => {
    const main = afkoopSpawned("--help");
    expect(main.code).toBe(0);
    const commands = [...main.out.matchAll(/^ {2}([a-z]+) {2,}/gm)].map((m) => m[1]);
    expect(commands).toEqual(expect.arrayContaining(["pipeline", "wmo", "wlz"]));
    for (const c of commands) {
      const h = await afkoop(c, "--help");
      expect(h.code, c).toBe(0);
      expect(h.out).toMatch(new RegExp(`^afkoop ${c} — `));
      expect(h.out).toContain("Usage: afkoop " + c);
    }
  });
  it("refuses an unknown option with the command's help", async () => {
    const r = await afkoop("wmo", "--jaar", "2015");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown option '--jaar'[\s\S]*Usage: afkoop wmo/);
  });
});

describe("afkoop wmo / wlz", () => {
  it("prints each step of the 2015 calculation with its article and sources", async () => {
    const r = await afkoop("wmo", "--year", "2015");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Afkoopsom bij 100% deelname .* EUR 10,850,000 +Art\. 3\.3; Bijlage 1/);
    expect(r.out).toContain("wmo.deelname_gemeenten = 97.45 pct [contract]");
    // the sum at the assumed insurer participation, and Bijlage 1's own 95% example as a step apart
    expect(r.out).toContain("Afkoopsom 2015: EUR 10,361,859");
    expect(r.out).toMatch(/rekenvoorbeeld van Bijlage 1 .* EUR 10,044,659/);
  });

  it("gives JSON with every step traceable to registry parameters", async () => {
    const r = await afkoop("wmo", "--year", "2015", "--json");
    const j = JSON.parse(r.out);
    const ids = new Set(j.parameters.map((p: { parameter_id: string }) => p.parameter_id));
    for (const s of j.steps) for (const p of s.parameters) expect(ids.has(p), p).toBe(true);
    for (const p of j.parameters) expect(p.bron, p.parameter_id).toBeTruthy();
  });

  it("applies a scenario without touching the warehouse", async () => {
    const r = await afkoop("wmo", "--year", "2015", "--json", "--scenario", join(ROOT, "scenarios/voorbeeld-wmo.json"));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.afkoopsom.afkoopsom).toBe("10573325.00");
    const base = JSON.parse((await afkoop("wmo", "--year", "2015", "--json")).out);
    expect(base.afkoopsom.afkoopsom).toBe(String(Math.round(10_573_325 * 0.98)) + ".00");
    expect(base.steps.find((x: { stap: number }) => x.stap === 9).bedrag).toMatch(/^10044659\./);
  });

  it("prints the Wlz steps A-D, the draagvlak and the nota", async () => {
    const r = await afkoop("wlz", "--year", "2025", "--scenario", join(ROOT, "scenarios/voorbeeld-wlz.json"), "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.steps.filter((s: { stand: string }) => s.stand === "voorlopig").map((s: { stap: string }) => s.stap)).toEqual([
      "uitgangspunt",
      "A",
      "B",
      "C",
      "D",
      "afkoopsom",
    ]);
    expect(Number(j.afkoopsom.nacalculatie)).toBe(Number(j.afkoopsom.definitief) - Number(j.afkoopsom.voorlopig));
    expect(j.nota.uiterlijk_verstuurd).toBe("2025-07-01");
  });

  it("says which years exist when asked for another", async () => {
    const r = await afkoop("wmo", "--year", "2020");
    expect(r.code).toBe(2);
    expect(r.err).toContain("no Wmo afkoopsom for 2020; the agreement covers 2015, 2016, 2017, 2018");
  });
});

describe("bad scenarios name the parameter", () => {
  it("an unknown parameter id, with a suggestion", async () => {
    const r = await afkoop("wmo", "--scenario", scenario({ parameters: { "wmo.deelname_gemeente": 95 } }));
    expect(r.code).toBe(2);
    expect(r.err).toContain("parameters.wmo.deelname_gemeente: unknown parameter (did you mean wmo.deelname_gemeenten?)");
  });
  it("a wrong unit", async () => {
    const r = await afkoop("wmo", "--scenario", scenario({ parameters: { "wmo.kosten_vng": { waarde: 100000, eenheid: "eur" } } }));
    expect(r.err).toContain('parameters.wmo.kosten_vng: unit "eur" does not match the unit of wmo.kosten_vng ("pct")');
  });
  it("a participation above 100%", async () => {
    const r = await afkoop("wlz", "--scenario", scenario({ parameters: { "wlz.draagvlak_b1_voorlopig": { "2025": 101 } } }));
    expect(r.code).toBe(2);
    expect(r.err).toContain("parameters.wlz.draagvlak_b1_voorlopig.2025: 101 is outside the allowed range of wlz.draagvlak_b1_voorlopig (0 to 100 pct)");
  });
  it("a value that is not a number", async () => {
    const r = await afkoop("wmo", "--scenario", scenario({ parameters: { "wmo.kosten_vng": "veel" } }));
    expect(r.err).toContain('parameters.wmo.kosten_vng.waarde: expected a number, found "veel"');
  });
});

describe("afkoop triangle, gemeente and ledger", () => {
  it("triangle prints the chain ladder of a CSV as JSON", async () => {
    const r = await afkoop("triangle", "--input", join(ROOT, "test/fixtures/triangles/raa.csv"), "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Math.round(j.totaal.reserve)).toBe(52_135);
    expect(j.perOrigin).toHaveLength(10);
  });
  it("gemeente compares staying in and opting out for one municipality, and names a wrong code", async () => {
    const r = await afkoop("gemeente", "--code", "GM0402", "--year", "2018", "--draws", "50", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.gemeente.gemeentenaam).toBe("Hilversum");
    expect(Number(j.montecarlo.trekkingen)).toBe(50);
    const bad = await afkoop("gemeente", "--code", "GM9999");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--code: no municipality GM9999");
  });
  it("ledger generate writes a synthetic ledger to standard output", async () => {
    const r = await afkoop("ledger", "generate", "--seed", "3", "--from", "2024", "--to", "2024");
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines[0]).toMatch(/^zaak_id,gemeentecode,/);
    expect(lines.slice(1).every((l) => l.endsWith(",ja"))).toBe(true);
  });
});

describe("headlines that carry only what the evidence carries", () => {
  it("afkoop rekenmodel --json gives the sum that would be adequate with its interval, the Sobol drivers and the life-expectancy fit, and a ratio only for a sum the user gives", async () => {
    const r = await afkoop("rekenmodel", "--year", "2024", "--json", "--draws", "1000", "--sobol", "500", "--afkoopsom", "20000000");
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    const b = j.benodigde_afkoopsom;
    expect(b.p05).toBeLessThan(b.p50);
    expect(b.p50).toBeLessThan(b.p95);
    expect(Number(b.p50)).toBe(Number(j.montecarlo.schadelast_p50));
    expect(j.sobol.length).toBeGreaterThan(10);
    for (const s of j.sobol) expect(Object.keys(s).sort()).toEqual(["eerste_orde", "parameter_id", "totaal"]);
    expect(j.levensverwachting.length).toBeGreaterThanOrEqual(3);
    for (const l of j.levensverwachting) expect(Math.abs(Number(l.ratio_model) - Number(l.ratio_bron))).toBeLessThan(0.05);
    expect(j.afkoopsom_gegeven.verhouding).toBeCloseTo(20_000_000 / b.basis, 9);
    expect(Number(j.afkoopsom_gegeven.kans_tekort)).toBeGreaterThan(0);
  });

  it("afkoop wmo --json sets the amount per inhabitant against the reported 61-64 eurocent, and explains a sum outside the reported range", async () => {
    for (const year of ["2015", "2017"]) {
      const j = JSON.parse((await afkoop("wmo", "--year", year, "--json")).out);
      expect(j.bedrag_per_inwoner).toBeCloseTo(Number(j.perInwoner.bedrag_per_inwoner), 12);
      expect(j.gerapporteerd.bedrag_per_inwoner.binnen).toBe(true);
      if (!j.gerapporteerd.afkoopsom.binnen) {
        // the participation that would bring the sum to the reported floor lies above the contract's expected 95%
        expect(j.gerapporteerd.afkoopsom.deelname_verzekeraars_nodig_pct).toBeGreaterThan(95);
        expect(j.gerapporteerd.afkoopsom.deelname_verzekeraars_nodig_pct).toBeLessThanOrEqual(100);
      }
    }
  });
});
