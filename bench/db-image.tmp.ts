import { distDir, ensureAppBuilt } from "../src/cli/browser/app-build";
import { launchChromium } from "../src/cli/browser/chromium";
import { serveStatic } from "../src/cli/browser/static-server";
await ensureAppBuilt();
const server = await serveStatic(distDir);
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const address = `${server.url}/#/exercises/sql-queries`;
const ready = async () => {
  const t0 = Date.now();
  await page.goto(address);
  await page.getByRole("status").filter({ hasText: /^\s*ready\b/i }).first().waitFor({ timeout: 60_000 });
  return Date.now() - t0;
};
const verdict = async () => {
  const t0 = Date.now();
  await page.goto(address);
  const button = page.getByRole("button", { name: "Run tests" });
  await button.and(page.locator(":enabled")).waitFor({ timeout: 60_000 });
  await button.click();
  await page.getByRole("region", { name: "Test results" }).getByText(/\d+ of \d+ passed|All tests passed/).first().waitFor({ timeout: 60_000 });
  return Date.now() - t0;
};
await page.goto(address);
await page.waitForFunction(() => document.documentElement.dataset.offline === "ready", undefined, { timeout: 120_000 });
await page.waitForTimeout(3000);
const keys = await page.evaluate(async () => (await (await caches.open("db-images")).keys()).map((r) => r.url));
console.log("images", keys);
const out: Record<string, number[]> = { imageReady: [], noImageReady: [], imageVerdict: [], noImageVerdict: [] };
for (let i = 0; i < 5; i++) {
  await page.goto("about:blank"); out.imageReady.push(await ready());
  await page.goto("about:blank"); out.imageVerdict.push(await verdict());
  await page.evaluate(() => caches.delete("db-images"));
  await page.goto("about:blank"); out.noImageReady.push(await ready());
  await page.evaluate(() => caches.delete("db-images"));
  await page.goto("about:blank"); out.noImageVerdict.push(await verdict());
  // let the worker save the image again (5 s after ready, no run)
  await page.goto(address); await page.getByRole("status").filter({ hasText: /^\s*ready\b/i }).first().waitFor();
  await page.waitForFunction(async () => (await (await caches.open("db-images")).keys()).length === 2, undefined, { timeout: 30_000, polling: 500 });
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const [k, v] of Object.entries(out)) console.log(k.padEnd(16), "median", med(v), v.join(" "));
await browser.close(); await server.close();
