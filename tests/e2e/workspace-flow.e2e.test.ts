import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONG, offOrigin, openApp, unexpectedViolations, type AppSession } from "./helpers/app";
import { editorFor, pasteInto, runTests, testResults } from "./helpers/workspace";

const EXERCISE = "exercises/01-internet/http-request-parser";
const TITLE = "Parse a raw HTTP/1.1 request";

/** A learner's path through the app, in Chromium, finding everything by role and name. */
describe("workspace, end to end", () => {
  let app: AppSession;
  let page: Page;
  let solution: string;

  beforeAll(async () => {
    app = await openApp();
    page = await app.newPage();
    solution = await readFile(`${EXERCISE}/solution/main.ts`, "utf8");
  });
  afterAll(() => app?.close());

  /** The roadmap entry of an exercise: the innermost list item holding its link. */
  function exerciseItem(on: Page, title: string) {
    return on.getByRole("listitem").filter({ has: on.getByRole("link", { name: title, exact: true }) }).last();
  }

  /** The progress a fresh tab shows for an exercise, i.e. what IndexedDB holds. */
  async function roadmapStatus(title: string): Promise<string> {
    const other = await app.newPage();
    try {
      await other.goto(`${app.url}/#/`);
      const item = exerciseItem(other, title);
      await item.waitFor({ timeout: LONG });
      return /Passed|In progress|Not started/.exec(await item.innerText())?.[0] ?? "";
    } finally {
      await other.close();
    }
  }

  it("roadmap → exercise → the starter fails → the solution passes → reload keeps code and progress", async () => {
    await page.goto(`${app.url}/#/`);
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByRole("heading", { name: TITLE }).waitFor({ timeout: LONG });
    await page.getByRole("tab", { name: "main.ts" }).waitFor({ timeout: LONG });
    await editorFor(page, "main.ts").waitFor({ state: "attached", timeout: LONG });

    const failing = await runTests(page, /\d+ of \d+ passed/);
    const [, passed, total] = /(\d+) of (\d+) passed/.exec(failing)!;
    expect(Number(passed)).toBeLessThan(Number(total));
    expect(failing).toMatch(/failed/);

    // A first line of its own, so the reload below can tell the pasted code from the starter.
    await pasteInto(page, "main.ts", `// my solution\n${solution}`);
    expect(await runTests(page, /All tests passed/)).not.toMatch(/\bfailed\b/);

    // Reload at once, before the debounced IndexedDB write could land: the unload journal keeps it.
    await page.reload();
    const editor = editorFor(page, "main.ts");
    await editor.waitFor({ state: "attached", timeout: LONG });
    await page.locator(".monaco-editor .view-lines").getByText("my solution").first().waitFor({ timeout: LONG });

    await page.goto(`${app.url}/#/`);
    await expect.poll(() => exerciseItem(page, TITLE).innerText(), { timeout: LONG }).toContain("Passed");
    // And it reached IndexedDB: a second tab, which has no journal of its own, sees it too.
    await expect.poll(() => roadmapStatus(TITLE), { timeout: LONG, interval: 500 }).toBe("Passed");
  });

  it("a syntax error gives a message naming file and line, and the next run works", async () => {
    await page.goto(`${app.url}/#/exercises/http-request-parser`);
    await pasteInto(page, "main.ts", "export function parseRequest(raw: string) {\n  const = raw;\n}\n");
    const text = await runTests(page, /Syntax error/i);
    expect(text).toMatch(/main\.ts:2/);
    await pasteInto(page, "main.ts", solution);
    await runTests(page, /All tests passed/);
  });

  it("an infinite loop costs only its test: it is stopped with a message naming it, the others pass, and the next run works", async () => {
    const head = "export function parseRequest(raw: string): HttpRequest {";
    expect(solution).toContain(head);
    // Only the first test sends /index.html: it alone spins.
    await pasteInto(page, "main.ts", solution.replace(head, `${head}\n  while (raw.includes("/index.html")) {}`));
    // The run's message comes with its final results, after the rest ran in a fresh worker.
    const text = await runTests(page, /Test "request line > parses a simple GET request" timed out after 5000 ms/);
    expect(text).toMatch(/^timed out after 5000 ms$/m);
    // Only the hung test is marked (an error reads "failed"); the 23 after it ran and passed.
    const [, passed, total] = /\b(\d+) of (\d+) passed\b/.exec(text)!.map(Number);
    expect(passed).toBe(total - 1);
    expect(await testResults(page).getByText("failed").count()).toBe(1);
    await pasteInto(page, "main.ts", solution);
    await runTests(page, /All tests passed/);
    expect(await testResults(page).getByText("failed").count()).toBe(0);
  });

  it("the terminal ends with the last run's passed tests and summary", async () => {
    // xterm's screen-reader mode mirrors the visible rows as a list.
    const rows = page.getByRole("region", { name: "Terminal" }).getByRole("list");
    await expect.poll(() => rows.innerText(), { timeout: LONG }).toMatch(/✓ [^\n]+\n(.*\n)*All tests passed\s*$/);
  });

  it("while Monaco loads, the starter shows at once, read-only; Monaco then takes over", async () => {
    // A profile of its own: no service worker yet, whose fetches page.route could not hold.
    const other = await app.newPage({ colorScheme: "dark" });
    const starter = await readFile(`${EXERCISE}/starter/main.ts`, "utf8");
    try {
      // Hold Monaco's chunk back, as a slow first visit would.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await other.route(/\/assets\/editor\.api-[^/]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await other.goto(`${app.url}/#/exercises/http-request-parser`);
      const preview = other.getByRole("list", { name: "main.ts, read-only while the editor loads" });
      await preview.waitFor({ timeout: LONG });
      const lines = starter.split("\n");
      expect(await preview.getByRole("listitem").count()).toBe(lines.length);
      expect((await preview.getByRole("listitem").first().innerText()).trim()).toBe(lines[0].trim());
      expect(await other.getByRole("textbox", { name: /main\.ts.*code editor/ }).count()).toBe(0);
      release();
      await editorFor(other, "main.ts").waitFor({ state: "attached", timeout: LONG });
      await expect.poll(() => preview.count(), { timeout: LONG }).toBe(0);
    } finally {
      await other.close();
    }
  });

  it("made no request off the page's origin, and the CSP refused nothing the app needs", () => {
    expect(app.requests.length).toBeGreaterThan(0);
    expect(offOrigin(app.requests, app.url)).toEqual([]);
    // Requests from the runtime worker are recorded too: learner modules load as blob: URLs there.
    expect(app.requests.some((url) => url.startsWith("blob:"))).toBe(true);
    expect(unexpectedViolations(app.cspViolations)).toEqual([]);
  });
});
