// The built site in a real browser (Debian's Chromium): every page loads without console errors, asks no
// host but its own, and shows its headline numbers; the gemeente page reacts to its inputs.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../pipelines/warehouse/paths.ts";
import { withWarehouse } from "../pipelines/warehouse/query.ts";
import { chromiumPath, launch } from "./support/browser.ts";
import { parseScenario } from "../pipelines/params/scenario.ts";
import { compareMunicipality } from "../pipelines/vergelijking/gemeente.ts";
import { ModelSession } from "../pipelines/warehouse/session.ts";
import { DEFAULT_DB } from "../pipelines/warehouse/paths.ts";
import { UITKOMSTEN_SQL } from "../engine/uitkomsten.js";
import { serve } from "./support/serve.ts";
import { engelseGetallen } from "./support/nl-scan.ts";

const browserPath = chromiumPath();
if (!browserPath) {
  const msg = "BROWSER TESTS SKIPPED: no Chromium found (install Debian's chromium or set CHROMIUM_PATH)";
  if (process.env.REQUIRE_BROWSER) throw new Error(msg + " and REQUIRE_BROWSER is set");
  console.warn("\n" + "!".repeat(msg.length) + "\n" + msg + "\n" + "!".repeat(msg.length) + "\n");
}

const PAGES = ["/", "/wmo", "/wlz", "/gemeente", "/scenario", "/bronnen", "/methode"];

/** An element's text with non-breaking spaces (the site keeps "€" with its number) read as spaces. */
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").replace(/\u00a0/g, " ");

