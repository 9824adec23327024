// A question the page asks again at every slider change runs on the plans of its first asking (engine/herhaling.js):
// statements split as DuckDB splits them, replayed only on what they made themselves, and answering as a plan made
// afresh would, whatever the data did in between.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { geschrevenNamen } from "../engine/actueel.js";
import { modelEngine } from "../engine/engine.js";
import { herhaling, statementen } from "../engine/herhaling.js";
import { wasmAdapter, type WasmEngine } from "./support/wasm.ts";

describe("statementen", () => {
  it("splits at the semicolons outside strings, quoted names and comments, and leaves out what is only comments", () => {
    const sql = `-- a note; not the end\nSELECT 'a;b' AS "x;y";\n/* c; d */ SELECT 'it''s; one';\n-- nothing but a note;\n;SELECT 2 -- the end; of it\n`;
    expect(statementen(sql)).toEqual([`-- a note; not the end\nSELECT 'a;b' AS "x;y"`, `/* c; d */ SELECT 'it''s; one'`, "SELECT 2 -- the end; of it"]);
  });
});

describe("what a statement run before becomes", () => {
  const tabel = "CREATE OR REPLACE TABLE t AS SELECT x FROM s WHERE x > 5";

  it("runs as it is the first time, is prepared the second, and is only executed from then on", () => {
    const h = herhaling(geschrevenNamen);
    expect(h.tekst(tabel)).toEqual({ tekst: tabel, voorbereid: false });
    const tweede = h.tekst(tabel);
    expect(tweede.voorbereid).toBe(true);
    expect(statementen(tweede.tekst)).toEqual([
      "PREPARE afkoop_herhaling_1 AS INSERT INTO t SELECT x FROM s WHERE x > 5",
      "DELETE FROM t",
      "EXECUTE afkoop_herhaling_1",
    ]);
    expect(statementen(h.tekst(tabel).tekst)).toEqual(["DELETE FROM t", "EXECUTE afkoop_herhaling_1"]);
  });

  it("runs a query that writes nothing as it is the first time, and on its prepared plan from the second", () => {
    const h = herhaling(geschrevenNamen);
    const vraag = "SELECT count(*) AS n FROM t WHERE x > 6";
    expect(h.tekst(vraag)).toEqual({ tekst: vraag, voorbereid: false });
    expect(h.tekst(vraag)).toEqual({ tekst: `PREPARE afkoop_herhaling_1 AS ${vraag};\nEXECUTE afkoop_herhaling_1`, voorbereid: true });
    expect(h.tekst(vraag)).toEqual({ tekst: "EXECUTE afkoop_herhaling_1", voorbereid: true });
    // one that writes runs as it is, however often
    const schrijft = "INSERT INTO s SELECT 1";
    h.tekst(schrijft);
    expect(h.tekst(schrijft)).toEqual({ tekst: schrijft, voorbereid: false });
  });

  it("leaves a macro or view of the same statement in place, and empties a table made with its columns given", () => {
    const h = herhaling(geschrevenNamen);
    const sql = "CREATE OR REPLACE MACRO m(a) AS a + 1;\nCREATE OR REPLACE VIEW v AS SELECT 1 AS y;\nCREATE OR REPLACE TABLE o (a VARCHAR, b DOUBLE)";
    expect(h.tekst(sql).tekst).toBe(statementen(sql).join(";\n"));
    expect(h.tekst(sql)).toEqual({ tekst: "DELETE FROM o", voorbereid: false });
  });

  it("runs as it is what PIVOT or VALUES makes, and every other statement", () => {
    const h = herhaling(geschrevenNamen);
    const sql = "CREATE OR REPLACE TABLE p AS PIVOT s ON x USING count(*);\nCREATE OR REPLACE TABLE w AS VALUES (1);\nINSERT INTO s VALUES (3)";
    h.tekst(sql);
    expect(h.tekst(sql).tekst).toBe(statementen(sql).join(";\n"));
  });

  it("runs everything as it is once more after another statement made one of its tables, a write it cannot read, or a failure", () => {
    for (const tussendoor of [
      (h: ReturnType<typeof herhaling>) => h.zag("CREATE OR REPLACE TABLE s AS SELECT 'a' AS x"),
      (h: ReturnType<typeof herhaling>) => h.zag("CREATE OR REPLACE TABLE t AS SELECT 1 AS x"),
      (h: ReturnType<typeof herhaling>) => h.zag("DROP TABLE t"),
      (h: ReturnType<typeof herhaling>) => h.zag('CREATE TABLE "a name" AS SELECT 1'),
      (h: ReturnType<typeof herhaling>) => h.vergeet(),
    ]) {
      const h = herhaling(geschrevenNamen);
      h.zag("CREATE OR REPLACE TABLE s AS SELECT 1 AS x");
      h.tekst(tabel);
      expect(h.tekst(tabel).voorbereid).toBe(true);
      tussendoor(h);
      // 'DROP TABLE t' forgets t alone; the others forget everything
      expect(h.tekst(tabel)).toEqual({ tekst: tabel, voorbereid: false });
    }
    // what a statement merely fills (DELETE, INSERT) keeps its plans
    const h = herhaling(geschrevenNamen);
    h.tekst(tabel);
    h.zag("DELETE FROM s; INSERT INTO s VALUES (7)");
    expect(h.tekst(tabel).voorbereid).toBe(true);
  });
});

describe("a question asked again, in DuckDB-Wasm", () => {
  let e: WasmEngine;
  let sluit: () => void;
  const model = { name: "t.sql", sql: "CREATE OR REPLACE TABLE t AS SELECT x FROM s WHERE x > 5", regel: "", tags: [], creates: ["t"], reads: ["s"] };
  const aantal = async () => Number((await e.batch([(n) => n === "t.sql", "SELECT count(*) AS n FROM t"]))[0].n);

  beforeAll(async () => {
    const { adapter, close } = await wasmAdapter();
    sluit = close;
    e = await modelEngine(adapter, { staging: [], models: [model] });
  });
  afterAll(() => sluit?.());

  it("finds the rows a filter passes once the data reach it, on a plan made when none did", async () => {
    await e.query("CREATE OR REPLACE TABLE s AS SELECT range AS x FROM range(3)");
    expect(await aantal()).toBe(0); // planned
    expect(await aantal()).toBe(0); // prepared, on data that never pass x > 5
    await e.query("DELETE FROM s; INSERT INTO s SELECT range FROM range(10)");
    expect(await aantal()).toBe(4); // 6, 7, 8, 9: a plan made on the statistics of the first data would find none
    await e.query("DELETE FROM s");
    expect(await aantal()).toBe(0);
  });

  it("answers from the table as it is now when another statement made it again, with other columns", async () => {
    await e.query("CREATE OR REPLACE TABLE s AS SELECT CAST(range AS DOUBLE) + 0.5 AS x FROM range(10)");
    // 5.5 .. 9.5 pass, and t holds them as they are: refilled into the old t, they would be cast to whole numbers
    const tabel = async () => (await e.query("SELECT CAST(list(x ORDER BY x) AS VARCHAR) AS x, any_value(typeof(x)) AS t FROM t"))[0];
    expect(await aantal()).toBe(5);
    const eerst = await tabel();
    expect(await aantal()).toBe(5);
    expect(await tabel()).toEqual(eerst);
    expect(eerst).toEqual({ x: "[5.5, 6.5, 7.5, 8.5, 9.5]", t: "DOUBLE" });
  });

  it("leaves the statistics optimiser on for what it runs as it is", async () => {
    expect((await e.query("SELECT current_setting('disabled_optimizers') AS d"))[0].d).toBe("");
  });
});
