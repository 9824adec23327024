#!/usr/bin/env node
// Entry point of the `afkoop` command: runs the TypeScript CLI through tsx.
import { register } from "tsx/esm/api";
register();
// a reader that stops early (afkoop triangle | head) is not an error: stop quietly
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
const { main } = await import("../pipelines/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
