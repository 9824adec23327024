import type { Reader, Row } from "../warehouse/query.ts";

/** The registry entries (value for the year, status, source, article) behind a list of parameter ids. */
export async function parameterSources(r: Reader, ids: string[], year: number): Promise<Row[]> {
  if (ids.length === 0) return [];
  return r.all(
    `SELECT p.parameter_id, p.waarde_tekst AS waarde, p.eenheid, p.status, p.laag, p.hoog, p.bron_id, coalesce(b.citeer_als, b.titel) AS bron, p.vindplaats
     FROM int_parameters_per_jaar p LEFT JOIN stg_bronnen b USING (bron_id)
     WHERE p.jaar = $1 AND list_contains($2::VARCHAR[], p.parameter_id) ORDER BY p.parameter_id`,
    [year, `[${ids.map((i) => `'${i}'`).join(",")}]`],
  );
}

export function sourceLines(rows: Row[]): string {
  return rows
    .map(
      (p) =>
        `  ${p.parameter_id} = ${p.waarde} ${p.eenheid} [${p.status}${p.laag !== null ? `, range ${p.laag}–${p.hoog}` : ""}] — ${p.bron}${p.vindplaats ? `, ${p.vindplaats}` : ""}`,
    )
    .join("\n");
}

export function idsOf(rows: Row[], key = "parameters"): string[] {
  return [...new Set(rows.flatMap((r) => (r[key] as string[] | null) ?? []))];
}
