import { existsSync } from "node:fs";
import { UsageError } from "../lib/errors.ts";
import { chainLadder } from "../verhaal/triangle.ts";
import { num, table } from "./format.ts";
import type { Command } from "./main.ts";

export const triangleCommand: Command = {
  name: "triangle",
  summary: "Chain ladder (volume-weighted factors, ultimates, reserves) with Mack's standard errors for any claims triangle",
  usage: "afkoop triangle --input FILE [--incremental] [--json]",
  help: [
    ["--input FILE", "CSV (or XLSX) with columns origin, dev (development age, 1 = first) and value"],
    ["--incremental", "Values are incremental (default: cumulative)"],
    ["--json", "Print factors, per-origin results and totals as JSON"],
  ],
  options: { input: { type: "string" }, incremental: { type: "boolean" }, json: { type: "boolean" } },
  async run(v) {
    const input = v.input as string | undefined;
    if (!input) throw new UsageError("--input FILE is required");
    if (!existsSync(input)) throw new UsageError(`--input: no such file ${input}`);
    const r = await chainLadder(input, input, Boolean(v.incremental));
    if (v.json) {
      console.log(JSON.stringify(r, null, 2));
      return 0;
    }
    const n = (x: unknown, d = 0) => num(x, d);
    console.log(`Chain ladder on ${input} (${v.incremental ? "incremental" : "cumulative"} values)\n`);
    console.log(
      table(
        r.factoren.map((f) => ({ ...f, f: n(f.f, 6), sigma2: n(f.sigma2, 4) + (f.sigma2_geextrapoleerd ? " *" : "") })),
        [
          { key: "dev", label: "dev", align: "right" },
          { key: "f", label: "factor", align: "right" },
          { key: "sigma2", label: "sigma^2", align: "right" },
          { key: "origins", label: "origins", align: "right" },
        ],
      ),
    );
    console.log("* extrapolated (Mack 1993)\n");
    console.log(
      table(
        r.perOrigin.map((o) => ({
          ...o,
          laatste: n(o.laatste),
          ultimate: n(o.ultimate),
          reserve: n(o.reserve),
          mack_se: n(o.mack_se),
          cv: o.variatiecoefficient === null ? "" : n(o.variatiecoefficient, 3),
        })),
        [
          { key: "origin", label: "origin", align: "right" },
          { key: "laatste_dev", label: "dev", align: "right" },
          { key: "laatste", label: "latest", align: "right" },
          { key: "ultimate", label: "ultimate", align: "right" },
          { key: "reserve", label: "reserve", align: "right" },
          { key: "mack_se", label: "Mack s.e.", align: "right" },
          { key: "cv", label: "CV", align: "right" },
        ],
      ),
    );
    const t = r.totaal;
    console.log(
      `\nTotal: latest ${n(t.laatste)}, ultimate ${n(t.ultimate)}, reserve ${n(t.reserve)}, Mack s.e. ${n(t.mack_se)} (CV ${n(t.variatiecoefficient, 3)})`,
    );
    return 0;
  },
};
