/**
 * The SQL models: every file under models/, in the run order of the model graph (engine/graph.js). The same files
 * and order run in Node (pipeline) and in DuckDB-Wasm (site); this module only runs them.
 */
export interface ModelFile {
  /** Path below models/, e.g. "wmo/art3_afkoopsom.sql". */
  name: string;
  sql: string;
  /** The rule in Dutch, from the file's `-- regel:` line (what the site's Data page shows). */
  regel: string;
  tags: string[];
  /** Tables and macros the file creates (TEMP tables included: working tables of one run, not kept in the warehouse). */
  creates: string[];
  /** What the file reads that another model or the loader creates. */
  reads: string[];
}

/** Runs every model through `exec`; the error names the model file that failed. */
export async function runModels(exec: (sql: string) => Promise<unknown>, models: Pick<ModelFile, "name" | "sql">[]): Promise<void> {
  for (const m of models) {
    try {
      await exec(m.sql);
    } catch (e) {
      throw new Error(`model ${m.name} failed: ${(e as Error).message}`);
    }
  }
}
