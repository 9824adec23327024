import { readFileSync } from "node:fs";
import { UsageError } from "./errors.ts";

/** A JSON file given on the command line or in options; an unreadable one is a usage error naming the file. */
export function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new UsageError(`${path}: not a readable JSON file (${(e as Error).message})`);
  }
}
