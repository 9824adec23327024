// Development aid: screenshots of built pages. Usage: tsx scripts/screenshot.ts /wmo [/other …]
import { chromium } from "playwright-core";
import { serve } from "../test/support/serve.ts";

const s = await serve("dist");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on("console", (m) => {
  console.log(`[${m.type()}]`, m.text());
});
page.on("response", (r) => {
  if (r.status() >= 400) console.log("[http " + r.status() + "]", r.url());
});
page.on("request", (r) => {
  if (!r.url().startsWith(s.url) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) console.log("[external request]", r.url());
});
for (const path of process.argv.slice(2)) {
  await page.goto(s.url + path, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  if (path.includes("gemeente?"))
    await page.waitForFunction(() => document.querySelector("#vergelijking-resultaat")?.getAttribute("data-fase") === "montecarlo", null, { timeout: 60000 });
  const file = `/tmp/shot${path.replace(/[^a-z0-9]+/gi, "_")}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
await s.close();
