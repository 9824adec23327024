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

export async function vraagGemeente(engine, { overrides, jaar, code, eigen = [], trekkingen = null, seed = null }) {
  await engine.run(overrides, (n) => PARAMETER_MODELS(n) || n === INSTELLINGEN);
  for (const sql of keuzeStatements({ jaar, trekkingen, seed, eigen, selectie: [code] })) await engine.query(sql);
  await engine.run(overrides, (n) => n.startsWith("vergelijking/") && n !== INSTELLINGEN && n !== "vergelijking/wlz_uitvoerder.sql");
  const c = String(code).replace(/'/g, "''");
  const [gemeente] = await engine.query(`SELECT * FROM vergelijking_wmo_gemeente WHERE jaar = ${Number(jaar)} AND gemeentecode = '${c}'`);
  const [mc] = await engine.query(`SELECT * FROM vergelijking_wmo_mc WHERE jaar = ${Number(jaar)} AND gemeentecode = '${c}'`);
  return { ...gemeente, ...(mc ?? {}) };
}
