// The model graph (engine/graph.js): every SQL file under models/ is in it, the run order follows what each file
// reads, and the selector picks for each task the models it needs — the same answer in Node and in the browser.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { actueelBijhouder, geschrevenNamen } from "../engine/actueel.js";
import { ALLE_PARAMETERS, PARAMETER_TABLES, geraaktDoor, modelGraph, parseModel, select } from "../engine/graph.js";
import { alleen, graafVan, parameterModellen } from "../engine/engine.js";
import { modellenVoorGemeente, modellenVoorGemeentevraag, modellenVoorVergelijking, vergelijkingsModellen } from "../engine/vergelijking.js";
import { geraakteUitkomsten, scenarioModellen, UITKOMSTEN_SQL, UITKOMSTEN_TABELLEN, ZONDER_SOBOL } from "../engine/uitkomsten.js";
import { parseScenario } from "../pipelines/params/scenario.ts";
import { withWarehouse } from "../pipelines/warehouse/query.ts";
import { ModelSession } from "../pipelines/warehouse/session.ts";
import { sharedWarehouse } from "./support/fixtures.ts";
import { loadModelGraph } from "../pipelines/warehouse/modelfiles.ts";
import { MODELS_DIR } from "../pipelines/warehouse/paths.ts";

const graph = loadModelGraph();
const names = (ms: { name: string }[]) => ms.map((m) => m.name);
const sqlFiles = readdirSync(MODELS_DIR, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".sql"))
  .sort();

describe("the model graph", () => {
  it("holds every SQL file under models/: in the run, or tagged to run on request", () => {
    expect([...names(graph.models), ...names(graph.onDemand)].sort()).toEqual(sqlFiles);
    expect(names(graph.onDemand)).toEqual(["rekenmodel/levenstafel_invoer.sql"]);
  });

  it("runs every model after the models that create what it reads", () => {
    const position = new Map(graph.models.map((m, i) => [m.name, i]));
    for (const [i, m] of graph.models.entries()) {
      for (const r of m.reads) {
        const c = graph.creator.get(r);
        if (c) expect(position.get(c), `${m.name} reads ${r} from ${c}`).toBeLessThan(i);
      }
    }
  });

  it("reads what the SQL uses: each read is a name in the file's code, and each table the file selects from is known", () => {
    for (const m of graph.models) {
      const code = m.sql.replace(/--[^\n]*/g, " ");
      for (const r of m.reads) expect(code, `${m.name} reads ${r}`).toMatch(new RegExp(`\\b${r}\\b`, "i"));
      // every FROM/JOIN target is created by a model, the loader, or the file itself (CTEs, table functions aside)
      const ctes = new Set(
        [...code.matchAll(/\b([a-z_][a-z0-9_]*)\s*(?:\([^()]*\))?\s+AS\s+(?:NOT\s+)?(?:MATERIALIZED\s*)?\(/gi)].map((x) => x[1].toLowerCase()),
      );
      for (const [, t] of code.matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)\b(?!\s*\()/gi)) {
        const name = t.toLowerCase();
        if (ctes.has(name) || m.creates.includes(name) || ["unnest", "range", "generate_series", "lateral", "values", "select"].includes(name)) continue;
        expect(m.reads.includes(name), `${m.name} selects from ${name}, which nothing creates`).toBe(true);
      }
    }
  });

  it("refuses a file without its rule, a name created twice, and models that read each other", () => {
    expect(() => parseModel("x/a.sql", "CREATE TABLE a AS SELECT 1")).toThrow(/models\/x\/a\.sql: no "-- regel:" line/);
    const m = (name: string, sql: string) => parseModel(name, `-- regel: test\n${sql}`);
    expect(() => modelGraph([m("x/a.sql", "CREATE TABLE t AS SELECT 1"), m("x/b.sql", "CREATE OR REPLACE TABLE t AS SELECT 2")])).toThrow(
      "t is created by both models/x/a.sql and models/x/b.sql",
    );
    expect(() => modelGraph([m("x/a.sql", "CREATE TABLE a AS SELECT * FROM b"), m("x/b.sql", "CREATE TABLE b AS SELECT * FROM a")])).toThrow(
      /cycle: models\/x\/a\.sql, models\/x\/b\.sql/,
    );
  });

  it("places a new model by what it reads, with no list to edit", () => {
    const dir = mkdtempSync(join(tmpdir(), "afkoop-graph-"));
    for (const f of sqlFiles) {
      mkdirSync(join(dir, f, ".."), { recursive: true });
      writeFileSync(join(dir, f), readFileSync(join(MODELS_DIR, f)));
    }
    mkdirSync(join(dir, "aaa"), { recursive: true });
    writeFileSync(join(dir, "aaa", "nieuw.sql"), "-- regel: Een nieuwe regel.\nCREATE OR REPLACE TABLE nieuw AS SELECT * FROM wmo_afkoopsom;");
    const g = loadModelGraph(dir);
    const order = names(g.models);
    expect(order.indexOf("aaa/nieuw.sql")).toBeGreaterThan(order.indexOf("wmo/art3_afkoopsom.sql"));
    expect(names(select(g, { downstreamOf: ["wmo_afkoopsom"] }))).toContain("aaa/nieuw.sql");
  });
});

