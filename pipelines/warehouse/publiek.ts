/**
 * The public interface: the tables the site, the CLI and the downloads read. Each such table and each of its columns
 * is described once, in models/publiek.csv (tabel, kolom, eenheid, omschrijving; Dutch, as the site shows it). The
 * pipeline carries the descriptions into the warehouse with COMMENT ON, the Data page lists them, and the tests check
 * that every published column is described and that the site's loaders read nothing else (apart from the staging
 * tables, described in pipelines/load/schema.ts, and the run manifest).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { LOADER_TABLES } from "../../engine/graph.js";
import { sqlTekst as q } from "../../engine/sql.js";
import { parseDelimited } from "../load/delimited.ts";
import { MODELS_DIR } from "./paths.ts";

export interface PubliekeTabel {
  tabel: string;
  omschrijving: string;
  kolommen: { kolom: string; eenheid: string; omschrijving: string }[];
}

export const CATALOGUS = "publiek.csv";

/** The catalogue of published tables, in file order. Fails with file and line on a malformed row. */
export function loadCatalogue(dir = MODELS_DIR): PubliekeTabel[] {
  const file = join(dir, CATALOGUS);
  const parsed = parseDelimited(readFileSync(file, "utf8"), file);
  if ("issue" in parsed) throw new Error(`${file}: expected ${parsed.issue.expected}, found ${parsed.issue.found}`);
  const want = ["tabel", "kolom", "eenheid", "omschrijving"];
  if (parsed.table.header.join(",") !== want.join(","))
    throw new Error(`${file}:1: expected the header ${want.join(",")}, found ${parsed.table.header.join(",")}`);
  const tabellen = new Map<string, PubliekeTabel>();
  for (const { line, cells } of parsed.table.rows) {
    const [tabel, kolom, eenheid, omschrijving] = cells.map((c) => c.trim());
    if (!/^[a-z][a-z0-9_]*$/.test(tabel ?? "")) throw new Error(`${file}:${line}: expected a table name, found "${tabel}"`);
    if (!omschrijving) throw new Error(`${file}:${line}: expected a description (omschrijving), found nothing`);
    if (!kolom) {
      if (tabellen.has(tabel)) throw new Error(`${file}:${line}: ${tabel} is described twice`);
      tabellen.set(tabel, { tabel, omschrijving, kolommen: [] });
      continue;
    }
    const t = tabellen.get(tabel);
    if (!t) throw new Error(`${file}:${line}: column ${kolom} of ${tabel} comes before the row that describes the table`);
    t.kolommen.push({ kolom, eenheid, omschrijving });
  }
  return [...tabellen.values()];
}

/** COMMENT ON every published table and column that exists (the tests check that nothing is missing). */
export async function commentPublished(con: DuckDBConnection, catalogue: PubliekeTabel[]): Promise<void> {
  const bestaand = new Set(
    (await con.runAndReadAll("SELECT table_name || '.' || column_name FROM duckdb_columns() WHERE schema_name = 'main'")).getRows().map((r) => String(r[0])),
  );
  const tabellen = new Set([...bestaand].map((x) => x.split(".")[0]));
  // one transaction: a catalog commit per table and column costs 450 ms for all of them, one commit 270 ms
  const statements: string[] = [];
  for (const t of catalogue) {
    if (!tabellen.has(t.tabel)) continue;
    statements.push(`COMMENT ON TABLE ${t.tabel} IS ${q(t.omschrijving)}`);
    for (const k of t.kolommen) {
      if (bestaand.has(`${t.tabel}.${k.kolom}`))
        statements.push(`COMMENT ON COLUMN ${t.tabel}.${k.kolom} IS ${q(`${k.omschrijving}${k.eenheid ? ` [${k.eenheid}]` : ""}`)}`);
    }
  }
  if (statements.length) await con.run(`BEGIN TRANSACTION;\n${statements.join(";\n")};\nCOMMIT`);
}

/**
 * Drops what is internal: every table and view that is not published, not a staging table (stg_*, the inputs a
 * session re-runs the models on), not the run manifest (run_*) or the overrides the run used (scenario_overrides),
 * and not read by a published view. The warehouse then
 * holds the public interface and its inputs; the helper tables exist only while the models run (in a session they
 * stay, for the tests and the questions that read them). Returns the names dropped.
 */
export async function dropInternal(con: DuckDBConnection, catalogue: PubliekeTabel[]): Promise<string[]> {
  const publiek = new Set(catalogue.map((t) => t.tabel));
  const views = (await con.runAndReadAll("SELECT view_name, sql FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal")).getRows();
  const nodig = new Set<string>();
  for (const [naam, sql] of views)
    if (publiek.has(String(naam))) for (const m of String(sql).matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)/gi)) nodig.add(m[1].toLowerCase());
  const intern = (naam: string) => !publiek.has(naam) && !nodig.has(naam) && !LOADER_TABLES.test(naam) && !naam.startsWith("run_");
  const weg = [
    ...views
      .map(([n]) => String(n))
      .filter(intern)
      .map((n) => `DROP VIEW ${n}`),
    ...(await con.runAndReadAll("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary"))
      .getRows()
      .map(([n]) => String(n))
      .filter(intern)
      .map((n) => `DROP TABLE ${n}`),
  ];
  if (weg.length) await con.run(`BEGIN TRANSACTION;\n${weg.join(";\n")};\nCOMMIT`);
  return weg.map((s) => s.split(" ").at(-1)!);
}
