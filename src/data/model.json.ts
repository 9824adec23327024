// The model for the browser engine: staging tables (CSV with their DuckDB types) and the SQL files in run
// order. The claims ledger is not published (record-level); see pipelines/site/bundle.ts.
import { modelBundle } from "../../pipelines/site/bundle.ts";

process.stdout.write(JSON.stringify(await modelBundle()));
