import { randomBytes } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../src/cli/browser/chromium";
import { serveStatic } from "../../src/cli/browser/static-server";
import { roadlab } from "../helpers/cli";
import { LONG } from "./helpers/app";
import { runTests } from "./helpers/workspace";

const EXERCISE = "exercises/04-relational-databases/sql-queries";
const LAUNCH = "course/launch-sql-queries.html";
const MARKER = "// kept by the LMS";
/** Each test drives a database exercise through several runs on a loaded 2-core machine. */
const SLOW = 6 * 60_000;

/**
 * A `roadlab scorm` package in a stand-in LMS: the package unzipped under /course/, a host page
 * whose window.API is scorm-again's SCORM 1.2 run-time, and the SCO in an iframe, as Moodle runs it.
 */
describe("roadlab scorm, in an LMS", () => {
  let root: string;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const failed: string[] = [];
  const requested: string[] = [];
  let solution: string;
  let kept: { suspend: string; status: string; raw: string };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "roadlab-scorm-e2e-"));
    const zip = path.join(root, "package.zip");
    const built = await roadlab("scorm", EXERCISE, "--out", zip, "--mastery", "100");
    expect(built.stderr + built.stdout).toContain("SCORM 1.2 package with 1 exercise(s)");
    expect(built.code).toBe(0);
    const site = path.join(root, "site");
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(await readFile(zip))))) {
      if (name.endsWith("/")) continue;
      await mkdir(path.dirname(path.join(site, "course", name)), { recursive: true });
      await writeFile(path.join(site, "course", name), bytes);
    }
    await copyFile("node_modules/scorm-again/dist/scorm12.min.js", path.join(site, "scorm12.js"));
    for (const file of ["host.html", "host.js"]) await copyFile(path.join("tests/e2e/scorm-host", file), path.join(site, file));
    server = await serveStatic(site);
    browser = await launchChromium();
    solution = await readFile(`${EXERCISE}/solution/main.ts`, "utf8");
  }, 10 * 60_000);

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** A learner's browser of its own (its own IndexedDB), with the LMS page open and the SCO launched. */
  async function launch(state?: object): Promise<{ page: Page; sco: FrameLocator }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: "reduce" });
    contexts.push(context);
    context.on("request", (r) => requested.push(r.url()));
    context.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    context.on("request", (r) => !r.url().startsWith(`${server.url}/`) && !/^(blob|data):/.test(r.url()) && failed.push(`off-origin ${r.url()}`));
    const page = await context.newPage();
    await page.goto(`${server.url}/host.html`);
    await page.evaluate(([href, json]) => (window as any).startLms(href, json), [LAUNCH, state ? JSON.stringify(state) : ""] as const);
    const sco = page.frameLocator('iframe[title="Exercise"]');
    await sco.getByRole("textbox", { name: /^main\.ts\b.*code editor/ }).waitFor({ state: "attached", timeout: LONG });
    return { page, sco };
  }

  /** What the LMS holds for an element, read as the LMS would store it (write-only ones included). */
  const cmi = (page: Page, element: string) =>
    page.evaluate((el) => el.split(".").reduce((o: any, k) => o?.[k], (window as any).API.renderCMIToJSONObject()) as string, element);

  async function paste(page: Page, sco: FrameLocator, text: string) {
    const editor = sco.getByRole("textbox", { name: /^main\.ts\b.*code editor/ });
    await editor.focus();
    await page.keyboard.press("ControlOrMeta+A");
    await editor.evaluate((element, pasted) => {
      const data = new DataTransfer();
      data.setData("text/plain", pasted);
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  it("reports failed on the starter, then passed with score 100 on the solution, keeps the code, and finishes on leaving", async () => {
    const { page, sco } = await launch();
    await expect.poll(() => cmi(page, "cmi.core.lesson_status"), { timeout: LONG }).toBe("incomplete");

    await runTests(sco as unknown as Page, /\d+ of \d+ passed/);
    await expect.poll(() => cmi(page, "cmi.core.lesson_status"), { timeout: LONG }).toBe("failed");
    expect(Number(await cmi(page, "cmi.core.score.raw"))).toBeLessThan(100);
    expect(await cmi(page, "cmi.core.score.max")).toBe("100");

    await paste(page, sco, `${MARKER}\n${solution}`);
    await runTests(sco as unknown as Page, /All tests passed/);
    await expect.poll(() => cmi(page, "cmi.core.lesson_status"), { timeout: LONG }).toBe("passed");
    expect(await cmi(page, "cmi.core.score.raw")).toBe("100");
    // The debounced commit carries the code (deflated, base64) in suspend data.
    await expect.poll(() => page.evaluate(() => (window as any).commits as number), { timeout: LONG }).toBeGreaterThan(0);
    const suspend = await cmi(page, "cmi.suspend_data");
    expect(suspend).toMatch(/^r1:[A-Za-z0-9+/=]+$/);
    expect(suspend.length).toBeLessThanOrEqual(4096);
    // Neither an LMS error nor "does not fit" was shown.
    expect((await sco.getByRole("alert").allInnerTexts()).filter((t) => /course/.test(t))).toEqual([]);

    // Leaving the SCO (the LMS closes its frame) ends the session: LMSFinish, with the session's time.
    await page.evaluate(() => (document.querySelector("iframe")!.src = "about:blank"));
    await expect.poll(() => page.evaluate(() => (window as any).API.isTerminated() as boolean), { timeout: LONG }).toBe(true);
    expect(await cmi(page, "cmi.core.session_time")).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    expect(await cmi(page, "cmi.core.exit")).toBe("");
    kept = { suspend: await cmi(page, "cmi.suspend_data"), status: await cmi(page, "cmi.core.lesson_status"), raw: await cmi(page, "cmi.core.score.raw") };
    expect(kept.suspend).toBe(suspend);
  }, SLOW);

  it("on relaunch in another browser, restores the learner's code from suspend data and keeps passed", async () => {
    expect(kept, "the first test keeps the LMS's data").toBeDefined();
    const { page, sco } = await launch({
      core: { entry: "resume", lesson_status: kept.status, score: { raw: kept.raw, min: "0", max: "100" } },
      suspend_data: kept.suspend,
      student_data: { mastery_score: "100" },
    });
    // A fresh IndexedDB: the code can only have come from the LMS.
    await sco.locator(".monaco-editor .view-lines").getByText(MARKER.slice(3)).first().waitFor({ timeout: LONG });
    expect(await cmi(page, "cmi.core.lesson_status")).toBe("passed");
    await runTests(sco as unknown as Page, /All tests passed/);
    expect(await cmi(page, "cmi.core.score.raw")).toBe("100");

    // Code that cannot fit SCORM 1.2's 4096 characters: the page says so, and the LMS keeps the last that fit.
    const noise = randomBytes(6000).toString("base64");
    await paste(page, sco, `${solution}\n// ${noise}\n`);
    await sco.getByRole("alert").filter({ hasText: /no longer fits in what the course can keep/ }).waitFor({ timeout: LONG });
    expect(await cmi(page, "cmi.suspend_data")).toBe(kept.suspend);
  }, SLOW);

  it("outside an LMS, the package is the plain app, its service worker scoped to the sub-folder", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: "reduce" });
    contexts.push(context);
    context.on("request", (r) => requested.push(r.url()));
    context.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    const page = await context.newPage();
    await page.goto(`${server.url}/course/index.html#/exercises/sql-queries`);
    // Tests run from this folder in the LMS launches above; here, the editor and the offline cache.
    await page.getByRole("textbox", { name: /^main\.ts\b.*code editor/ }).waitFor({ state: "attached", timeout: LONG });
    const scope = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    await expect.poll(scope, { timeout: LONG, interval: 500 }).toBe(`${server.url}/course/`);
    expect(await page.evaluate(() => "API" in window)).toBe(false);
  }, SLOW);

  it("asked for nothing outside the package and host, and every file it asked for was there", () => {
    expect(failed).toEqual([]);
    // The database started from the prebuilt snapshot, found at the package's root, not under assets/.
    expect(requested).toContain(`${server.url}/course/pglite/datadir.tar.gz`);
  });
});
