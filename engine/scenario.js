// One parameter of a scenario against its registry row: the checks `afkoop` (pipelines/params/scenario.ts) and the
// site's Scenario's page (src/components/scenario-bestand.js) both make, as a list of problems that each caller words
// in its own language. Numbers arrive already read (the CLI reads JSON, the page reads Dutch fields).

/**
 * @typedef {{ parameter_id: string, eenheid: string, min?: number | null, max?: number | null }} Registerregel
 * @typedef {{ waarde: number | null, laag?: number | null, hoog?: number | null }} Waarden
 * @typedef {{ veld: "waarde" | "laag" | "hoog", soort: "ontbreekt" | "geen_getal" | "geen_geheel_getal" | "onder_minimum"
 *   | "boven_maximum" | "laag_boven_hoog" | "waarde_onder_laag" | "waarde_boven_hoog", waarde?: number, grens?: number }} Probleem
 */

/**
 * The problems of one parameter's values, in order: each field a number (a whole number for counts, unit `aantal`),
 * within the registry's min and max; then laag at most hoog, and the value within laag and hoog (the mode of the
 * distribution drawn from the range). Empty when all is well.
 * @param {Registerregel} p @param {Waarden} v @returns {Probleem[]}
 */
export function problemenVan(p, v) {
  /** @type {Probleem[]} */
  const uit = [];
  if (v.waarde === null || v.waarde === undefined) uit.push({ veld: "waarde", soort: "ontbreekt" });
  for (const veld of /** @type {const} */ (["waarde", "laag", "hoog"])) {
    const x = v[veld];
    if (x === null || x === undefined) continue;
    if (!Number.isFinite(x)) uit.push({ veld, soort: "geen_getal" });
    else if (p.eenheid === "aantal" && !Number.isInteger(x)) uit.push({ veld, soort: "geen_geheel_getal", waarde: x });
    else if (p.min !== null && p.min !== undefined && x < p.min) uit.push({ veld, soort: "onder_minimum", waarde: x, grens: p.min });
    else if (p.max !== null && p.max !== undefined && x > p.max) uit.push({ veld, soort: "boven_maximum", waarde: x, grens: p.max });
  }
  if (uit.length) return uit;
  const { waarde, laag, hoog } = v;
  if (laag !== null && laag !== undefined && hoog !== null && hoog !== undefined && laag > hoog)
    uit.push({ veld: "laag", soort: "laag_boven_hoog", waarde: laag, grens: hoog });
  else if (waarde !== null && waarde !== undefined) {
    if (laag !== null && laag !== undefined && waarde < laag) uit.push({ veld: "waarde", soort: "waarde_onder_laag", waarde, grens: laag });
    else if (hoog !== null && hoog !== undefined && waarde > hoog) uit.push({ veld: "waarde", soort: "waarde_boven_hoog", waarde, grens: hoog });
  }
  return uit;
}
