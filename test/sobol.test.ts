// Global sensitivity (models/intermediate/int_sobol.sql): the Saltelli design with Jansen's estimators, checked on
// the Ishigami function f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i ~ U(-pi, pi), whose Sobol indices are known in
// closed form (Ishigami & Homma 1990; Saltelli et al., Global Sensitivity Analysis: The Primer, 2008, p. 179):
//   V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2,  V1 = (1 + b pi^4/5)^2 / 2,  V2 = a^2/8,  V3 = 0,
//   VT1 = V1 + V13,  V13 = b^2 pi^8 (1/18 - 1/50),  VT2 = V2,  VT3 = V13.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { MODELS_DIR } from "../pipelines/warehouse/paths.ts";

const a = 7,
  b = 0.1,
  pi = Math.PI;
const V = a ** 2 / 8 + (b * pi ** 4) / 5 + (b ** 2 * pi ** 8) / 18 + 0.5;
const V1 = (1 + (b * pi ** 4) / 5) ** 2 / 2,
  V2 = a ** 2 / 8,
  V13 = b ** 2 * pi ** 8 * (1 / 18 - 1 / 50);
const analytic: Record<string, { S: number; ST: number }> = {
  x1: { S: V1 / V, ST: (V1 + V13) / V },
  x2: { S: V2 / V, ST: V2 / V },
  x3: { S: 0, ST: V13 / V },
};

async function ishigami(n: number, seed: number) {
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    for (const f of ["intermediate/int_trekkingen.sql", "intermediate/int_sobol.sql"]) await con.run(readFileSync(join(MODELS_DIR, f), "utf8"));
    await con.run("CREATE TABLE ishigami_parameters AS SELECT unnest(['x1', 'x2', 'x3']) AS parameter_id");
    await con.run(`CREATE TABLE ishigami_uitkomsten AS
      WITH d AS (SELECT * FROM sobol_ontwerp(${seed}, ${n}, 'ishigami_parameters')),
      w AS (SELECT matrix, gevarieerd, trekking,
                   max(-pi() + 2 * pi() * u) FILTER (parameter_id = 'x1') AS x1, max(-pi() + 2 * pi() * u) FILTER (parameter_id = 'x2') AS x2,
                   max(-pi() + 2 * pi() * u) FILTER (parameter_id = 'x3') AS x3
            FROM d GROUP BY ALL)
      SELECT 'ishigami' AS uitkomst, matrix, gevarieerd, trekking, sin(x1) + ${a} * sin(x2) ^ 2 + ${b} * x3 ^ 4 * sin(x1) AS f FROM w`);
    const rows = (
      await con.runAndReadAll("SELECT parameter_id, eerste_orde, totaal, trekkingen FROM sobol_indices('ishigami_uitkomsten') ORDER BY parameter_id")
    ).getRowObjectsJson();
    return Object.fromEntries(rows.map((r) => [String(r.parameter_id), { S: Number(r.eerste_orde), ST: Number(r.totaal), n: Number(r.trekkingen) }]));
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

describe("Sobol indices (Saltelli design, Jansen estimators) on the Ishigami function", () => {
  it("first-order and total indices lie within 0.03 of the analytic values (N = 20,000 per matrix)", async () => {
    const est = await ishigami(20000, 20260101);
    for (const [x, want] of Object.entries(analytic)) {
      expect(est[x].n).toBe(20000);
      expect(Math.abs(est[x].S - want.S), `${x} first order ${est[x].S} vs ${want.S}`).toBeLessThan(0.03);
      expect(Math.abs(est[x].ST - want.ST), `${x} total ${est[x].ST} vs ${want.ST}`).toBeLessThan(0.03);
    }
    // the structure the numbers must show: x3 acts only through its interaction with x1
    expect(est.x3.ST - est.x3.S).toBeGreaterThan(0.15);
  });

  it("the same seed gives the same indices; another seed gives other estimates", async () => {
    const [p, q, r] = [await ishigami(2000, 1), await ishigami(2000, 1), await ishigami(2000, 2)];
    expect(q).toEqual(p);
    expect(r.x1.S).not.toBe(p.x1.S);
  });
});
