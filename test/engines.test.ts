// One model, two engines: the SQL files run unchanged in DuckDB-Wasm (the site's engine, here through its Node
// build) give the same marts as the pipeline in node-api, with the shipped parameters and with a scenario.
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { modelBundle, stagingArrow, type ModelBundle } from "../pipelines/site/bundle.ts";
import { parseScenario } from "../pipelines/params/scenario.ts";
import { ModelSession } from "../pipelines/warehouse/session.ts";
import { alleen, parameterModellen } from "../engine/engine.js";
import { keuzeStatements, modellenVoorGemeentevraag } from "../engine/vergelijking.js";
import { overridesFrom, vraagGemeenteInStappen } from "../src/components/vergelijking-vraag.js";
import { sharedWarehouse } from "./support/fixtures.ts";
import { wasmEngine, type WasmEngine } from "./support/wasm.ts";

/** Marts compared column by column; DOUBLE sums may differ in their last bits between engines. */
const MARTS: [string, string][] = [
  ["wmo_afkoopsom", "jaar"],
  ["wmo_verdeling_gemeenten", "jaar, gemeentecode"],
  ["wlz_afkoopsom", "jaar"],
  ["rekenmodel_schadelast", "jaar, groep"],
  ["rekenmodel_montecarlo", "jaar"],
  ["rekenmodel_tornado", "jaar, parameter_id"],
  ["vergelijking_wmo_gemeente", "jaar, gemeentecode"],
  ["vergelijking_wmo_mc", "jaar, gemeentecode"],
  ["vergelijking_wmo_detectiecurve", "jaar, gemeentecode, detectie_pct"],
  ["vergelijking_wmo_nationaal", "jaar"],
  ["vergelijking_wlz_uitvoerder", "jaar"],
  ["mart_controles", "ALL"],
];

/** The Monte Carlo settings at fewer draws: every mart keeps its rows and columns, the run takes a fraction of the time. */
const FEWER_DRAWS = { "rekenmodel.mc_trekkingen": 1000, "rekenmodel.sobol_n": 300, "verhaal.mc_trekkingen": 200, "verhaal.sobol_n": 100 };

function same(a: unknown, b: unknown): boolean {
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  const x = Number(a);
  const y = Number(b);
  if (typeof a !== "boolean" && typeof b !== "boolean" && !Number.isNaN(x) && !Number.isNaN(y) && String(a).trim() !== "") {
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
  }
  return String(a) === String(b);
}

async function compare(node: ModelSession, wasm: WasmEngine) {
  for (const [table, order] of MARTS) {
    const cols = (await node.all(`SELECT column_name FROM duckdb_columns() WHERE table_name = '${table}' ORDER BY column_index`)).map((c) =>
      String(c.column_name),
    );
    const select = `SELECT ${cols.map((c) => `CAST("${c}" AS VARCHAR) AS "${c}"`).join(", ")} FROM ${table} ORDER BY ${order}`;
    const a = await node.all(select);
    const b = await wasm.query(select);
    expect(b.length, table).toBe(a.length);
    for (let i = 0; i < a.length; i++) {
      for (const c of cols) {
        if (!same(a[i][c], b[i][c])) expect(`${table}[${i}].${c} = ${b[i][c]}`).toBe(`${table}[${i}].${c} = ${a[i][c]}`);
      }
    }
  }
}

let db: string;
let bundle: ModelBundle;
let node: ModelSession;
let wasm: WasmEngine;
beforeAll(async () => {
  db = await sharedWarehouse();
  bundle = await modelBundle(db);
  node = await ModelSession.open(db);
  // the site's engine: the staging tables as Arrow IPC, with no CSV to fall back on (as the site sends them)
  wasm = await wasmEngine({ staging: [], models: bundle.models, arrow: await stagingArrow(db) });
}, 120_000);
afterAll(() => {
  node?.close();
  wasm?.close();
});

