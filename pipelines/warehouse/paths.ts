import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";

/** The project root (where package.json lives). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SHIPPED_DATA = join(ROOT, "data");
export const MODELS_DIR = join(ROOT, "models");
/** Default warehouse file; git-ignored. Override with --db or AFKOOP_DB. */
export const DEFAULT_DB = process.env.AFKOOP_DB ?? join(ROOT, "warehouse", "afkoop.duckdb");
