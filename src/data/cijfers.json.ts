// Every source figure with its provenance (mart_cijfers_met_bron), for the site.
import { readMart } from "./warehouse.ts";

process.stdout.write(JSON.stringify(await readMart("SELECT * FROM mart_cijfers_met_bron")));