describe("the same SQL in node-api and DuckDB-Wasm", () => {
  it("the bundle holds no record-level claims and no model that reads them", () => {
    expect(bundle.staging.map((t) => t.table)).not.toContain("stg_verhaal_claims");
    expect(bundle.models.some((m) => m.sql.includes("stg_verhaal_claims"))).toBe(false);
  });

  it("the staging tables arrive the same as Arrow IPC (the site) and as CSV: every row, every column and its type", async () => {
    const csv = await wasmEngine(bundle);
    try {
      expect(bundle.arrow).toBeUndefined();
      const typen = "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE table_name LIKE 'stg%' ORDER BY ALL";
      const a = await wasm.query(typen);
      expect(a.length).toBeGreaterThan(50);
      expect(await csv.query(typen)).toEqual(a);
      for (const t of bundle.staging) {
        const rows = async (e: WasmEngine) => (await e.query(`SELECT * FROM ${t.table} ORDER BY ALL`)).map((r: Record<string, unknown>) => JSON.stringify(r));
        const [x, y] = [await rows(wasm), await rows(csv)];
        expect(x.length, t.table).toBeGreaterThan(0);
        expect(x, t.table).toEqual(y);
      }
    } finally {
      csv.close();
    }
  });

  it("gives the same marts with the shipped parameters", async () => {
    // the shipped parameters, with fewer draws (settings, not model parameters): the same SQL on both engines
    const sc = parseScenario({ parameters: FEWER_DRAWS }, await node.registry(), "test");
    await node.runSome((n) => !n.startsWith("verhaal/"), sc.overrides);
    await wasm.run(sc.overrides);
    await compare(node, wasm);
  }, 120_000);

  it("gives the same marts with a scenario and one municipality's question", async () => {
    const sc = parseScenario(
      { parameters: { ...FEWER_DRAWS, "verhaal.detectie": 60, "wmo.kosten_vng": 2, "rekenmodel.mc_trekkingen": 800, "verhaal.honorarium_methode": 3 } },
      await node.registry(),
      "test",
    );
    // from the previous test's tables, each engine re-runs only what the scenario makes stale (engine/actueel.js), the
    // same bookkeeping on both sides
    const tabellen = MARTS.map(([t]) => t);
    await node.runFor(tabellen, sc.overrides);
    await wasm.runFor(tabellen, sc.overrides);
    const keuze = keuzeStatements({
      jaar: 2024,
      trekkingen: 400,
      seed: 3,
      eigen: [{ code: "EIGEN", naam: "Voorbeeld", inwoners: 42_000 }],
      selectie: ["EIGEN", "GM0402"],
    });
    for (const sql of keuze) {
      await node.exec(sql);
      await wasm.query(sql);
    }
    const after = (n: string) => n.startsWith("vergelijking/") && n !== "vergelijking/instellingen.sql";
    await node.runSome(after);
    await wasm.run(sc.overrides, after);
    await compare(node, wasm);
  }, 120_000);

  it("answers a municipality's questions, asked again and again on the plans of the first (engine/herhaling.js), as node-api answers each afresh", async () => {
    // the gemeente page's questions as a user asks them: sliders moved, another municipality, the Monte Carlo's draws
    const standaard = { "verhaal.detectie": 0, "verhaal.honorarium_percentage": 0, "verhaal.vaste_kosten": 0 };
    const vragen = [
      { waarden: { "verhaal.detectie": 40 }, code: "GM0402", trekkingen: 300 },
      { waarden: { "verhaal.detectie": 55 }, code: "GM0402", trekkingen: 300 },
      { waarden: { "verhaal.detectie": 55, "verhaal.honorarium_percentage": 12 }, code: "GM0363", trekkingen: 300 },
      { waarden: { "verhaal.detectie": 20, "verhaal.vaste_kosten": 90_000 }, code: "GM0363", trekkingen: 0 },
      { waarden: { "verhaal.detectie": 70 }, code: "GM0014", trekkingen: 500 },
    ];
    const resultaat = (code: string) => `SELECT * FROM vergelijking_wmo_resultaat WHERE jaar = 2018 AND gemeentecode = '${code}'`;
    for (const v of vragen) {
      const overrides = overridesFrom(v.waarden, standaard);
      let antwoord: Record<string, unknown> | undefined;
      for await (const stap of vraagGemeenteInStappen(wasm, { overrides, jaar: 2018, code: v.code, trekkingen: v.trekkingen, seed: 5 })) antwoord = stap;
      // node-api, planned afresh: the same overrides, settings and models
      await node.runSome(alleen(parameterModellen(node.graaf)), overrides);
      for (const sql of keuzeStatements({ jaar: 2018, trekkingen: v.trekkingen, seed: 5, selectie: [v.code] })) await node.exec(sql);
      await node.runSome(alleen(modellenVoorGemeentevraag(node.graaf)));
      const [verwacht] = await node.all(resultaat(v.code));
      expect(Object.keys(verwacht).length).toBeGreaterThan(20);
      for (const [k, w] of Object.entries(verwacht)) {
        if (!same(antwoord![k], w))
          expect(`${v.code} ${JSON.stringify(v.waarden)} ${k} = ${antwoord![k]}`).toBe(`${v.code} ${JSON.stringify(v.waarden)} ${k} = ${w}`);
      }
      expect(antwoord!.fase).toBe("montecarlo");
    }
    // and they were replayed: every question after the first ran its models' statements on prepared plans
    expect(wasm.herhaald()).toBeGreaterThan(2 * 25 * (vragen.length - 1));
  }, 120_000);
});
