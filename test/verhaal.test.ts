// Recovered claims: the ledger loader refuses personal data and inconsistent rows; the synthetic ledger is
// seeded and reproducible; the chain ladder and Mack's standard errors reproduce published reference triangles.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { select } from "../engine/graph.js";
import { InputError } from "../pipelines/lib/errors.ts";
import { elfproef, looksLikeBsn, personalColumn } from "../pipelines/load/privacy.ts";
import { shippedMunicipalities } from "../pipelines/cli/ledger.ts";
import { DEFAULT_GENERATOR, generateLedger } from "../pipelines/verhaal/generate.ts";
import { chainLadder } from "../pipelines/verhaal/triangle.ts";
import { runPipeline } from "../pipelines/warehouse/build.ts";
import { loadModelGraph } from "../pipelines/warehouse/modelfiles.ts";
import { ROOT } from "../pipelines/warehouse/paths.ts";
import { withWarehouse } from "../pipelines/warehouse/query.ts";
import { sha256, shipped, tempDir, warehouseCopy } from "./support/fixtures.ts";
import { modelsFor } from "./support/warehouse-compare.ts";

const LEDGER = "verhaal/verhaalde_claims.csv";
const TRIANGLES = join(ROOT, "test/fixtures/triangles");

let db: string;
let before: string;
beforeAll(async () => {
  db = await warehouseCopy();
  before = sha256(db);
});

