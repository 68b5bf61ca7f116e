// temporary profiling script (deleted before hand-back)
import { launchChromium } from "../src/cli/browser/chromium";
import { serveStatic } from "../src/cli/browser/static-server";
const dir = process.argv[2];
const server = await serveStatic(dir);
const browser = await launchChromium();
for (let i = 0; i < Number(process.argv[3] ?? 2); i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(`${server.url}/#/exercises/sql-queries`);
  const editorP = page.locator(".monaco-editor .view-lines", { hasText: /\w/ }).first().waitFor({ timeout: 60000 }).then(() => Date.now() - start);
  const readyP = page.getByRole("status").filter({ hasText: /^\s*ready\b/i }).first().waitFor({ timeout: 60000 }).then(() => Date.now() - start);
  const [editor, ready] = await Promise.all([editorP, readyP]);
  const fmt = (e: any) => `${e.name.replace(/^.*\//, "").padEnd(40)} start ${e.startTime.toFixed(0).padStart(5)} reqStart ${e.requestStart.toFixed(0).padStart(5)} end ${e.responseEnd.toFixed(0).padStart(5)} size ${e.transferSize}`;
  const pageRes: any[] = await page.evaluate(() => performance.getEntriesByType("resource").map((e: any) => e.toJSON()));
  console.log(`run ${i}: editor ${editor} ms, ready ${ready} ms`);
  for (const e of pageRes) console.log("  page  " + fmt(e));
  for (const w of page.workers()) {
    const res: any[] = await w.evaluate(() => { const o = performance.timeOrigin; return performance.getEntriesByType("resource").map((e: any) => ({ ...e.toJSON(), o })); }).catch(() => []);
    const marks: any[] = await w.evaluate(() => performance.getEntriesByType("mark").map((e: any) => ({ name: e.name, t: e.startTime, o: performance.timeOrigin }))).catch(() => []);
    const off = res[0] ? res[0].o - (await page.evaluate(() => performance.timeOrigin)) : 0;
    console.log(`  worker ${w.url().replace(/^.*\//, "")} origin +${off.toFixed(0)}`);
    for (const e of res) console.log("    " + fmt(e));
    for (const m of marks) console.log(`    mark ${m.name} ${(m.t + m.o - (await page.evaluate(() => performance.timeOrigin))).toFixed(0)}`);
  }
  await context.close();
}
await browser.close();
await server.close();
