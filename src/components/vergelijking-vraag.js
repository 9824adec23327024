// One municipality's question to the browser engine, in the order Node's `afkoop gemeente` asks it: the slider
// values as parameter overrides, the parameter models, the comparison's settings, then the comparison models.
import { alleen, overridesSql, parameterModellen } from "../engine/engine.js";
import { sqlTekst } from "../engine/sql.js";
import { keuzeStatements, modellenVoorGemeentevraag } from "../engine/vergelijking.js";

/** Slider values {parameter_id: value} that differ from the registry, as scenario overrides (whole series). */
export function overridesFrom(values, defaults) {
  return Object.entries(values)
    .filter(([id, w]) => Number(w) !== Number(defaults[id]))
    .map(([id, w]) => ({ parameter_id: id, vanaf_jaar: null, waarde: String(w), laag: null, hoog: null, toelichting: "gemeentepagina" }));
}

/**
 * One municipality's question, in two steps so the page answers quickly: first the numbers without the Monte
 * Carlo (0 draws), then with it. Yields each answer with its step ("deterministisch", "montecarlo") and the time
 * since the start. Needs the engine to have run modellenVoorGemeente once.
 * @param {any} engine
 * @param {{ overrides: any[] | null, jaar: number, code: string, eigen?: any[], trekkingen?: number | null, seed?: number | null }} vraag
 */
export async function* vraagGemeenteInStappen(engine, { overrides, jaar, code, eigen = [], trekkingen = null, seed = null }) {
  const t0 = performance.now();
  const ticket = nieuweVraag(engine);
  const eerste = await serieel(engine, () => antwoord(engine, { overrides, jaar, code, eigen, trekkingen: 0, seed }));
  yield { ...eerste, fase: "deterministisch", rekentijd: performance.now() - t0 };
  if (ticket !== laatsteVraag.get(engine)) return; // a newer question came in: its answer counts, not this one's
  const tweede = await serieel(engine, async () => {
    if (ticket !== laatsteVraag.get(engine)) return null;
    return antwoord(engine, { overrides: null, jaar, code, eigen, trekkingen, seed });
  });
  if (tweede) yield { ...tweede, fase: "montecarlo", rekentijd: performance.now() - t0 };
}

// Questions to one engine run one at a time (they share its tables); a newer question supersedes an older one.
const wachtrij = new WeakMap();
const laatsteVraag = new WeakMap();
function nieuweVraag(engine) {
  const n = (laatsteVraag.get(engine) ?? 0) + 1;
  laatsteVraag.set(engine, n);
  return n;
}
function serieel(engine, werk) {
  const vorige = wachtrij.get(engine) ?? Promise.resolve();
  const volgende = vorige.catch(() => {}).then(werk);
  wachtrij.set(engine, volgende);
  return volgende;
}

/** One step in one round trip: [overrides and parameter models,] settings, comparison models, the answer. */
async function antwoord(engine, { overrides, jaar, code, eigen, trekkingen, seed }) {
  // what the answer reads, from the question's settings on: the page shows no Wlz side and no drivers, so neither runs
  const vergelijking = alleen(modellenVoorGemeentevraag(engine.graaf));
  const [r] = await engine.batch(
    /** @type {any[]} */ ([
      ...(overrides ? [overridesSql(overrides), alleen(parameterModellen(engine.graaf))] : []),
      keuzeStatements({ jaar, trekkingen, seed, eigen, selectie: [code] }).join(";\n"),
      vergelijking,
      `SELECT g.*,
      (SELECT list({'detectie_pct': CAST(d.detectie_pct AS INTEGER), 'voordeel_uittreden': CAST(d.voordeel_uittreden AS DOUBLE)} ORDER BY d.detectie_pct)
         FROM vergelijking_wmo_detectiecurve d WHERE d.jaar = g.jaar AND d.gemeentecode = g.gemeentecode) AS curve
    FROM vergelijking_wmo_resultaat g
    WHERE g.jaar = ${Number(jaar)} AND g.gemeentecode = ${sqlTekst(code)}`,
    ]),
  );
  return { ...r, curve: gewoon(r.curve) };
}

/** An Arrow list of structs as plain objects. */
function gewoon(v) {
  if (!v || typeof v.toArray !== "function") return v ?? [];
  const plain = (o) => Object.fromEntries(Object.entries(o).map(([k, w]) => [k, typeof w === "bigint" ? Number(w) : w]));
  return Array.from(v.toArray(), (x) => plain(x && typeof x.toJSON === "function" ? x.toJSON() : x));
}
