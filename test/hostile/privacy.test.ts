// Hostile input, part of the corpus of test/hostile/: personal data in a claims ledger, and formulas in exported text.
// Each refusal names the column and line, never the value, and leaves the warehouse as it was.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../pipelines/lib/errors.ts";
import { runScenario } from "../../pipelines/vergelijking/scenario.ts";
import { runPipeline } from "../../pipelines/warehouse/build.ts";
import { lineOf, sha256, shipped, tempDir, userData, warehouseCopy } from "../support/fixtures.ts";

let db: string;
let before: string;
beforeAll(async () => {
  db = await warehouseCopy();
  before = sha256(db);
});

const LEDGER = "verhaal/verhaalde_claims.csv";

async function refused(csv: string): Promise<string> {
  const err = await runPipeline({ dataDir: userData({ [LEDGER]: csv }), dbPath: db }).then(
    () => null,
    (e) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  expect(sha256(db)).toBe(before);
  return (err as InputError).message;
}

describe("personal data in a case id or any text cell of the ledger is refused, naming column and line", () => {
  const src = shipped(LEDGER);
  const first = src.split("\n")[1];
  const line = lineOf(src, first.split(",")[0] + ",");
  const cases: [string, string, RegExp][] = [
    ["Z-111222333", "a BSN hidden in an id (it passes the elfproef)", /a number that passes the elfproef, shaped like a BSN/],
    ["jan.de.vries.1975-03-02", "a name with a date of birth", /a date \(a date of birth\?\)/],
    ["T0612345678", "a mobile number", /a phone number/],
    ["Z-111-222-333", "a BSN written with hyphens", /shaped like a BSN/],
    ["jan@example.nl", "an e-mail address", /an e-mail address/],
    ["Z-1234AB-12", "a postcode with a house number", /a postcode with a house number/],
  ];
  for (const [value, what, message] of cases) {
    it(`${what}: ${value.replace(/\d/g, "#")}`, async () => {
      const csv = src.replace(first, [value, ...first.split(",").slice(1)].join(","));
      const msg = await refused(csv);
      expect(msg).toContain(`verhaalde_claims.csv:${line}:1 (column 'zaak_id'): expected no personal data in a claims ledger`);
      expect(msg).toMatch(message);
      expect(msg).not.toContain(value);
    });
  }

  it("a column named for personal data is refused for that reason, in its Dutch and English forms", async () => {
    for (const name of ["geb_datum", "gebdat", "geboortedatum", "dob", "tel", "telefoon", "email", "contact", "adres", "postcode", "naam"]) {
      const csv = src
        .split("\n")
        .map((l, i) => (l === "" ? l : `${l},${i === 0 ? name : ""}`))
        .join("\n");
      const msg = await refused(csv);
      expect(msg, name).toMatch(
        new RegExp(`\\(column '${name}'\\): expected no personal data in a claims ledger \\(only a pseudonymous case id\\), found a column that would hold`),
      );
      expect(msg, name).not.toMatch(/unknown/);
    }
  });
});

describe("text exported by afkoop scenario run cannot start a formula in a spreadsheet", () => {
  it("a municipality name that starts with = is neutralised in the CSV, as in the XLSX", async () => {
    const file = join(tempDir(), "naam.json");
    writeFileSync(
      file,
      JSON.stringify({ naam: "formule", gemeente: { inwoners: 50000, naam: '=HYPERLINK("http://x","klik")' }, montecarlo: { trekkingen: 5, seed: 1 } }),
    );
    const out = join(tempDir(), "uit");
    await runScenario({ file, outDir: out, dbPath: db });
    const csv = readFileSync(join(out, "gemeenten.csv"), "utf8");
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});
