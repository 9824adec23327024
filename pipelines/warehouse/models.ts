/**
 * The SQL models: files under models/, run in the order of models/run-order.txt. The same list and the
 * same text run in Node (pipeline) and in DuckDB-Wasm (site); this module only reads and orders them.
 */
export interface ModelFile {
  /** Path below models/, e.g. "wmo/art3_afkoopsom.sql". */
  name: string;
  sql: string;
  /** The rule in Dutch, from the file's `-- regel:` line (what the site's Data page shows). */
  header: string;
  /** Tables and macros the file creates (TEMP tables included: working tables of one run, not kept in the warehouse). */
  creates: string[];
}

export function parseRunOrder(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
}

export function describeModel(name: string, sql: string): ModelFile {
  const regel = /^--\s*regel:\s*(.+)$/m.exec(sql);
  if (!regel) throw new Error(`models/${name}: no "-- regel:" line (the rule in Dutch, for the site's Data page)`);
  const header = regel[1].trim();
  const creates = [...sql.matchAll(/CREATE OR REPLACE (?:TEMP )?(?:TABLE|MACRO|VIEW)\s+([a-z0-9_]+)/gi)].map((m) => m[1]);
  return { name, sql, header, creates };
}

/** Runs every model through `exec`; the error names the model file that failed. */
export async function runModels(exec: (sql: string) => Promise<unknown>, models: ModelFile[]): Promise<void> {
  for (const m of models) {
    try {
      await exec(m.sql);
    } catch (e) {
      throw new Error(`model ${m.name} failed: ${(e as Error).message}`);
    }
  }
}
