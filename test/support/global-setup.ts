// vitest globalSetup: one warehouse from the shipped data, built once before any test file runs and shared with
// every file that only reads it (sharedWarehouse in fixtures.ts reads AFKOOP_TEST_DB); removed at the end.
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import type { TestProject } from "vitest/node";
import { freshWarehouse } from "./fixtures.ts";

export default async function setup(project: TestProject) {
  const db = await freshWarehouse();
  process.env.AFKOOP_TEST_DB = db;
  project.provide("afkoopTestDb", db);
  return () => rmSync(dirname(db), { recursive: true, force: true });
}
