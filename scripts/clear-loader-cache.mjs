// Framework caches data loader output by the loader's source; the loaders read the warehouse, which the
// pipeline has just rebuilt, so their cached output is dropped before the site is built or served.
import { rmSync } from "node:fs";
rmSync(new URL("../src/.observablehq/cache/data", import.meta.url), { recursive: true, force: true });
