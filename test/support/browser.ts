// Finding and launching Debian's Chromium for the browser tests (no browser download).
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

export async function launch(): Promise<Browser> {
  const path = chromiumPath();
  if (!path) throw new Error("no Chromium found (set CHROMIUM_PATH)");
  return chromium.launch({
    executablePath: path,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
}
