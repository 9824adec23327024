// Bad input gets a clear message naming file, line and column, what was expected and what was found,
// and the previous warehouse stays byte for byte as it was.
import { existsSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../pipelines/lib/errors.ts";
import { runPipeline } from "../pipelines/warehouse/build.ts";
import { lineOf, replaceLine, sha256, shipped, userData, warehouseCopy } from "./support/fixtures.ts";

let db: string;
let before: string;

beforeAll(async () => {
  db = await warehouseCopy();
  before = sha256(db);
});

async function failWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const dataDir = userData(files);
  const err = await runPipeline({ dataDir, dbPath: db }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  expect(sha256(db)).toBe(before);
  expect(readdirSync(dirname(db)).filter((f) => f.includes(".tmp-"))).toEqual([]);
  return (err as InputError).message;
}

describe("bad input is refused with file, line and column; the warehouse is untouched", () => {
  it("a wrong header", async () => {
    const csv = shipped("wmo/looptijd.csv").replace("jaar,status", "year,status");
    const msg = await failWith({ "wmo/looptijd.csv": csv });
    expect(msg).toMatch(/looptijd\.csv:1: expected the header jaar,status,bron_id,vindplaats,toelichting, found year,status.*missing 'jaar'; unknown 'year'/);
  });

  it("a missing header column", async () => {
    const csv = shipped("wmo/macrobudget_2015_niet_relevant.csv")
      .split("\n")
      .map((l) => l.split(",").slice(0, 3).join(","))
      .join("\n");
    const msg = await failWith({ "wmo/macrobudget_2015_niet_relevant.csv": csv });
    expect(msg).toMatch(/macrobudget_2015_niet_relevant\.csv:1: expected the header .*\(missing 'onderdeel_id', 'bron_id', 'vindplaats'/);
  });

  it("a text where a number belongs", async () => {
    const src = shipped("wmo/macrobudget_2015.csv");
    const csv = src.replace("Wmo 2007 (huishoudelijke verzorging),,1258,1119", "Wmo 2007 (huishoudelijke verzorging),,1258,elfhonderd");
    const msg = await failWith({ "wmo/macrobudget_2015.csv": csv });
    expect(msg).toContain(
      `macrobudget_2015.csv:${lineOf(src, "wmo2007,")}:5 (column 'relevant_meur'): expected a number in meur of at least 0, found "elfhonderd"`,
    );
  });

  it("a percentage outside 0-100 (a column with a declared range)", async () => {
    const src = shipped("wmo/verzekeraars_aandelen.csv");
    const csv = src.replace("Verzekeraar A (illustratief),ja,24.0", "Verzekeraar A (illustratief),ja,124.0");
    const msg = await failWith({ "wmo/verzekeraars_aandelen.csv": csv });
    expect(msg).toContain(
      `verzekeraars_aandelen.csv:${lineOf(src, "2015,Verzekeraar A")}:4 (column 'aandeel_omslag_waarborgfonds_pct'): expected a number in pct from 0 to 100, found "124.0"`,
    );
  });

  it("a participation above 100% in the parameter registry", async () => {
    const src = shipped("parameters/waarden.csv");
    const csv = src.replace("wmo.deelname_gemeenten,2015,97.45,", "wmo.deelname_gemeenten,2015,105,");
    const msg = await failWith({ "parameters/waarden.csv": csv });
    expect(msg).toContain(
      `waarden.csv:${lineOf(src, "wmo.deelname_gemeenten,2015")}:3 (column 'waarde'): expected a value of wmo.deelname_gemeenten from 0 to 100 (pct), found 105`,
    );
  });

  it("a negative amount", async () => {
    const src = shipped("wmo/waarnemingen.csv");
    const csv = src.replace(
      "afkoopsom_2016_definitief,2016,2016,afkoopsom_definitief,,eur,10751312",
      "afkoopsom_2016_definitief,2016,2016,afkoopsom_definitief,,eur,-10751312",
    );
    const msg = await failWith({ "wmo/waarnemingen.csv": csv });
    expect(msg).toContain(
      `waarnemingen.csv:${lineOf(src, "afkoopsom_2016_definitief")}:7 (column 'waarde'): expected a number of at least 0, found "-10751312"`,
    );
  });

  it("a duplicate key", async () => {
    const src = shipped("wmo/looptijd.csv");
    const csv = src.trimEnd() + "\n2016,verlengd,vng-regres-wmo,,dubbel\n";
    const msg = await failWith({ "wmo/looptijd.csv": csv });
    expect(msg).toContain(
      `looptijd.csv:${src.trimEnd().split("\n").length + 1}: expected a unique key (jaar), found 2016, already on line ${lineOf(src, "2016,")}`,
    );
  });

  it("an unknown municipality code", async () => {
    const src = shipped("wmo/niet_deelnemende_gemeenten.csv");
    const csv = replaceLine(src, "2018,GM0277", "2018,GM9999,Rozendaal,vng-regres-wmo-2018,,");
    const msg = await failWith({ "wmo/niet_deelnemende_gemeenten.csv": csv });
    expect(msg).toContain(
      `niet_deelnemende_gemeenten.csv:${lineOf(src, "2018,GM0277")} (column 'gemeentecode'): expected a gemeentecode listed in data/referentie/gemeenten.csv or data/referentie/gemeenten_historisch.csv, found "GM9999"`,
    );
  });

  it("an empty file", async () => {
    const msg = await failWith({ "wlz/tijdpad.csv": "" });
    expect(msg).toMatch(/tijdpad\.csv: expected a header line followed by data rows, found an empty file/);
  });

  it("a header without rows", async () => {
    const msg = await failWith({ "wlz/tijdpad.csv": shipped("wlz/tijdpad.csv").split("\n")[0] + "\n" });
    expect(msg).toMatch(/tijdpad\.csv:2: expected at least one data row, found only a header/);
  });

  it("a wrong encoding (Windows-1252)", async () => {
    const src = shipped("wmo/macrobudget_2015_niet_relevant.csv");
    const bytes = Buffer.from(src, "latin1"); // "Wlz-geïndiceerden" becomes the single byte 0xEF
    const line = lineOf(src, "uitname_wlz");
    const col = src.split("\n")[line - 1].indexOf("ï") + 1;
    const msg = await failWith({ "wmo/macrobudget_2015_niet_relevant.csv": bytes });
    expect(msg).toContain(
      `macrobudget_2015_niet_relevant.csv:${line}:${col}: expected UTF-8 text (save the file as 'CSV UTF-8'), found byte 0xEF, which is not valid UTF-8`,
    );
  });

  it("a reference to an unknown source", async () => {
    const src = shipped("wmo/looptijd.csv");
    const csv = src.replace("2017,verlengd,hilversum-raadsvoorstel-2018", "2017,verlengd,hilversum-2099");
    const msg = await failWith({ "wmo/looptijd.csv": csv });
    expect(msg).toContain(`looptijd.csv:${lineOf(src, "2017,")} (column 'bron_id'): expected a bron_id listed in data/bronnen.csv, found "hilversum-2099"`);
  });

  it("an assumption without a range", async () => {
    const src = shipped("parameters/waarden.csv");
    const csv = src.replace("wmo.kosten_vng,2015,1,0,3,aanname", "wmo.kosten_vng,2015,1,,,aanname");
    const msg = await failWith({ "parameters/waarden.csv": csv });
    expect(msg).toContain(
      `waarden.csv:${lineOf(src, "wmo.kosten_vng")}:4 (column 'laag'): expected a range (laag and hoog) for an assumption, found an empty cell`,
    );
  });

  it("collects every problem of a run, not only the first", async () => {
    const a = shipped("wmo/looptijd.csv").replace("2017,verlengd", "2017,onbekend");
    const b = shipped("wlz/looptijd.csv").replace("2025,convenant", "twintig,convenant");
    const msg = await failWith({ "wmo/looptijd.csv": a, "wlz/looptijd.csv": b });
    expect(msg).toMatch(/^2 problems in the input/);
    expect(msg).toContain('expected one of overeenkomst, verlengd, beeindigd, found "onbekend"');
    expect(msg).toContain('expected a whole number in jaar from 1990 to 2100, found "twintig"');
  });
});

describe("a failure after validation also leaves the warehouse untouched", () => {
  it("a model that fails halfway", async () => {
    const { writeFileSync, cpSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { MODELS_DIR } = await import("../pipelines/warehouse/paths.ts");
    const dir = userData({});
    cpSync(MODELS_DIR, join(dir, "models"), { recursive: true });
    // it reads the Wmo afkoopsom and lies with the Wmo models, so the graph runs it after wmo/art3_afkoopsom.sql with
    // the other Wmo models: a third of the way through the run, after a dozen models wrote their tables (in a folder
    // of its own it would run last, after every model)
    writeFileSync(
      join(dir, "models", "wmo", "kapot.sql"),
      "-- regel: Een kapot model.\nCREATE OR REPLACE TABLE kapot AS SELECT * FROM wmo_afkoopsom, bestaat_niet;",
    );
    const err = await runPipeline({ dbPath: db, modelsDir: join(dir, "models") }).then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(/model wmo\/kapot\.sql failed: .*bestaat_niet/);
    expect(sha256(db)).toBe(before);
    expect(readdirSync(dirname(db)).filter((f) => f.includes(".tmp-"))).toEqual([]);
    expect(existsSync(db)).toBe(true);
  });
});