describe("the selector serves every task", () => {
  it("a change of overrides first re-runs the two parameter models", () => {
    expect(names(parameterModellen(graph))).toEqual(["intermediate/int_parameter_waarden.sql", "intermediate/int_parameters_per_jaar.sql"]);
  });

  it("a comparison's question re-runs the comparison's models that read its settings, and stands on what they read", () => {
    const vraag = names(vergelijkingsModellen(graph));
    expect(vraag).toContain("vergelijking/wmo_gemeente.sql");
    expect(vraag).not.toContain("vergelijking/instellingen.sql");
    expect(vraag.every((n) => n.startsWith("vergelijking/"))).toBe(true);
    const voor = names(modellenVoorVergelijking(graph));
    expect(voor).toContain("vergelijking/instellingen.sql");
    expect(voor).toContain("rekenmodel/cohort.sql"); // the Wlz side reads the Rekenmodel's damage
    for (const n of ["rekenmodel/montecarlo.sql", "marts/mart_controles.sql", "verhaal/driehoek.sql"]) expect(voor).not.toContain(n);
    // together they hold everything the comparison's tables need
    const nodig = names(select(graph, { upstreamOf: vraag }));
    expect(nodig.every((n) => voor.includes(n) || vraag.includes(n))).toBe(true);
    // the gemeente page asks only for the Wmo answer: no Wlz side, no drivers, and stands on no Rekenmodel
    const pagina = names(modellenVoorGemeentevraag(graph));
    expect(pagina).toContain("vergelijking/wmo_gemeente.sql");
    expect(pagina).not.toContain("vergelijking/wlz_uitvoerder.sql");
    expect(pagina).not.toContain("vergelijking/sobol.sql");
    const paginaVoor = names(modellenVoorGemeente(graph));
    expect(paginaVoor).toContain("wmo/art5_5_verdeling_gemeenten.sql");
    expect(paginaVoor).not.toContain("rekenmodel/cohort.sql");
    expect(paginaVoor.every((n) => voor.includes(n))).toBe(true);
  });

  it("the claims ledger's models run at build time only; the browser gets the same selections from the bundle", () => {
    expect(names(select(graph, { downstreamOf: ["stg_verhaal_claims"] }))).toEqual([
      "verhaal/driehoek.sql",
      "verhaal/chainladder.sql",
      "verhaal/kalibratie.sql",
    ]);
    const scenario = names(scenarioModellen(graph));
    expect(scenario.some((n) => n.startsWith("verhaal/"))).toBe(false);
    // a scenario in the browser runs what its headline results read (UITKOMSTEN_SQL), not the marts of checks
    for (const t of UITKOMSTEN_TABELLEN) expect(UITKOMSTEN_SQL).toContain(`FROM ${t}`);
    expect(scenario).toContain("vergelijking/wmo_montecarlo.sql");
    expect(scenario).not.toContain("marts/mart_controles.sql");
    // a bundle holds the models in run order with what they create and read: the browser's graph selects alike
    const ledger = names(select(graph, { downstreamOf: ["stg_verhaal_claims"] }));
    const bundle = { staging: [], models: graph.models.filter((m) => !ledger.includes(m.name)) };
    const browser = graafVan(bundle);
    expect(names(modellenVoorVergelijking(browser))).toEqual(names(modellenVoorVergelijking(graph)));
    expect(names(parameterModellen(browser))).toEqual(names(parameterModellen(graph)));
  });
});

