// A worker thread that reads one stretch of a large CSV file with the loader's checks (stream.ts, passInWorker).
// It runs the TypeScript modules through tsx, as bin/afkoop.mjs does, whatever started the process.
import { register } from "tsx/esm/api";
register();
const { passInWorker } = await import("./stream.ts");
passInWorker();
