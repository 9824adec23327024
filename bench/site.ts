// Site benchmark (issue: the evaluation site): time to first result on each page of the built site, and the
// p95 time from a slider change on the gemeente page to updated numbers (computed in the browser by
// DuckDB-Wasm). Targets: first result within 2 s on localhost, slider to result within 150 ms. Builds the site
// first unless BENCH_NO_BUILD is set. Reports; does not fail.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../pipelines/warehouse/paths.ts";
import { launch } from "../test/support/browser.ts";
import { serve } from "../test/support/serve.ts";
import { median } from "./growth.ts";

const FIRST_RESULT: [string, string][] = [
  ["/", "#kpi-wlz-benodigd"],
  ["/wmo", "#wmo-afkoopsom"],
  ["/wlz", "#rekenmodel-benodigd"],
  ["/gemeente", "#vergelijking-resultaat"],
  ["/scenario", "#scenario-resultaat"],
  ["/bronnen", "#claims-herkomst"],
  ["/methode", "#observablehq-main h1"],
];

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

export async function benchSite(repeat = 3, slides = 20) {
  if (!process.env.BENCH_NO_BUILD) {
    const b = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
    if (b.status !== 0) throw new Error(b.stdout + b.stderr);
  }
  const site = await serve(join(ROOT, "dist"));
  const browser = await launch();
  try {
    const pages: { path: string; firstResultMs: number }[] = [];
    for (const [path, selector] of FIRST_RESULT) {
      const times: number[] = [];
      for (let i = 0; i < repeat; i++) {
        const page = await browser.newPage();
        const t0 = performance.now();
        await page.goto(site.url + path, { waitUntil: "commit" });
        await page.waitForSelector(selector, { state: "visible", timeout: 60_000 });
        times.push(performance.now() - t0);
        await page.close();
      }
      pages.push({ path, firstResultMs: Math.round(median(times)) });
    }
    // slider to result: the engine is started and warmed by a first change, then `slides` changes are timed
    const page = await browser.newPage();
    await page.goto(site.url + "/gemeente?gemeente=GM0402", { waitUntil: "networkidle" });
    // timed in the page: from the slider's input event to the updated numbers in the DOM (no test-driver latency)
    // the page answers in two steps: the numbers, then the Monte Carlo's probability; both are timed
    const change = (v: number) =>
      page.evaluate(
        (v) =>
          new Promise<{ total: number; engine: number; mc: number }>((resolve, reject) => {
            const el = document.querySelector("#vergelijking-resultaat")!;
            const before = el.getAttribute("data-voordeel");
            const input = document.querySelector<HTMLInputElement>("input[type=range]")!;
            const t0 = performance.now();
            let total = 0;
            let engine = 0;
            const obs = new MutationObserver(() => {
              const now = document.querySelector("#vergelijking-resultaat");
              if (!now || now.getAttribute("data-voordeel") === before) return;
              if (!total) {
                total = performance.now() - t0;
                engine = Number(now.getAttribute("data-rekentijd"));
              }
              if (now.getAttribute("data-fase") === "montecarlo") {
                obs.disconnect();
                resolve({ total, engine, mc: performance.now() - t0 });
              }
            });
            obs.observe(document.querySelector("#observablehq-main")!, { subtree: true, childList: true, attributes: true });
            setTimeout(() => {
              obs.disconnect();
              reject(new Error("no update within 60 s"));
            }, 60_000);
            input.value = String(v);
            input.dispatchEvent(new Event("input", { bubbles: true }));
          }),
        v,
      );
    const engineStartMs = Math.round((await change(36)).total);
    const totals: number[] = [];
    const engine: number[] = [];
    const mc: number[] = [];
    for (let i = 0; i < slides; i++) {
      const r = await change(37 + i);
      totals.push(r.total);
      engine.push(r.engine);
      mc.push(r.mc);
    }
    await page.close();
    // a shared link: a scenario in the URL, opened cold, until the page shows its own result computed in the browser
    // (the table's caption names DuckDB-Wasm); a scenario of the kind a researcher sends, the Monte Carlo at 1,000 draws
    // and a link that changes only the comparison's parameters, the kind a council sends: the Rekenmodel and the rules
    // are the build's, so only the comparison is computed
    const linkMs = async (parameters: Record<string, number>) => {
      const link: number[] = [];
      for (let i = 0; i < repeat; i++) {
        const p = await browser.newPage();
        const t0 = performance.now();
        await p.goto(`${site.url}/scenario?s=${encodeURIComponent(JSON.stringify({ naam: "gedeeld", parameters }))}`, { waitUntil: "commit" });
        await p.waitForFunction(() => document.querySelector("#scenario-resultaat caption")?.textContent?.includes("DuckDB-Wasm"), null, {
          timeout: 120_000,
        });
        link.push(performance.now() - t0);
        await p.close();
      }
      return Math.round(median(link));
    };
    const sharedLinkMs = await linkMs({ "verhaal.detectie": 55, "wmo.kosten_vng": 2, "rekenmodel.mc_trekkingen": 1000 });
    const sharedLinkVerhaalMs = await linkMs({ "verhaal.detectie": 55, "verhaal.kosten.rolstoel": 5000 });
    return {
      pages,
      sharedLinkMs,
      sharedLinkVerhaalMs,
      engineStartMs,
      slides,
      sliderMedianMs: Math.round(median(totals)),
      sliderP95Ms: Math.round(quantile(totals, 0.95)),
      engineMedianMs: Math.round(median(engine)),
      engineP95Ms: Math.round(quantile(engine, 0.95)),
      monteCarloMedianMs: Math.round(median(mc)),
      monteCarloP95Ms: Math.round(quantile(mc, 0.95)),
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchSite(), null, 2));

/**
 * `npm start` as a user meets it: the command serves the built site (scripts/serve.mjs) and prints its address;
 * timed from that line to the first page with its headline in Chromium. The build before it is timed apart.
 */
export async function benchStart() {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, [join(ROOT, "scripts/serve.mjs"), join(ROOT, "dist"), "0"], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        const m = /(http:\/\/\S+?)\/?\s/.exec(String(d));
        if (m) resolve(m[1]);
      });
      child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const printed = performance.now();
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(url + "/", { waitUntil: "domcontentloaded" });
      await page.waitForSelector("#kpi-wlz-benodigd");
      return { firstPageMs: Math.round(performance.now() - printed) };
    } finally {
      await browser.close();
    }
  } finally {
    child.kill();
  }
}
