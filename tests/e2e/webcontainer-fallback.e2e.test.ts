import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONG, offOrigin, openApp, type AppSession } from "./helpers/app";
import { runTests } from "./helpers/workspace";

const EXERCISE = "http-request-parser";
const UNAVAILABLE = /The WebContainer runtime unavailable: .+\. Tests run in the page instead\./;
/** The promise: within 20 s the page says why; 5 s more for loading and a busy machine. */
const NOTICE_WITHIN = 25_000;

/**
 * The opt-in WebContainer runtime on this offline machine: StackBlitz's hosted runtime cannot
 * load (or the browser reports no network), so the page says why and runs tests in the page.
 */
describe("WebContainer runtime, offline fallback", () => {
  let app: AppSession;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    page = await app.newPage();
  });
  afterAll(() => app?.close());

  /** Requests off the app's origin; only StackBlitz's headless runtime may be attempted. */
  function thirdParty(): string[] {
    const off = offOrigin(app.requests, app.url);
    if (off.length > 0) console.log(`requests off the origin: ${off.join(", ")}`);
    return off;
  }

  it("?runtime=webcontainer: says in words why it is unavailable, and Run tests works in the page", async () => {
    const started = Date.now();
    await page.goto(`${app.url}/?runtime=webcontainer#/exercises/${EXERCISE}`);
    await page.getByText(UNAVAILABLE).waitFor({ timeout: NOTICE_WITHIN });
    console.log(`notice after ${Date.now() - started} ms: ${await page.getByText(UNAVAILABLE).innerText()}`);

    const text = await runTests(page, /\d+ of \d+ passed/);
    expect(text).toMatch(/failed/);
    expect(thirdParty().filter((url) => !url.startsWith("https://stackblitz.com/"))).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  it("the choice made in Settings is remembered across reloads, and Settings can switch back", async () => {
    await page.goto(`${app.url}/#/`);
    await page.getByRole("button", { name: "Settings" }).click();
    const dialog = page.getByRole("dialog", { name: "Settings" });
    const inPage = dialog.getByRole("radio", { name: "In the page (default, works offline)" });
    expect(await inPage.isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole("radio", { name: "WebContainer (real Node and npm, needs internet)" }).check();
    await Promise.all([page.waitForEvent("load", { timeout: LONG }), dialog.getByRole("button", { name: "Save" }).click()]);

    await page.goto(`${app.url}/#/exercises/${EXERCISE}`);
    await page.getByText(UNAVAILABLE).waitFor({ timeout: NOTICE_WITHIN });
    await runTests(page, /\d+ of \d+ passed/);
    await page.getByRole("tab", { name: "Shell" }).click();
    await page.getByRole("tabpanel", { name: "Shell" }).getByText(/The shell could not start/).waitFor({ timeout: LONG });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Settings" }).click();
    await dialog.getByRole("radio", { name: /In the page/ }).check();
    await Promise.all([page.waitForEvent("load", { timeout: LONG }), dialog.getByRole("button", { name: "Save" }).click()]);
    await page.getByRole("heading", { name: "Parse a raw HTTP/1.1 request" }).waitFor({ timeout: LONG });
    await expect.poll(() => page.getByRole("status").first().innerText(), { timeout: LONG }).toMatch(/Ready|Starting/);
    expect(await page.getByText(UNAVAILABLE).count()).toBe(0);
    expect(thirdParty().filter((url) => !url.startsWith("https://stackblitz.com/"))).toEqual([]);
  });
});

/** Serious and critical axe violations of the notice, the dialog and the Shell tab, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} — ${n.target.join(" ")}`));
}
