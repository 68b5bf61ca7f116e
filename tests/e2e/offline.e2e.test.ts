import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONG, openApp, type AppSession } from "./helpers/app";
import { editorFor, pasteInto, runTests } from "./helpers/workspace";

const EXERCISE = "exercises/04-relational-databases/sql-queries";

/** After one visit the service worker has every file: the app opens and runs tests with no network. */
describe("offline after the first visit", () => {
  let app: AppSession;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    page = await app.newPage();
  });
  afterAll(() => app?.close());

  const offlineState = () => page.evaluate(() => document.documentElement.dataset.offline);

  it("precaches the app, Monaco, PGlite and the exercises on the first visit", async () => {
    await page.goto(`${app.url}/#/exercises/sql-queries`);
    await editorFor(page, "main.ts").waitFor({ state: "attached", timeout: LONG });
    await expect.poll(offlineState, { timeout: 2 * LONG, interval: 250 }).toBe("ready");
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith("roadlab-"))!);
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    expect(cached).toContain("/index.html");
    expect(cached).toContain("/pglite/datadir.tar.gz");
    expect(cached.some((p) => /\/assets\/.*\.wasm$/.test(p))).toBe(true);
    expect(cached.some((p) => p.endsWith("/runner.html"))).toBe(false);
  });

  it("keeps the exercise's seeded database for its next visit, once the worker has been idle", async () => {
    const images = () =>
      page.evaluate(async () => (await (await caches.open("db-images")).keys()).map((r) => new URL(r.url).pathname.split("/").slice(-2).join("/")));
    await expect.poll(images, { timeout: LONG, interval: 250 }).toEqual(["sql-queries/data", "sql-queries/seed"]);
  });

  // The reload boots PGlite from that image, so the solution passing shows the image is the seeded database.
  it("opens and runs a database exercise's tests with the network off", async () => {
    await page.context().setOffline(true);
    try {
      const solution = await readFile(`${EXERCISE}/solution/main.ts`, "utf8");
      await page.reload();
      await editorFor(page, "main.ts").waitFor({ state: "attached", timeout: LONG });
      await pasteInto(page, "main.ts", solution);
      expect(await runTests(page, /All tests passed/)).toMatch(/✓ passed/);
      // Without the service worker the reload itself would have failed: prove the network was off.
      expect(await page.evaluate(() => fetch("/no-such-file").then((r) => r.status, () => "offline"))).toBe("offline");
    } finally {
      await page.context().setOffline(false);
    }
  });

  it("picks up a new version on the next load and says so", async () => {
    // A new deploy: sw.js changes whenever any file of the build does.
    const sw = path.join(app.root, "sw.js");
    const source = await readFile(sw, "utf8");
    await writeFile(sw, source.replace(/const VERSION = "(\w+)"/, 'const VERSION = "$1next"'));
    await page.reload();
    const notice = page.getByRole("status").filter({ hasText: "A new version of Roadlab is ready" });
    await notice.waitFor({ timeout: 2 * LONG });
    await notice.getByRole("button", { name: "Reload now" }).click();
    await page.getByRole("status").filter({ hasText: "Roadlab was updated to a new version" }).waitFor({ timeout: LONG });
    const caches = await page.evaluate(async () => (await window.caches.keys()).filter((k) => k.startsWith("roadlab-")));
    // This version and the one before it, so a page still open on the old one keeps all its chunks.
    expect(caches).toHaveLength(2);
  });
});
