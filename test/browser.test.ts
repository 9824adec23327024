// The built site in a real browser (Debian's Chromium): every page loads without console errors, asks no
// host but its own, and shows its headline numbers; the gemeente page reacts to its inputs.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../pipelines/warehouse/paths.ts";
import { withWarehouse } from "../pipelines/warehouse/query.ts";
import { chromiumPath, launch } from "./support/browser.ts";
import { serve } from "./support/serve.ts";

const browserPath = chromiumPath();
if (!browserPath) {
  const msg = "BROWSER TESTS SKIPPED: no Chromium found (install Debian's chromium or set CHROMIUM_PATH)";
  if (process.env.REQUIRE_BROWSER) throw new Error(msg + " and REQUIRE_BROWSER is set");
  console.warn("\n" + "!".repeat(msg.length) + "\n" + msg + "\n" + "!".repeat(msg.length) + "\n");
}

const PAGES = ["/", "/wmo", "/wlz", "/gemeente", "/bronnen", "/methode"];

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
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
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
      await page.close();
    });
  }

  it("the Overzicht shows the 2015 afkoopsom and the reproduced contract figures", async () => {
    const { page } = await open("/");
    await expect.poll(() => page.locator("#kpi-wmo-2015").textContent()).toBe("€ 10.044.659");
    const [{ n }] = await withWarehouse({}, (r) => r.all("SELECT count(*) AS n FROM mart_controles WHERE soort = 'reproductie' AND geslaagd"));
    await expect.poll(() => page.locator("#kpi-controles").textContent()).toBe(`${n} van ${n}`);
    await page.close();
  });

  it("the Wmo page shows Bijlage 1's € 10.850.000 and, for 2016, the published sum", async () => {
    const { page } = await open("/wmo");
    await expect.poll(() => page.locator("#observablehq-main").textContent()).toContain("€ 10.850.000");
    await page.selectOption("select", { label: "2016" });
    await expect.poll(() => page.locator("#wmo-afkoopsom").textContent()).toBe("€ 10.751.312");
    await page.close();
  });

  it("the gemeente page follows the municipality and the inhabitants entered, and keeps them in the URL", async () => {
    const { page } = await open("/gemeente?gemeente=GM0402");
    const rows = await withWarehouse({}, (r) => r.numbers("SELECT jaar, bedrag_per_inwoner FROM wmo_bedrag_per_inwoner ORDER BY jaar"));
    const expected = (inw: number) => "€ " + Math.round(rows.reduce((s, r) => s + Math.round(inw * Number(r.bedrag_per_inwoner)), 0)).toLocaleString("nl-NL");
    await expect.poll(() => page.locator("#gemeente-totaal").textContent()).toBe(expected(91110));
    await page.locator("input[placeholder^='leeg']").fill("50000");
    await page.locator("input[placeholder^='leeg']").dispatchEvent("input");
    await expect.poll(() => page.locator("#gemeente-totaal").textContent()).toBe(expected(50000));
    expect(page.url()).toContain("inwoners=50000");
    await page.close();
  });
});
