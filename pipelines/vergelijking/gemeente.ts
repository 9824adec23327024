/**
 * The comparison for one municipality (shipped code, or a custom one by its inhabitants) and one year, on a
 * model session: sets vg_eigen_gemeenten and vg_mc_instellingen, re-runs the vergelijking models after their
 * settings, and reads the municipality's rows. The SQL does the work; this only chooses the inputs.
 */
import { UsageError } from "../lib/errors.ts";
import type { ModelSession } from "../warehouse/session.ts";
import type { Row } from "../warehouse/query.ts";
import { alleen } from "../../engine/engine.js";
import { EIGEN_CODE, keuzeStatements, vergelijkingsModellen } from "../../engine/vergelijking.js";

export { EIGEN_CODE };

export interface GemeenteVraag {
  code?: string;
  inwoners?: number;
  naam?: string;
  jaar: number;
  trekkingen?: number;
  seed?: number;
}

export interface GemeenteAntwoord {
  gemeente: Row;
  montecarlo: Row | null;
}

/** The years the comparison covers (vergelijking/instellingen.sql), and the message for one outside them. */
export async function checkYear(s: ModelSession, jaar: number, field: string) {
  const [years] = await s.all("SELECT min(jaar) AS lo, max(jaar) AS hi FROM vg_jaren");
  if (jaar < Number(years.lo) || jaar > Number(years.hi)) throw new UsageError(`${field}: the comparison covers ${years.lo}-${years.hi}, not ${jaar}`);
}

export async function setComparison(
  s: ModelSession,
  v: {
    jaar: number;
    trekkingen?: number;
    seed?: number;
    eigen?: { code: string; naam: string; inwoners: number }[];
    selectie?: string[];
    punten?: { punt: number; waarden: Record<string, number> }[];
  },
  yearField = "--year",
) {
  await checkYear(s, v.jaar, yearField);
  for (const sql of keuzeStatements({
    jaar: v.jaar,
    trekkingen: v.trekkingen ?? null,
    seed: v.seed ?? null,
    eigen: v.eigen ?? [],
    selectie: v.selectie ?? [],
    punten: v.punten ?? [],
  }))
    await s.exec(sql);
  await s.runSome(alleen(vergelijkingsModellen(s.graaf)));
}

export async function compareMunicipality(s: ModelSession, q: GemeenteVraag): Promise<GemeenteAntwoord> {
  let code = q.code;
  let eigen: { code: string; naam: string; inwoners: number }[] = [];
  if (code) {
    const [g] = await s.all("SELECT gemeentenaam, inwoners FROM stg_gemeenten WHERE gemeentecode = $1", [code.toUpperCase()]);
    if (!g) {
      const near = await s.all(
        "SELECT gemeentecode, gemeentenaam FROM stg_gemeenten ORDER BY jaro_winkler_similarity(lower(gemeentenaam), lower($1)) DESC LIMIT 1",
        [code],
      );
      throw new UsageError(
        `--code: no municipality ${code} in the shipped list (CBS codes such as GM0402${near[0] ? `; a name? ${near[0].gemeentenaam} is ${near[0].gemeentecode}` : ""})`,
      );
    }
    code = code.toUpperCase();
    if (q.inwoners !== undefined) {
      eigen = [{ code: EIGEN_CODE, naam: `${g.gemeentenaam} met ${q.inwoners} inwoners`, inwoners: q.inwoners }];
      code = EIGEN_CODE;
    }
  } else if (q.inwoners !== undefined) {
    eigen = [{ code: EIGEN_CODE, naam: q.naam ?? `gemeente met ${q.inwoners} inwoners`, inwoners: q.inwoners }];
    code = EIGEN_CODE;
  } else throw new UsageError("give --code GMxxxx, --inwoners N, or both");
  if (q.inwoners !== undefined && (!Number.isInteger(q.inwoners) || q.inwoners <= 0))
    throw new UsageError(`--inwoners: expected a positive whole number, found ${q.inwoners}`);
  await setComparison(s, { jaar: q.jaar, trekkingen: q.trekkingen, seed: q.seed, eigen, selectie: [code!] });
  const [gemeente] = await s.all("SELECT * FROM vergelijking_wmo_resultaat WHERE jaar = $1 AND gemeentecode = $2", [q.jaar, code]);
  const mcColumns = ["jaar", "gemeentecode", "trekkingen", "seed", "kans_uittreden_beter", "voordeel_p05", "voordeel_p50", "voordeel_p95"];
  const montecarlo = gemeente.trekkingen === null ? null : Object.fromEntries(mcColumns.map((k) => [k, gemeente[k]]));
  return { gemeente, montecarlo };
}
