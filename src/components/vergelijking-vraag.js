// One municipality's question to the browser engine, in the order Node's `afkoop gemeente` asks it: the slider
// values as parameter overrides, the parameter models, the comparison's settings, then the comparison models.
import { keuzeStatements } from "./vergelijking-keuze.js";
import { PARAMETER_MODELS } from "./model-engine.js";

const INSTELLINGEN = "vergelijking/instellingen.sql";

/** Slider values {parameter_id: value} that differ from the registry, as scenario overrides (whole series). */
export function overridesFrom(values, defaults) {
  return Object.entries(values)
    .filter(([id, w]) => Number(w) !== Number(defaults[id]))
    .map(([id, w]) => ({ parameter_id: id, vanaf_jaar: null, waarde: String(w), laag: null, hoog: null, toelichting: "gemeentepagina" }));
}

/** Needs the engine to have run every model up to and including vergelijking/instellingen.sql once. */
export async function vraagGemeente(engine, { overrides, jaar, code, eigen = [], trekkingen = null, seed = null }) {
  await engine.run(overrides, PARAMETER_MODELS);
  await engine.query(keuzeStatements({ jaar, trekkingen, seed, eigen, selectie: [code] }).join(";\n"));
  await engine.runModels((n) => n.startsWith("vergelijking/") && n !== INSTELLINGEN && n !== "vergelijking/wlz_uitvoerder.sql");
  const c = String(code).replace(/'/g, "''");
  const [r] = await engine.query(`SELECT g.*, m.* EXCLUDE (jaar, gemeentecode) FROM vergelijking_wmo_gemeente g LEFT JOIN vergelijking_wmo_mc m USING (jaar, gemeentecode)
                                   WHERE g.jaar = ${Number(jaar)} AND g.gemeentecode = '${c}'`);
  const curve = await engine.query(`SELECT detectie_pct, voordeel_uittreden FROM vergelijking_wmo_detectiecurve WHERE jaar = ${Number(jaar)} AND gemeentecode = '${c}' ORDER BY detectie_pct`);
  return { ...r, curve };
}
