// Every number a rule uses comes from the registry: each par()/par_dec() id in the SQL models exists,
// and every model names its article in its header.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TABLES } from "../pipelines/load/schema.ts";
import { loadModelFiles } from "../pipelines/warehouse/modelfiles.ts";
import { MODELS_DIR } from "../pipelines/warehouse/paths.ts";
import { rows } from "./support/registry.ts";

const ids = new Set(rows("parameters/parameters.csv").map((r) => r.parameter_id));
const withValues = new Set(rows("parameters/waarden.csv").map((r) => r.parameter_id));
const zzp = TABLES.find((t) => t.table === "stg_rekenmodel_zorgprofiel")!.columns.find((c) => c.name === "zzp")!.values!;

describe("the parameter registry behind the SQL", () => {
  const models = loadModelFiles();
  it("every parameter a model reads exists in the registry and has a value", () => {
    for (const m of models) {
      for (const [, id] of m.sql.matchAll(/par(?:_dec)?\('([a-z0-9_.]*[a-z0-9])'/g)) {
        expect(ids.has(id), `${m.name}: ${id}`).toBe(true);
        expect(withValues.has(id), `${m.name}: ${id}`).toBe(true);
      }
      // ids built from a prefix and the stand (voorlopig/definitief)
      for (const [, prefix] of m.sql.matchAll(/par\('([a-z0-9_.]+_)' \|\| s\.stand/g)) {
        for (const stand of ["voorlopig", "definitief"]) expect(ids.has(prefix + stand), `${m.name}: ${prefix}${stand}`).toBe(true);
      }
    }
  });
  it("every parameter in the registry is used by some model or check", () => {
    const sql = models.map((m) => m.sql).join("\n");
    // a family of parameters read by its prefix (LIKE 'verhaal.gevallen.%') counts as used
    const family = (id: string) =>
      sql.includes(`LIKE '${id.slice(0, id.lastIndexOf(".") + 1)}%'`) ||
      // or by its prefix and a key (par('rekenmodel.tarief.' || z.zzp, ...)), the key being a value the loader accepts
      (sql.includes(`'${id.slice(0, id.lastIndexOf(".") + 1)}' || `) && zzp.includes(id.slice(id.lastIndexOf(".") + 1)));
    // or as the column a pivot of the registry names after it (rekenmodel.nah.incidentie → b.nah_incidentie,
    // verhaal.detectie → b.detectie: models/rekenmodel/mc_evaluatie.sql, models/vergelijking/vectoren.sql)
    const pivot = (id: string) =>
      (id.startsWith("rekenmodel.") && new RegExp(`\\bb\\.${id.slice(11).replace(/\./g, "_")}\\b`).test(sql)) ||
      (id.startsWith("verhaal.") && new RegExp(`\\bb\\.${id.slice(8)}\\b`).test(sql));
    const unused = [...ids].filter(
      (id) => !sql.includes(`'${id}'`) && !sql.includes(`'${id.replace(/(voorlopig|definitief)$/, "")}' || `) && !family(id) && !pivot(id),
    );
    expect(unused).toEqual([]);
  });
  it("every drawn parameter of the Rekenmodel enters its Monte Carlo's evaluation (none drawn and then ignored)", () => {
    // the vectors have a column per parameter, named after its id (mc_vectoren.sql); the evaluation reads them as b.<name>
    const evaluatie = readFileSync(join(MODELS_DIR, "rekenmodel", "mc_evaluatie.sql"), "utf8");
    const vectoren = readFileSync(join(MODELS_DIR, "rekenmodel", "mc_vectoren.sql"), "utf8");
    const verdeling = new Map(rows("parameters/parameters.csv").map((r) => [r.parameter_id, r.verdeling]));
    const getrokken = [
      ...new Set(
        rows("parameters/waarden.csv")
          .filter((r) => r.laag !== "" && r.hoog !== "")
          .map((r) => r.parameter_id),
      ),
    ].filter((id) => id.startsWith("rekenmodel.") && verdeling.get(id));
    expect(getrokken.length).toBeGreaterThan(15);
    const kolom = (id: string) => id.slice("rekenmodel.".length).replace(/\./g, "_");
    const kwijt = getrokken.filter((id) =>
      id.startsWith("rekenmodel.tarief.")
        ? !vectoren.includes("'rekenmodel.tarief.' || z.zzp") || !evaluatie.includes("zp.dagtarief")
        : !new RegExp(`\\bb\\.${kolom(id)}\\b`).test(evaluatie),
    );
    expect(kwijt).toEqual([]);
  });
  it("every care package the loader accepts is priced: a tariff and a housing component in the registry (no profile dropped silently)", () => {
    for (const z of zzp) {
      expect(withValues.has(`rekenmodel.tarief.${z}`), z).toBe(true);
      expect(withValues.has(`rekenmodel.huisvesting.${z}`), z).toBe(true);
    }
  });
  it("every model file starts with a header that names its rule", () => {
    for (const m of models) {
      const first = readFileSync(join(MODELS_DIR, m.name), "utf8").split("\n")[0];
      expect(first, m.name).toMatch(/^-- \S/);
    }
  });
});
