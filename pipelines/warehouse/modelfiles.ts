import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { modelGraph, parseModel } from "../../engine/graph.js";
import type { ModelFile } from "./models.ts";
import { MODELS_DIR } from "./paths.ts";

/** Every SQL file under models/, as the model graph (engine/graph.js): the models in run order, and who creates what. */
export function loadModelGraph(dir = MODELS_DIR) {
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".sql"))
    .map((f) => f.split("\\").join("/"))
    .sort();
  return modelGraph(files.map((f) => parseModel(f, readFileSync(join(dir, f), "utf8"))));
}

/** The models of a run, in run order (a topological sort of what each file reads). */
export function loadModelFiles(dir = MODELS_DIR): ModelFile[] {
  return loadModelGraph(dir).models;
}