describe.skipIf(!browserPath)("the site in Chromium", () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error("site build failed:\n" + build.stdout + build.stderr);
    site = await serve(join(ROOT, "dist"));
    browser = await launch();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string): Promise<{ page: Page; errors: string[]; foreign: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => {
      const u = r.url();
      if (!u.startsWith(site.url) && !u.startsWith("data:") && !u.startsWith("blob:")) foreign.push(u);
    });
    await page.goto(site.url + path, { waitUntil: "networkidle" });
    return { page, errors, foreign };
  }

  for (const path of PAGES) {
    it(`${path} loads without console errors and asks no other host`, async () => {
      const { page, errors, foreign } = await open(path);
      await page.waitForSelector("#observablehq-main h1");
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      // Dutch, and zoomable: in the built file itself, not only after scripts ran
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("nl");
      const file = readFileSync(join(ROOT, "dist", path === "/" ? "index.html" : `${path.slice(1)}.html`), "utf8");
      expect(file).toContain('<html lang="nl">');
      expect(file).not.toContain("maximum-scale");
      await page.close();
    });
  }

  const mln = (v: unknown, d = 1) => `€ ${(Number(v) / 1e6).toLocaleString("nl-NL", { minimumFractionDigits: d, maximumFractionDigits: d })} mln`;

  for (const path of PAGES) {
    it(`${path} has no serious or critical accessibility violations (axe-core, WCAG 2.1 AA)`, async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(site.url + path, { waitUntil: "networkidle" });
      await page.waitForSelector("#observablehq-main h1");
      const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const bad = result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(" | ")}`,
        );
      expect(bad).toEqual([]);
      await context.close();
    });
  }

  it("on a phone (390 px) no page is wider than the screen", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    try {
      for (const path of PAGES) {
        const page = await context.newPage();
        await page.goto(site.url + path, { waitUntil: "networkidle" });
        await page.waitForSelector("#observablehq-main h1");
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
        // charts are drawn at the width they get (not scaled down), with text of at least 12 px
        const charts = await page.locator("figure.chart svg").evaluateAll((svgs) =>
          svgs
            .filter((s) => s.getBoundingClientRect().width > 100)
            .map((s) => ({
              breed: s.getBoundingClientRect().width,
              getekend: Number(s.getAttribute("width")),
              font: parseFloat(getComputedStyle(s).fontSize),
            })),
        );
        for (const c of charts) {
          expect(c.getekend, path).toBeLessThanOrEqual(390);
          expect(c.breed, path).toBeGreaterThanOrEqual(c.getekend - 1);
          expect(c.font, path).toBeGreaterThanOrEqual(12);
        }
        if (path === "/gemeente") {
          // on a phone the answer comes before the controls
          const top = (sel: string) =>
            page
              .locator(sel)
              .first()
              .evaluate((e) => e.getBoundingClientRect().top);
          expect(await top("#vergelijking-resultaat")).toBeLessThan(await top("input[type=range]"));
        }
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  it("every page writes its numbers the Dutch way: text, tables, axes and tooltips", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      for (const path of PAGES) {
        await page.goto(site.url + path, { waitUntil: "networkidle" });
        await page.waitForSelector("#observablehq-main h1");
        const found = await page.evaluate(engelseGetallen);
        // hover over every chart, so that its tooltips are drawn, and read them too
        let tips = 0;
        for (const svg of await page.locator("figure.chart svg").all()) {
          await svg.scrollIntoViewIfNeeded();
          const b = await svg.boundingBox();
          if (!b || b.width < 100) continue;
          for (let fx = 0.05; fx < 1; fx += 0.15) {
            await page.mouse.move(b.x + b.width * fx, b.y + b.height * 0.5, { steps: 2 });
            const tip = await page.locator('figure.chart g[aria-label="tip"]').evaluateAll((gs) => gs.map((g) => g.textContent ?? "").filter(Boolean));
            tips += tip.length;
            if (tip.length) found.push(...(await page.evaluate(engelseGetallen)).map((f) => `tooltip: ${f}`));
          }
        }
        expect([...new Set(found)], path).toEqual([]);
        if (["/wmo", "/wlz", "/gemeente"].includes(path)) expect(tips, `${path}: tooltips seen`).toBeGreaterThan(0);
      }
      // the scanner itself finds what it should
      await page.setContent(
        "<body><p>−50,000 en 0.55 en 15000000 en (92.58% naar 92.58%)</p><p>1.000 en 0,55 en 99,892% en art. 5.13 en codeversie 0.1.0+661175601939</p></body>",
      );
      expect(await page.evaluate(engelseGetallen)).toHaveLength(5);
    } finally {
      await page.close();
    }
  });

  it("a skip link is the first thing the keyboard reaches, and leads past the menu to the content", async () => {
    const { page } = await open("/wlz");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Naar de inhoud");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => location.hash)).toBe("#observablehq-main");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("observablehq-main");
    await page.close();
  });

  it("Data en bronnen describes every rule in Dutch", async () => {
    const { page } = await open("/bronnen");
    const tabel = page.locator("table:has(caption:has-text('Rekenregels'))");
    const regels = await tabel.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(regels.length).toBeGreaterThan(30);
    for (const r of regels) {
      expect(r.length, r).toBeGreaterThan(20);
      expect(r, r).not.toMatch(/\b(the|and|every|which|with|from)\b/);
    }
    await page.close();
  });

  it("npm start's server caches the hashed files (the 34 MB engine once per visitor) and sends the build's compressed copies", async () => {
    const wasm = readdirSync(join(ROOT, "dist", "_file", "data")).find((f) => f.startsWith("duckdb-eh.") && f.endsWith(".wasm"))!;
    const bytes = readFileSync(join(ROOT, "dist", "_file", "data", wasm));
    for (const [accepts, encoding] of [
      ["gzip", "gzip"],
      ["gzip, deflate, br", "br"],
    ]) {
      const res = await fetch(`${site.url}/_file/data/${wasm}`, { headers: { "accept-encoding": accepts } });
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("content-type")).toBe("application/wasm");
      expect(res.headers.get("content-encoding")).toBe(encoding);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes), accepts).toBe(true);
    }
    // the copies the build made, a brotli one a sixth of the engine
    expect(statSync(join(ROOT, "dist", "_file", "data", `${wasm}.br`)).size).toBeLessThan(bytes.length / 4);
    const page = await fetch(`${site.url}/gemeente`);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    await page.text();
  });

  it("the built site works from a plain static file server: every link in the menu and in the text is found", async () => {
    const plain = await serve(join(ROOT, "dist"), { plain: true });
    const page = await browser.newPage();
    const missing: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
    });
    try {
      await page.goto(plain.url + "/", { waitUntil: "networkidle" });
      const links = await page
        .locator("#observablehq-sidebar a, #observablehq-main a[href^='./']")
        .evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href))]);
      expect(links.length).toBeGreaterThanOrEqual(7);
      for (const href of links) {
        const res = await page.goto(href, { waitUntil: "networkidle" });
        expect(res?.status(), href).toBe(200);
        await page.waitForSelector("#observablehq-main h1");
      }
      expect(missing).toEqual([]);
    } finally {
      await page.close();
      await plain.close();
    }
  });

  it("the Overzicht shows the 2015 afkoopsom, Bijlage 1's 95% example beside it, and the reproduced contract figures", async () => {
    const { page } = await open("/");
    const [a] = await withWarehouse({}, (r) => r.numbers("SELECT afkoopsom FROM wmo_afkoopsom WHERE jaar = 2015"));
    await expect.poll(() => text(page, "#kpi-wmo-2015")).toBe(mln(a.afkoopsom, 2));
    // the contract's conditional example is shown, and the participation the reported receipts imply
    await expect.poll(() => text(page, "#kaart-wmo-2015")).toContain("€ 10.044.659");
    await expect.poll(() => text(page, "#uitleg-2015")).toMatch(/ten minste 99,3%/);
    const [{ n }] = await withWarehouse({}, (r) => r.all("SELECT count(*) AS n FROM mart_controles WHERE soort = 'reproductie' AND geslaagd"));
    await expect.poll(() => text(page, "#kpi-controles")).toBe(`${n} van ${n}`);
    await page.close();
  });

  it("the Wmo page shows Bijlage 1's € 10.850.000 and, for 2016, the published sum", async () => {
    const { page } = await open("/wmo");
    await expect.poll(() => text(page, "#observablehq-main")).toContain("€ 10.850.000");
    await page.selectOption("select", { label: "2016" });
    await expect.poll(() => text(page, "#wmo-afkoopsom")).toBe("€ 10.751.312");
    await page.close();
  });

  it("the gemeente page follows the municipality and the inhabitants entered, and keeps them in the URL", async () => {
    const { page } = await open("/gemeente?gemeente=GM0402");
    const rows = await withWarehouse({}, (r) =>
      r.numbers("SELECT jaar, bedrag_per_inwoner, inwoners FROM wmo_verdeling_gemeenten WHERE gemeentecode = 'GM0402' ORDER BY jaar"),
    );
    const expected = (inw: number | null) =>
      "€ " + Math.round(rows.reduce((s, r) => s + Math.round((inw ?? Number(r.inwoners)) * Number(r.bedrag_per_inwoner)), 0)).toLocaleString("nl-NL");
    // the inhabitants of each year (CBS, 1 January) unless the user gives a number
    await expect.poll(() => text(page, "#gemeente-totaal")).toBe(expected(null));
    // in Dutch notation, with thousands dots
    const field = page.getByLabel("Of eigen aantal inwoners");
    await field.fill("50.000");
    await field.dispatchEvent("input");
    await expect.poll(() => text(page, "#gemeente-totaal")).toBe(expected(50000));
    expect(page.url()).toContain("inwoners=50000");
    // something that is no number of inhabitants gets a message at the field, not a silent fallback
    await field.fill("veel");
    await field.dispatchEvent("input");
    await expect.poll(() => text(page, "#inwoners-fout")).toContain("‘veel’ is geen aantal inwoners");
    await page.close();
  });

  const nl2 = (v: unknown) => Number(v).toLocaleString("nl-NL", { minimumFractionDigits: 0, maximumFractionDigits: 2 });

  it("the Overzicht headlines the Wlz sum that would be adequate and the Wmo condition, each with what drives it, and no ratio against an invented sum", async () => {
    const { page } = await open("/");
    const [wlz] = await withWarehouse({}, (r) => r.numbers("SELECT schadelast_p50 FROM rekenmodel_montecarlo ORDER BY jaar LIMIT 1"));
    const [wmo] = await withWarehouse({}, (r) =>
      r.numbers("SELECT afkoopsom FROM vergelijking_wmo_nationaal WHERE jaar = (SELECT jaar FROM vg_mc_instellingen)"),
    );
    const [top] = await withWarehouse({}, (r) =>
      r.all("SELECT p.omschrijving FROM rekenmodel_sobol s JOIN stg_parameters p USING (parameter_id) ORDER BY s.jaar, s.rang LIMIT 1"),
    );
    await expect.poll(() => text(page, "#kpi-wlz-benodigd")).toBe(mln(wlz.schadelast_p50));
    await expect.poll(() => text(page, "#kpi-wmo-afkoopsom")).toBe(mln(wmo.afkoopsom));
    const first = String(top.omschrijving)
      .split(/ \(|: /)[0]
      .toLowerCase();
    await expect.poll(() => text(page, "#drijvers-wlz")).toContain(first.slice(0, 30));
    expect(await text(page, "#drijvers-wmo")).toMatch(/\(\d+%\)/);
    expect(await page.locator("#kpi-wlz-toereikendheid").count()).toBe(0);
    await expect.poll(() => text(page, "#observablehq-main")).toContain("Toetsing");
    await page.close();
  });

  it("the Wlz page headlines the sum that would be adequate, and sets a sum the user enters against the model as the CLI does", async () => {
    const { page } = await open("/wlz");
    const [z] = await withWarehouse({}, (r) => r.numbers("SELECT schadelast_p50 FROM rekenmodel_montecarlo ORDER BY jaar LIMIT 1"));
    await expect.poll(() => text(page, "#rekenmodel-benodigd")).toBe(mln(z.schadelast_p50));
    const input = page.getByLabel("Afkoopsom (€)");
    await input.fill("15.000.000");
    await input.dispatchEvent("input");
    const cli = spawnSync(process.execPath, [join(ROOT, "bin/afkoop.mjs"), "rekenmodel", "--json", "--sobol", "0", "--afkoopsom", "15000000"], {
      encoding: "utf8",
      cwd: ROOT,
    });
    const g = JSON.parse(cli.stdout).afkoopsom_gegeven;
    await expect.poll(() => text(page, "#bedrag-verhouding")).toBe(nl2(g.verhouding));
    await expect.poll(() => text(page, "#bedrag-kans-tekort")).toBe(`${(100 * Number(g.kans_tekort)).toLocaleString("nl-NL", { maximumFractionDigits: 1 })}%`);
    await input.fill("niets");
    await input.dispatchEvent("input");
    await expect.poll(() => text(page, "#vergelijking-bedrag")).toContain("Geen geldig bedrag");
    await page.close();
  });

  it("on the gemeente page, moving a slider recomputes the result in the browser", async () => {
    const { page, errors, foreign } = await open("/gemeente?gemeente=GM0402");
    const result = page.locator("#vergelijking-resultaat");
    expect(await result.getAttribute("data-bron")).toBe("build");
    const before = await result.getAttribute("data-voordeel");
    await page.locator("input[type=range]").first().fill("60");
    await expect.poll(() => result.getAttribute("data-bron"), { timeout: 60_000 }).toBe("browser");
    await expect.poll(() => result.getAttribute("data-voordeel"), { timeout: 60_000 }).not.toBe(before);
    expect(page.url()).toContain("detectie=60");
    // the numbers come first, the Monte Carlo's probability right after
    await expect.poll(() => result.getAttribute("data-fase"), { timeout: 60_000 }).toBe("montecarlo");
    expect(await result.getAttribute("data-kans")).not.toBe("");
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  // the numbers the browser computes equal those of afkoop in Node, for a few parameter sets
  const SETS: { url: string; code?: string; inwoners?: number; jaar: number; parameters: Record<string, number> }[] = [
    { url: "gemeente=GM0402&detectie=60&vaste_kosten=5000", code: "GM0402", jaar: 2018, parameters: { "verhaal.detectie": 60, "verhaal.vaste_kosten": 5000 } },
    {
      url: "gemeente=GM0363&jaar=2024&honorarium=3&slagingskans=70",
      code: "GM0363",
      jaar: 2024,
      parameters: { "verhaal.honorarium_methode": 3, "verhaal.slagingskans": 70 },
    },
    {
      url: "gemeente=GM0402&inwoners=25000&aansprakelijkheid=95&horizon=10",
      code: "GM0402",
      inwoners: 25000,
      jaar: 2018,
      parameters: { "verhaal.aansprakelijkheid": 95, "verhaal.horizon": 10 },
    },
  ];
  for (const set of SETS) {
    it(`browser and Node agree on the comparison: ${set.url}`, async () => {
      const s = await ModelSession.open(DEFAULT_DB);
      let node: Awaited<ReturnType<typeof compareMunicipality>>;
      try {
        await s.run(parseScenario({ parameters: set.parameters }, await s.registry(), "test").overrides);
        node = await compareMunicipality(s, { code: set.code, inwoners: set.inwoners, jaar: set.jaar });
      } finally {
        s.close();
      }
      const { page } = await open(`/gemeente?${set.url}`);
      const result = page.locator("#vergelijking-resultaat");
      await expect.poll(() => result.getAttribute("data-fase"), { timeout: 60_000 }).toBe("montecarlo");
      expect(await result.getAttribute("data-bron")).toBe("browser");
      expect(Number(await result.getAttribute("data-voordeel"))).toBe(Number(node.gemeente.voordeel_uittreden));
      expect(Number(await result.getAttribute("data-ontvangst"))).toBe(Number(node.gemeente.ontvangst));
      expect(Number(await result.getAttribute("data-breakeven"))).toBe(Number(node.gemeente.breakeven_detectie_pct));
      expect(Number(await result.getAttribute("data-kans"))).toBe(Number(node.montecarlo!.kans_uittreden_beter));
      await page.close();
    });
  }

  it("the Scenario's page computes a shared link by itself, in the browser, with the numbers of Node", async () => {
    const parameters = { "verhaal.detectie": 55, "rekenmodel.nah.sterftefactor": 3, "wmo.kosten_vng": 2, "rekenmodel.mc_trekkingen": 1000 };
    const s = await ModelSession.open(DEFAULT_DB);
    let node: Record<string, unknown>[];
    try {
      await s.runSome((n) => !n.startsWith("verhaal/"), parseScenario({ parameters }, await s.registry(), "test").overrides);
      node = await s.all(UITKOMSTEN_SQL);
    } finally {
      s.close();
    }
    const { page, errors } = await open(`/scenario?s=${encodeURIComponent(JSON.stringify({ naam: "test", parameters }))}`);
    const result = page.locator("#scenario-resultaat");
    await expect
      .poll(async () => (await result.count()) > 0 && (await text(page, "#scenario-resultaat caption"))?.includes("DuckDB-Wasm"), { timeout: 90_000 })
      .toBe(true);
    const browser = JSON.parse((await result.getAttribute("data-uitkomsten"))!);
    expect(Object.keys(browser).length).toBe(node.length);
    for (const r of node) {
      const b = browser[String(r.uitkomst)];
      const n = Number(r.waarde);
      expect(Math.abs(b - n), String(r.uitkomst)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(n)));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the Scenario's page: a typed value counts at once, one parameter can be removed, and each field says what is wrong", async () => {
    const { page, errors } = await open("/scenario");
    const veld = (label: string) => page.locator("#scenario-invoer").getByLabel(label, { exact: true });
    const typ = async (label: string, v: string) => {
      await veld(label).fill(v);
      await veld(label).dispatchEvent("input");
    };
    const knoppenZichtbaar = async () =>
      (await page.locator("#scenario-wissen").isVisible()) && (await page.locator("button:has-text('Doorrekenen')").isVisible());
    // outside the registry's bounds: the message is at the field, the buttons stay
    await typ("Waarde (pct)", "150");
    await expect.poll(() => text(page, "#fout-waarde")).toContain("ligt boven het maximum van verhaal.detectie");
    expect(await veld("Waarde (pct)").getAttribute("aria-invalid")).toBe("true");
    expect(await knoppenZichtbaar()).toBe(true);
    expect(await page.locator("#scenario-leeg").count()).toBe(1);
    // a valid value counts without another click, in Dutch notation too
    await typ("Waarde (pct)", "55,5");
    await expect.poll(() => text(page, "#fout-waarde")).toBe("");
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.search))).toContain('"verhaal.detectie":{"waarde":55.5');
    // laag ≤ waarde ≤ hoog
    await typ("Laag", "60");
    await expect.poll(() => text(page, "#fout-waarde")).toContain("ligt onder laag (60)");
    await typ("Laag", "20");
    await expect.poll(() => text(page, "#fout-waarde")).toBe("");
    // the draws are a whole number
    await page
      .locator("select")
      .first()
      .selectOption({ label: (await page.locator("select option").allTextContents()).find((o) => o.startsWith("rekenmodel.mc_trekkingen"))! });
    await typ("Waarde (aantal)", "1000,5");
    await expect.poll(() => text(page, "#fout-waarde")).toContain("heel getal");
    await typ("Waarde (aantal)", "1000");
    await expect.poll(() => page.locator("button.verwijder").count()).toBe(2);
    expect(await knoppenZichtbaar()).toBe(true);
    // one parameter removed, the other stays
    await page.locator("button[aria-label='verhaal.detectie uit het scenario halen']").click();
    await expect.poll(() => page.locator("button.verwijder").count()).toBe(1);
    expect(await page.evaluate(() => decodeURIComponent(location.search))).not.toContain("verhaal.detectie");
    expect(await page.evaluate(() => decodeURIComponent(location.search))).toContain('"rekenmodel.mc_trekkingen":{"waarde":1000}');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Data en bronnen offers the comparison as Parquet for researchers, readable by DuckDB", async () => {
    const { page } = await open("/bronnen");
    const href = await page.locator("#download-parquet").getAttribute("href");
    const bytes = Buffer.from(await (await fetch(new URL(href!, site.url + "/bronnen"))).arrayBuffer());
    await page.close();
    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const f = join(mkdtempSync(join(tmpdir(), "afkoop-pq-")), "v.parquet");
    writeFileSync(f, bytes);
    const [{ n, gemeenten }] = await withWarehouse({}, (r) => r.all(`SELECT count(*) AS n, count(DISTINCT gemeentecode) AS gemeenten FROM '${f}'`));
    const [{ m }] = await withWarehouse({}, (r) => r.all("SELECT count(*) AS m FROM vergelijking_wmo_gemeente WHERE NOT eigen"));
    expect(n).toBe(m);
    expect(Number(gemeenten)).toBeGreaterThan(300);
  });

  it("the gemeente page finds Den Haag, Den Bosch, Sudwest and a typo, and with no match says so and shows no figures", async () => {
    const { page, errors } = await open("/gemeente?gemeente=GM0402");
    const zoek = page.getByLabel("Zoek een gemeente");
    const kies = async (q: string) => {
      await zoek.fill(q);
      await zoek.dispatchEvent("input");
    };
    for (const [q, naam, code] of [
      ["Den Haag", "'s-Gravenhage", "GM0518"],
      ["den bosch", "'s-Hertogenbosch", "GM0796"],
      ["Sudwest", "Súdwest-Fryslân", "GM1900"],
      ["hilversm", "Hilversum", "GM0402"],
    ]) {
      await kies(q);
      await expect.poll(() => text(page, "#observablehq-main h2:has-text('GM')"), { timeout: 30_000 }).toContain(`${naam} (${code})`);
    }
    await kies("Den");
    await expect
      .poll(() => page.locator("select").first().locator("option").allTextContents())
      .toEqual(expect.arrayContaining(["'s-Gravenhage (GM0518)", "'s-Hertogenbosch (GM0796)"]));
    await kies("Atlantis");
    await expect.poll(() => text(page, "#geen-treffer")).toContain("Geen gemeente gevonden voor ‘Atlantis’");
    expect(await page.locator("#vergelijking-resultaat").isVisible()).toBe(false);
    expect(await page.locator("#memo").isVisible()).toBe(false);
    expect(await page.locator("#gemeente-totaal").isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("while a new result is computed the old one is marked stale, and heading, cards and memo describe one question", async () => {
    const { page } = await open("/gemeente?gemeente=GM0402");
    await page.evaluate(() => {
      const main = document.querySelector("#observablehq-main")!;
      new MutationObserver(() => {
        if (main.classList.contains("herberekenen")) (window as unknown as { stale: boolean }).stale = true;
      }).observe(main, { attributes: true });
    });
    await page.locator("input[type=range]").first().fill("70");
    const result = page.locator("#vergelijking-resultaat");
    await expect.poll(() => result.getAttribute("data-fase"), { timeout: 60_000 }).toBe("montecarlo");
    expect(await page.evaluate(() => (window as unknown as { stale?: boolean }).stale)).toBe(true);
    expect(await page.evaluate(() => document.querySelector("#observablehq-main")!.classList.contains("herberekenen"))).toBe(false);
    const memo = await text(page, "#memo");
    expect(memo).toContain("Memo voor de raad: Hilversum (GM0402), 2018");
    expect(memo).toMatch(/Berekend op \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/);
    expect(memo).toContain("detectiegraad 70%");
    // the memo names both figures of staying in: the receipt and, with what stays recoverable, the value of the card
    expect(memo).toContain((await text(page, "#waarde-blijven")).trim());
    expect(memo).not.toMatch(/detectiegraad van \d{3}%/);
    await page.close();
  });

  it("the gemeente page prints as a one-page memo with the result and the summary", async () => {
    const { page } = await open("/gemeente?gemeente=GM0402");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".memo").isVisible()).toBe(true);
    expect(await page.locator("#vergelijking-resultaat").isVisible()).toBe(true);
    expect(await page.locator("figure.chart").first().isVisible()).toBe(false);
    const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await page.close();
  });
});
