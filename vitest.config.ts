import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // one warehouse from the shipped data, shared by the files that only read it (sharedWarehouse)
    globalSetup: ["test/support/global-setup.ts"],
    // two files at a time: most of a file's time is one DuckDB query after another, which leaves the second core idle
    maxWorkers: 2,
    // files share a worker's module cache (no re-import of DuckDB and the pipeline per file); each file opens its own
    // sessions and warehouses
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
