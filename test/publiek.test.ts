// The public interface (models/publiek.csv): every published table and column is described once, with a unit; the
// warehouse carries the descriptions (COMMENT ON); and the site's data loaders read nothing but published tables,
// the staging tables (described in pipelines/load/schema.ts) and the run manifest.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../pipelines/warehouse/publiek.ts";
import { ROOT } from "../pipelines/warehouse/paths.ts";
import { withWarehouse } from "../pipelines/warehouse/query.ts";
import { sharedWarehouse } from "./support/fixtures.ts";

const EENHEDEN = new Set([
  "eur",
  "meur",
  "eurocent",
  "pct",
  "fractie",
  "ratio",
  "kans",
  "aantal",
  "jaar",
  "jaren",
  "leeftijd",
  "per_100k",
  "per_miljoen",
  "datum",
  "tekst",
  "code",
  "ja/nee",
  "lijst",
  "id",
  "wisselend",
]);
const catalogue = loadCatalogue();
let db: string;
let kolommen: { tabel: string; kolom: string; comment: string | null }[];
let tabelComments: Map<string, string | null>;

beforeAll(async () => {
  db = await sharedWarehouse();
  await withWarehouse({ dbPath: db }, async (r) => {
    kolommen = (await r.all(
      "SELECT table_name AS tabel, column_name AS kolom, comment FROM duckdb_columns() WHERE schema_name = 'main' ORDER BY table_name, column_index",
    )) as never;
    // a published result may be a view (vergelijking_wmo_resultaat): its comment is in duckdb_views()
    const rows = await r.all(
      "SELECT table_name AS naam, comment FROM duckdb_tables() WHERE schema_name = 'main' UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal",
    );
    tabelComments = new Map(rows.map((t) => [String(t.naam), t.comment as string | null]));
  });
});

describe("the public interface", () => {
  it("describes every column of every published table exactly once, in the table's order, with a unit from the list", () => {
    for (const t of catalogue) {
      const inWarehouse = kolommen.filter((k) => k.tabel === t.tabel).map((k) => k.kolom);
      expect(inWarehouse.length, `${t.tabel} is in the warehouse`).toBeGreaterThan(0);
      expect(
        t.kolommen.map((k) => k.kolom),
        t.tabel,
      ).toEqual(inWarehouse);
      for (const k of t.kolommen) expect(EENHEDEN.has(k.eenheid), `${t.tabel}.${k.kolom}: unit ${k.eenheid}`).toBe(true);
    }
  });

  it("carries the descriptions into the warehouse (COMMENT ON), units in brackets", () => {
    for (const t of catalogue) {
      expect(tabelComments.get(t.tabel), t.tabel).toBe(t.omschrijving);
      for (const k of t.kolommen) {
        const c = kolommen.find((x) => x.tabel === t.tabel && x.kolom === k.kolom)?.comment;
        expect(c, `${t.tabel}.${k.kolom}`).toBe(`${k.omschrijving} [${k.eenheid}]`);
      }
    }
  });

  it("the site's data loaders read only published tables, staging tables and the run manifest", () => {
    const published = new Set(catalogue.map((t) => t.tabel));
    const dir = join(ROOT, "src", "data");
    const read: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".ts"))) {
      const text = readFileSync(join(dir, f), "utf8");
      const ctes = new Set([...text.matchAll(/\b([a-z_][a-z0-9_]*)\s+AS\s*\(/gi)].map((m) => m[1]));
      for (const [, t] of text.matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)\b(?!\s*\()/g)) if (!ctes.has(t)) read.push(`${f}: ${t}`);
    }
    expect(read.length).toBeGreaterThan(40);
    const other = read.filter((x) => {
      const t = x.split(": ")[1];
      return !published.has(t) && !/^stg_|^run_/.test(t);
    });
    expect(other).toEqual([]);
  });

  it("the warehouse holds the public interface and its inputs, nothing internal: the helper tables are dropped after the build", async () => {
    const published = new Set(catalogue.map((t) => t.tabel));
    const [{ sql }] = await withWarehouse({ dbPath: db }, (r) => r.all("SELECT sql FROM duckdb_views() WHERE view_name = 'vergelijking_wmo_resultaat'"));
    const readByView = new Set([...String(sql).matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]));
    const other = [...tabelComments.keys()].filter((t) => !published.has(t) && !readByView.has(t) && !/^(stg_|run_|scenario_overrides$)/.test(t));
    expect(other).toEqual([]);
    // what the models make while they run (a grid of the Rekenmodel, a helper of the comparison) is not kept
    for (const t of ["rm_pv_cellen", "vg_per_100k", "int_levenstafels"]) expect(tabelComments.has(t), t).toBe(false);
    for (const t of published) expect(tabelComments.has(t), t).toBe(true);
  });
});
