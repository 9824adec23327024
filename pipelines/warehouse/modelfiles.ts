import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describeModel, parseRunOrder, type ModelFile } from "./models.ts";
import { MODELS_DIR } from "./paths.ts";

export function loadModelFiles(dir = MODELS_DIR): ModelFile[] {
  return parseRunOrder(readFileSync(join(dir, "run-order.txt"), "utf8")).map((name) => describeModel(name, readFileSync(join(dir, name), "utf8")));
}