describe("what a change of parameters touches (graph.js geraaktDoor)", () => {
  it("a model that reads the parameter tables directly filters them on the ids it names, or is tagged as reading them all", () => {
    for (const m of graph.models) {
      if (m.creates.some((c) => PARAMETER_TABLES.has(c)) || m.tags.includes(ALLE_PARAMETERS)) continue;
      const code = m.sql.replace(/--[^\n]*/g, " ");
      for (const [, tabel, alias] of code.matchAll(/\b(int_parameters_per_jaar|int_parameter_waarden)\s+(?:AS\s+)?([a-z_][a-z0-9_]*)/gi)) {
        const filter = new RegExp(`\\b${alias}\\.parameter_id\\s*(?:=|LIKE)\\s*'[a-z]+\\.`, "i");
        expect(filter.test(code), `${m.name}: ${tabel} ${alias} without a filter on ${alias}.parameter_id`).toBe(true);
      }
    }
    expect(names(graph.models.filter((m) => m.tags.includes(ALLE_PARAMETERS)))).toEqual(["marts/mart_cijfers_met_bron.sql"]);
  });

  it("a scenario's headline results that its parameters do not touch are the build's, to the last bit (the Scenario's page takes them from it)", async () => {
    const db = await sharedWarehouse();
    const gebouwd = await withWarehouse({ dbPath: db }, (r) => r.all(UITKOMSTEN_SQL));
    const s = await ModelSession.open(db);
    try {
      // the comparison's parameters leave the Wmo and Wlz rules and the Rekenmodel alone; the VNG's costs (art. 5.5) the
      // afkoopsom itself, the Rekenmodel and the Wlz side
      for (const [parameters, untouched] of [
        [
          { "verhaal.detectie": 55, "verhaal.kosten.rolstoel": 5000 },
          ["wmo_afkoopsom", "wmo_bedrag_per_inwoner", "wlz_afkoopsom", "rekenmodel_toereikendheid", "rekenmodel_montecarlo"],
        ],
        [{ "wmo.kosten_vng": 2 }, ["wmo_afkoopsom", "wlz_afkoopsom", "rekenmodel_toereikendheid", "rekenmodel_montecarlo", "vergelijking_wlz_uitvoerder"]],
      ] as const) {
        const geraakt = geraakteUitkomsten(graph, Object.keys(parameters));
        expect(UITKOMSTEN_TABELLEN.filter((t) => !geraakt.includes(t))).toEqual(untouched);
        // the whole scenario computed as the page did before it took the untouched results from the build
        const sc = parseScenario({ parameters }, await s.registry(), "test");
        await s.runSome(alleen(scenarioModellen(s.graaf)), [...sc.overrides, ...ZONDER_SOBOL]);
        const berekend = await s.all(UITKOMSTEN_SQL);
        const van = (rows: Record<string, unknown>[], tabellen: readonly string[]) => rows.filter((r) => tabellen.includes(String(r.tabel)));
        expect(van(berekend, untouched)).toEqual(van(gebouwd, untouched));
        expect(van(berekend, geraakt)).not.toEqual(van(gebouwd, geraakt));
      }
    } finally {
      s.close();
    }
  });
});

