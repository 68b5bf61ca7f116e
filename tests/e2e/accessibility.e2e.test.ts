import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONG, openApp, type AppSession } from "./helpers/app";
import { editorFor } from "./helpers/workspace";
import { shareUrl } from "../../src/features/share/share-code";

const WORKSPACE = "#/exercises/sql-queries";

/**
 * axe-core on both pages, in both colour schemes; screenshots for the README on the way. They go
 * to docs/ only with UPDATE_SCREENSHOTS=1 (run times and dates differ on every run, and a test run
 * should not dirty the work tree); otherwise to a temporary folder.
 */
describe("accessibility and screenshots", () => {
  let app: AppSession;
  let shots: string;

  beforeAll(async () => {
    app = await openApp();
    shots = process.env.UPDATE_SCREENSHOTS === "1" ? "docs" : await mkdtemp(path.join(tmpdir(), "roadlab-shots-"));
    await mkdir(shots, { recursive: true });
  });
  afterAll(async () => {
    await app?.close();
    if (shots && shots !== "docs") await rm(shots, { recursive: true, force: true });
  });

  async function roadmap(page: Page) {
    await page.goto(`${app.url}/#/`);
    await page.getByRole("heading", { level: 1 }).waitFor({ timeout: LONG });
    await page.getByRole("link").first().waitFor({ timeout: LONG });
  }

  async function workspace(page: Page) {
    await page.goto(`${app.url}/${WORKSPACE}`);
    await editorFor(page, "main.ts").waitFor({ state: "attached", timeout: LONG });
    await page.getByRole("region", { name: "Terminal" }).getByRole("list").first().waitFor({ state: "attached", timeout: LONG });
    // The README's diagram is drawn after start-up, when the browser is idle: wait for it, so axe
    // always sees it (it once ran before the drawing and missed a contrast fault in it).
    await page.getByRole("img", { name: /^Diagram/ }).first().waitFor({ timeout: LONG });
    // Run once so the screenshot shows results and terminal output, not empty panes.
    await page.getByRole("button", { name: "Run tests" }).click();
    await page.getByRole("region", { name: "Test results" }).getByText(/\d+ of \d+ passed|All tests passed|could not complete/).first()
      .waitFor({ timeout: LONG });
  }

  for (const scheme of ["light", "dark"] as const) {
    const suffix = scheme === "dark" ? "-dark" : "";

    it(`embed page in a 360 px frame (${scheme} theme): no serious or critical axe violations`, async () => {
      const page = await app.newPage({ colorScheme: scheme === "dark" ? "light" : "dark" });
      await page.setViewportSize({ width: 360, height: 1400 });
      // The theme parameter wins over the system's scheme (the context has the other one).
      await page.goto(`${app.url}/embed.html#/sql-queries?theme=${scheme}`);
      await editorFor(page, "main.ts").waitFor({ state: "attached", timeout: LONG });
      await page.getByRole("button", { name: "Run tests" }).click();
      await page.getByRole("region", { name: "Test results" }).getByText(/\d+ of \d+ passed/).first().waitFor({ timeout: LONG });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(scheme);
      await page.screenshot({ path: path.join(shots, `embed${suffix}.png`) });
      expect(await seriousViolations(page)).toEqual([]);
    });

    it(`shared code banner (${scheme}): no serious or critical axe violations`, async () => {
      const page = await app.newPage({ colorScheme: scheme });
      const link = await shareUrl(`${app.url}/`, "sql-queries", { "main.ts": "// Shared with you\nexport const answer = 42;\n" });
      await page.goto(link);
      await page.getByText("Shared code — read-only. Nothing has run.").waitFor({ timeout: LONG });
      await editorFor(page, "main.ts").waitFor({ state: "attached", timeout: LONG });
      await page.locator(".monaco-editor .view-lines").getByText("Shared with you").waitFor({ timeout: LONG });
      await page.screenshot({ path: path.join(shots, `share${suffix}.png`) });
      expect(await seriousViolations(page)).toEqual([]);
    });

    it(`roadmap (${scheme}): no serious or critical axe violations`, async () => {
      const page = await app.newPage({ colorScheme: scheme });
      await roadmap(page);
      await page.screenshot({ path: path.join(shots, `roadmap${suffix}.png`) });
      expect(await seriousViolations(page)).toEqual([]);
    });

    it(`workspace (${scheme}): no serious or critical axe violations`, async () => {
      const page = await app.newPage({ colorScheme: scheme });
      await workspace(page);
      await page.screenshot({ path: path.join(shots, `workspace${suffix}.png`) });
      expect(await seriousViolations(page)).toEqual([]);

      // The SQL console, expanded over the page, with a table printed.
      await page.getByRole("tab", { name: "SQL console" }).click();
      await page.getByRole("button", { name: "Expand terminal" }).click();
      const rows = page.getByRole("tabpanel", { name: "SQL console" }).getByRole("list");
      await rows.filter({ hasText: "roadlab=#" }).waitFor({ state: "attached", timeout: LONG });
      await page.keyboard.type("\\dt");
      await page.keyboard.press("Enter");
      await rows.filter({ hasText: /\(\d+ rows\)/ }).waitFor({ state: "attached", timeout: LONG });
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

/** Serious and critical violations, one readable line per offending element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map((node) => `${v.impact} ${v.id}: ${v.help} — ${node.target.join(" ")}\n    ${node.failureSummary?.replace(/\n/g, "\n    ") ?? ""}`),
    );
}
