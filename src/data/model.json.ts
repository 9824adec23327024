// The model for the browser engine: the SQL files in run order, with what each reads and creates. The staging tables
// travel as Arrow IPC (staging.bin); the claims ledger is not published (record-level). See pipelines/site/bundle.ts.
import { bundleModels } from "../../pipelines/site/bundle.ts";

process.stdout.write(JSON.stringify({ staging: [], models: bundleModels() }));
