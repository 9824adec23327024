// The staging tables for the browser engine as Arrow IPC (pipelines/site/bundle.ts stagingArrow): numbers arrive as
// numbers, and nothing is parsed again in the browser. The claims ledger is not among them (record-level).
import { stagingArrow } from "../../pipelines/site/bundle.ts";

process.stdout.write(await stagingArrow());