describe("a session re-runs only what a change makes stale (engine/actueel.js)", () => {
  const ov = (parameter_id: string, waarde: number) => ({ parameter_id, vanaf_jaar: null, waarde: String(waarde), laag: null, hoog: null, toelichting: null });
  /** A bookkeeper with every model run once: what is stale after `change`. */
  const staleAfter = (change: (b: ReturnType<typeof actueelBijhouder>) => void) => {
    const b = actueelBijhouder(graph);
    for (const m of graph.models) {
      b.draait(m.name);
      b.gedraaid(m.name);
    }
    change(b);
    return names(graph.models.filter((m) => !b.isActueel(m.name)));
  };

  it("a changed parameter: the per-year values and what reads that parameter, and what is made from them", () => {
    const stale = staleAfter((b) => b.overrides([ov("wlz.draagvlak_b1_definitief", 90)]));
    expect(stale).toEqual(names([...parameterModellen(graph), ...geraaktDoor(graph, ["wlz.draagvlak_b1_definitief"])]));
    expect(stale).toContain("wlz/art3_2b_draagvlak.sql");
    expect(stale).toContain("rekenmodel/schadelast.sql"); // the damage times the draagvlak
    expect(stale).not.toContain("rekenmodel/cohort.sql"); // the cohorts do not read the draagvlak
    expect(stale).not.toContain("wmo/art3_afkoopsom.sql");
    // the same overrides again change nothing; taking one away changes that parameter again
    expect(
      staleAfter((b) => {
        b.overrides([ov("verhaal.detectie", 60)]);
        for (const m of graph.models) b.gedraaid(m.name);
        b.overrides([ov("verhaal.detectie", 60)]);
      }),
    ).toEqual([]);
    expect(staleAfter((b) => b.overrides([]))).toEqual([]);
  });

  it("the per-year values, re-run for a changed parameter, leave stale only what reads it; re-run for another reason, everything after them", () => {
    const b = actueelBijhouder(graph);
    for (const m of graph.models) b.gedraaid(m.name);
    b.overrides([ov("verhaal.detectie", 60)]);
    for (const m of parameterModellen(graph)) {
      b.draait(m.name);
      b.gedraaid(m.name);
    }
    expect(b.isActueel("wmo/art3_afkoopsom.sql")).toBe(true);
    expect(b.isActueel("vergelijking/vectoren.sql")).toBe(false);
    // a model that reads a changed parameter and runs before the per-year values are made again stays stale
    b.overrides([ov("verhaal.detectie", 61)]);
    b.draait("vergelijking/vectoren.sql");
    b.gedraaid("vergelijking/vectoren.sql");
    expect(b.isActueel("vergelijking/vectoren.sql")).toBe(false);
    for (const m of [...parameterModellen(graph), { name: "vergelijking/vectoren.sql" }]) {
      b.draait(m.name);
      b.gedraaid(m.name);
    }
    expect(b.isActueel("vergelijking/vectoren.sql")).toBe(true);
    // a value that is not a number is a change too
    expect(b.overrides([{ ...ov("verhaal.detectie", 61), laag: Number.NaN }])).toEqual(["verhaal.detectie"]);
    b.geschreven(["stg_parameters"]);
    b.draait("intermediate/int_parameter_waarden.sql");
    expect(b.isActueel("wmo/art3_afkoopsom.sql")).toBe(false);
  });

  it("a statement that writes a table makes its maker and what is made from it stale; one it cannot read, everything", () => {
    expect(geschrevenNamen("SELECT * FROM wmo_afkoopsom")).toEqual([]);
    expect(geschrevenNamen("COPY wmo_afkoopsom TO 'x.csv'")).toEqual([]);
    expect(geschrevenNamen("COPY stg_gemeenten FROM 'gemeenten.csv'; TRUNCATE vg_sweep")).toEqual(["stg_gemeenten", "vg_sweep"]);
    // qualified names, a column list, a string holding "--", a table macro
    expect(geschrevenNamen("INSERT INTO main.lt_doelen SELECT 1; DELETE FROM memory.main.vg_selectie")).toEqual(["lt_doelen", "vg_selectie"]);
    expect(geschrevenNamen("COPY vg_selectie(gemeentecode) FROM 'x.csv'; DROP MACRO TABLE lt_overleving")).toEqual(["vg_selectie", "lt_overleving"]);
    expect(geschrevenNamen("INSERT INTO vg_sweep VALUES (1, 'a--b', 1); DELETE FROM vg_selectie")).toEqual(["vg_sweep", "vg_selectie"]);
    expect(geschrevenNamen("DELETE FROM vg_selectie; INSERT INTO vg_selectie VALUES ('GM0402') -- CREATE TABLE x")).toEqual(["vg_selectie", "vg_selectie"]);
    expect(geschrevenNamen("CREATE OR REPLACE TEMP TABLE mc_jaar AS SELECT 2024 AS jaar")).toEqual(["mc_jaar"]);
    expect(geschrevenNamen('WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x; UPDATE "t" SET a = 1')).toBeNull();
    const stale = staleAfter((b) => b.geschreven(["vg_selectie"]));
    expect(stale).toContain("vergelijking/instellingen.sql"); // its maker: a run of it would overwrite the question
    expect(stale).toContain("vergelijking/wmo_gemeente.sql");
    expect(stale).not.toContain("wmo/art3_afkoopsom.sql");
    expect(staleAfter((b) => b.geschreven(null))).toEqual(names(graph.models));
    // the overrides table written by a statement: the next overrides are loaded even when they equal the last ones
    const b = actueelBijhouder(graph);
    b.overrides([ov("verhaal.detectie", 60)]);
    b.geschreven(["scenario_overrides"]);
    expect(b.overrides([ov("verhaal.detectie", 60)])).toEqual(["scenario_overrides"]);
    expect(b.overrides([ov("verhaal.detectie", 60)])).toEqual([]);
    // and what read the table in between is stale again when the overrides are set
    for (const m of graph.models) b.gedraaid(m.name);
    b.geschreven(["scenario_overrides"]);
    for (const m of graph.models) b.gedraaid(m.name);
    expect(b.overrides([ov("verhaal.detectie", 60)])).toEqual(["scenario_overrides"]);
    expect(b.isActueel("vergelijking/vectoren.sql")).toBe(false);
    // after an unknown write, the parameter models' run makes everything after them stale again
    for (const m of graph.models) b.gedraaid(m.name);
    b.overrides([ov("verhaal.detectie", 61)]);
    b.geschreven(null);
    const perJaar = names(parameterModellen(graph));
    for (const m of graph.models) if (!perJaar.includes(m.name)) b.gedraaid(m.name);
    b.draait("intermediate/int_parameter_waarden.sql");
    expect(b.isActueel("wmo/art3_afkoopsom.sql")).toBe(false);
  });
});