async function ledgerError(csv: string): Promise<string> {
  const f = join(tempDir(), "claims.csv");
  writeFileSync(f, csv);
  const err = await runPipeline({ ledgerPath: f, dbPath: db }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  expect(sha256(db)).toBe(before);
  return (err as InputError).message;
}

const ledgerLines = () => shipped(LEDGER).trimEnd().split("\n");

describe("the claims ledger carries no personal data", () => {
  it("the elfproef accepts valid BSNs and rejects near misses", () => {
    expect(elfproef("123456782")).toBe(true);
    expect(elfproef("111222333")).toBe(true);
    expect(elfproef("123456781")).toBe(false);
    expect(elfproef("000000000")).toBe(false);
    expect(looksLikeBsn("1234.56.782")).toBe(true);
    expect(looksLikeBsn("123 456 782")).toBe(true);
    expect(looksLikeBsn("12345678")).toBe(elfproef("012345678"));
    // dates and amounts are not BSN-shaped, even when their digits pass
    expect(looksLikeBsn("2019-06-19")).toBe(false);
    expect(looksLikeBsn("1234567.82")).toBe(false);
  });

  it("refuses a column for names, addresses or birth dates, naming it", async () => {
    expect(personalColumn("Naam")).toBe("names");
    expect(personalColumn("geboortedatum")).toBe("birth dates or ages");
    const lines = ledgerLines();
    const csv = [lines[0] + ",naam", ...lines.slice(1, 4).map((l) => l + ",J. Jansen")].join("\n") + "\n";
    const msg = await ledgerError(csv);
    expect(msg).toMatch(
      /claims\.csv:1:16 \(column 'naam'\): expected no personal data in a claims ledger \(only a pseudonymous case id\), found a column that would hold names/,
    );
  });

  it("refuses a BSN-shaped number in any cell, naming line and column and not repeating the number", async () => {
    const lines = ledgerLines();
    const cells = lines[3].split(",");
    cells[0] = "123456782";
    const msg = await ledgerError([...lines.slice(0, 3), cells.join(","), ...lines.slice(4)].join("\n") + "\n");
    expect(msg).toContain("claims.csv:4:1 (column 'zaak_id'): expected no personal data in a claims ledger, found a number that passes the elfproef");
    expect(msg).not.toContain("123456782");
  });

  it("a nine-digit number that fails the elfproef is not a BSN, but still not a valid case id", async () => {
    const lines = ledgerLines();
    const cells = lines[3].split(",");
    cells[0] = "123456781";
    const msg = await ledgerError([...lines.slice(0, 3), cells.join(","), ...lines.slice(4)].join("\n") + "\n");
    expect(msg).not.toContain("elfproef");
    expect(msg).toContain(`claims.csv:4:1 (column 'zaak_id'): expected a pseudonymous id starting with a letter, such as Z-000123, found "123456781"`);
  });

  it("refuses a settled claim without its settlement date, and dates out of order", async () => {
    const lines = ledgerLines();
    const settled = lines.findIndex((l, i) => i > 0 && l.split(",")[7] === "geregeld");
    const a = lines[settled].split(",");
    a[10] = "";
    const open = lines.findIndex((l, i) => i > 0 && l.split(",")[7] === "gemeld");
    const b = lines[open].split(",");
    b[8] = "2000-01-01";
    const edited = lines.map((l, i) => (i === settled ? a.join(",") : i === open ? b.join(",") : l));
    const msg = await ledgerError(edited.join("\n") + "\n");
    expect(msg).toContain(`claims.csv:${settled + 1}:11 (column 'datum_geregeld'): expected a value when status is geregeld, found an empty cell`);
    expect(msg).toContain(`claims.csv:${open + 1}:9 (column 'datum_gemeld'): expected a date on or after 'ongevalsdatum'`);
  });

  it("loads a real ledger without the synthetisch column, and the calibration then says it is not synthetic", async () => {
    const lines = ledgerLines()
      .slice(0, 400)
      .map((l) => l.split(",").slice(0, 14).join(","));
    const f = join(tempDir(), "echt.csv");
    writeFileSync(f, lines.join("\n") + "\n");
    const out = join(tempDir(), "echt.duckdb");
    // every model that reads the ledger (directly or through another), and what they read: the models that do not are
    // the same as in the shipped build
    const ledgerModels = select(loadModelGraph(), { downstreamOf: ["stg_verhaal_claims"] }).map((m) => m.name);
    await runPipeline({ ledgerPath: f, dbPath: out, modelsDir: modelsFor(ledgerModels) });
    const [r] = await withWarehouse({ dbPath: out }, (w) =>
      w.all(
        "SELECT (SELECT herkomst FROM run_inputs WHERE tabel = 'stg_verhaal_claims') AS herkomst, (SELECT count(*) FROM stg_verhaal_claims) AS n, (SELECT any_value(synthetisch) FROM verhaal_kalibratie_openbaar) AS synthetisch",
      ),
    );
    expect(r).toEqual({ herkomst: "user", n: "399", synthetisch: false });
  });
});

describe("the synthetic ledger", () => {
  it("is reproduced byte for byte by its seed, and another seed gives another ledger", () => {
    const g = shippedMunicipalities();
    expect(generateLedger(g, DEFAULT_GENERATOR)).toBe(shipped(LEDGER));
    expect(generateLedger(g, { ...DEFAULT_GENERATOR, seed: 1 })).not.toBe(shipped(LEDGER));
  });

  it("marks every row synthetic and knows nothing reported after its peildatum", async () => {
    const [r] = await withWarehouse({ dbPath: db }, (w) =>
      w.all(`SELECT count(*) FILTER (NOT synthetisch) AS echt, max(datum_gemeld) AS laatst,
      count(*) FILTER (status = 'geregeld' AND datum_geregeld > DATE '${DEFAULT_GENERATOR.peildatum}') AS te_laat FROM stg_verhaal_claims`),
    );
    expect(r.echt).toBe("0");
    expect(String(r.laatst) <= DEFAULT_GENERATOR.peildatum).toBe(true);
    expect(r.te_laat).toBe("0");
  });

  it("its triangle is built from the ledger: the latest diagonal is what was recovered per accident year, less what disclosure control holds back", async () => {
    const rows = await withWarehouse({ dbPath: db }, (w) =>
      w.all(`
      SELECT o.origin, o.laatste, (SELECT sum(verhaald) FROM stg_verhaal_claims c WHERE c.regeling = 'wmo' AND c.status = 'geregeld' AND year(c.ongevalsdatum) = o.origin) AS ledger,
             (SELECT claims_achtergehouden FROM verhaal_sdc s WHERE s.driehoek = o.driehoek AND s.origin = o.origin ORDER BY s.dev DESC LIMIT 1) AS achtergehouden
      FROM cl_per_origin o WHERE o.driehoek = 'wmo-verhaald' ORDER BY o.origin`),
    );
    expect(rows.length).toBe(DEFAULT_GENERATOR.lastYear - DEFAULT_GENERATOR.firstYear + 1);
    for (const r of rows) {
      // equal to the ledger unless fewer than verhaal.sdc_minimum claims of the last periods are held back
      if (Number(r.achtergehouden) === 0) expect(Number(r.laatste)).toBeCloseTo(Number(r.ledger), 2);
      else {
        expect(Number(r.laatste)).toBeLessThan(Number(r.ledger));
        expect(Number(r.achtergehouden)).toBeLessThan(5);
      }
    }
    // young accident years are projected further than old ones
    const [dev] = await withWarehouse({ dbPath: db }, (w) =>
      w.all(
        `SELECT arg_min(ontwikkeld_aandeel, origin) AS oud, arg_max(ontwikkeld_aandeel, origin) AS jong FROM cl_per_origin WHERE driehoek = 'wmo-verhaald'`,
      ),
    );
    expect(Number(dev.jong)).toBeLessThan(Number(dev.oud));
  });
});

describe("chain ladder and Mack's standard errors against published triangles", () => {
  it("Taylor and Ashe (1983), incremental: Mack (1993)'s reserve 18,680,856 with standard error 2,447,095", async () => {
    const r = await chainLadder(join(TRIANGLES, "taylor-ashe-incremental.csv"), "taylor-ashe", true);
    expect(Math.round(Number(r.totaal.reserve))).toBe(18_680_856);
    expect(Math.round(Number(r.totaal.mack_se))).toBe(2_447_095);
    expect(Number(r.totaal.variatiecoefficient)).toBeCloseTo(0.13, 2);
    const last = r.perOrigin.at(-1)!;
    expect(Math.round(Number(last.reserve))).toBe(4_625_811);
    // the oldest year is fully developed
    expect(Number(r.perOrigin[0].reserve)).toBe(0);
    expect(Number(r.perOrigin[0].mack_se)).toBe(0);
  });

  it("RAA (Mack 1993): reserve 52,135 with standard error 26,909", async () => {
    const r = await chainLadder(join(TRIANGLES, "raa.csv"), "raa", false);
    expect(Math.round(Number(r.totaal.reserve))).toBe(52_135);
    expect(Math.round(Number(r.totaal.mack_se))).toBe(26_909);
    expect(Number(r.factoren[0].f)).toBeCloseTo(2.999359, 6);
    expect(r.factoren.at(-1)!.sigma2_geextrapoleerd).toBe(true);
  });

  it("cumulating the incremental triangle by hand gives the same result as --incremental", async () => {
    const inc = readFileSync(join(TRIANGLES, "taylor-ashe-incremental.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(",").map(Number));
    const sums = new Map<number, number>();
    const cum = inc.map(([o, d, v]) => {
      const s = (sums.get(o) ?? 0) + v;
      sums.set(o, s);
      return `${o},${d},${s}`;
    });
    const f = join(tempDir(), "cum.csv");
    writeFileSync(f, ["origin,dev,value", ...cum].join("\n") + "\n");
    const a = await chainLadder(f, "cum", false);
    const b = await chainLadder(join(TRIANGLES, "taylor-ashe-incremental.csv"), "inc", true);
    expect(a.totaal).toEqual(b.totaal);
  });

  it("refuses a triangle with a gap, and a bad cell with its line and column", async () => {
    const f = join(tempDir(), "gap.csv");
    writeFileSync(f, "origin,dev,value\n1,1,10\n1,3,30\n2,1,12\n");
    await expect(chainLadder(f, "gap.csv", false)).rejects.toThrow(
      /gap\.csv: expected development ages 1 to 3 for origin 1 \(a triangle without gaps\), found ages 1, 3/,
    );
    writeFileSync(f, "origin,dev,value\n1,1,10\n1,2,veel\n2,1,12\n");
    await expect(chainLadder(f, "gap.csv", false)).rejects.toThrow(/gap\.csv:3:3 \(column 'value'\): expected a number/);
  });
});
