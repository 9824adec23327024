// The static file server for the built site (scripts/serve.mjs, what `npm start` runs), for browser tests and benchmarks.
export { serve } from "../../scripts/serve.mjs";
