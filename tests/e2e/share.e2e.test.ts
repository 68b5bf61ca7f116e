import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONG, openApp, unexpectedViolations, type AppSession } from "./helpers/app";
import { editorFor, pasteInto, runTests, testResults } from "./helpers/workspace";

const EXERCISE = "exercises/01-internet/http-request-parser";
const SLUG = "http-request-parser";
const IDLE = /Run tests \(Ctrl\+Enter\) to check your code/;

describe("sharing code by link", () => {
  let app: AppSession;
  let page: Page;
  let solution: string;
  let link: string;

  const lines = (on: Page) => on.locator(".monaco-editor .view-lines");
  /** Monaco renders only the lines in view: go to the top, where the marker line is. */
  const showsLine = async (on: Page, text: string) => {
    const editor = editorFor(on, "main.ts");
    await editor.waitFor({ state: "attached", timeout: LONG });
    await editor.focus();
    await on.keyboard.press("ControlOrMeta+Home");
    await lines(on).getByText(text).first().waitFor({ timeout: LONG });
  };

  beforeAll(async () => {
    app = await openApp();
    page = await app.newPage();
    solution = await readFile(`${EXERCISE}/solution/main.ts`, "utf8");
  });
  afterAll(() => app?.close());

  it("Share copies a link to the code, or shows the link when the clipboard is refused", async () => {
    await page.goto(`${app.url}/#/exercises/${SLUG}`);
    await pasteInto(page, "main.ts", `// the shared solution\n${solution}`);
    await showsLine(page, "the shared solution");
    await page.evaluate(() => {
      const copied: string[] = ((window as unknown as { copied: string[] }).copied = []);
      navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    });
    await page.getByRole("button", { name: "Share" }).click();
    await page.getByRole("status").getByText("Link copied").waitFor({ timeout: LONG });
    [link] = await page.evaluate(() => (window as unknown as { copied: string[] }).copied);
    expect(link).toMatch(new RegExp(`^${app.url}/#/exercises/${SLUG}\\?shared=[A-Za-z0-9_-]+$`));

    await page.evaluate(() => (navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"))));
    await page.getByRole("button", { name: "Share" }).click();
    const field = page.getByRole("textbox", { name: /Copy the link/ });
    await field.waitFor({ timeout: LONG });
    expect(await field.inputValue()).toBe(link);

    // The visitor's own work, saved, differs from what was shared.
    await pasteInto(page, "main.ts", `// my own work\n${solution}`);
    await showsLine(page, "my own work");
  });

  it("opens read-only under a banner, Run tests disabled, and nothing runs", async () => {
    await page.goto(link);
    await page.getByText("Shared code — read-only. Nothing has run.").waitFor({ timeout: LONG });
    await showsLine(page, "the shared solution");
    await expect.poll(() => editorFor(page, "main.ts").getAttribute("aria-label"), { timeout: LONG }).toMatch(/^main\.ts \(read-only\)/);
    expect(await page.getByRole("button", { name: "Run tests" }).isDisabled()).toBe(true);
    // Neither the shortcut runs it.
    await page.getByRole("heading", { name: "Instructions" }).click();
    await page.keyboard.press("ControlOrMeta+Enter");
    expect(await testResults(page).innerText()).toMatch(IDLE);
    // Typing does not change it.
    await editorFor(page, "main.ts").focus();
    await page.keyboard.type("typed into shared code");
    expect(await lines(page).innerText()).not.toContain("typed into shared code");
    expect(await testResults(page).innerText()).toMatch(IDLE);
  });

  it("asks before replacing the visitor's different saved code; cancelled, nothing changed", async () => {
    await page.getByRole("button", { name: "Open as my copy" }).click();
    const dialog = page.getByRole("dialog", { name: "Replace your code with the shared code?" });
    await dialog.waitFor({ timeout: LONG });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Shared code — read-only. Nothing has run.").waitFor();

    // Another tab shows what is saved: still the visitor's own code.
    const other = await app.newPage();
    await other.goto(`${app.url}/#/exercises/${SLUG}`);
    await showsLine(other, "my own work");
    await other.close();
  });

  it("Open as my copy, confirmed, makes it the visitor's code: editable and runnable", async () => {
    await page.getByRole("button", { name: "Open as my copy" }).click();
    await page.getByRole("dialog", { name: "Replace your code with the shared code?" }).getByRole("button", { name: "Replace my code" }).click();
    await expect.poll(() => page.getByText("Shared code — read-only. Nothing has run.").count(), { timeout: LONG }).toBe(0);
    expect(new URL(page.url()).hash).toBe(`#/exercises/${SLUG}`);
    await expect.poll(() => editorFor(page, "main.ts").getAttribute("aria-label"), { timeout: LONG }).toMatch(/^main\.ts: code editor/);
    await showsLine(page, "the shared solution");
    expect(await page.getByRole("button", { name: "Run tests" }).isDisabled()).toBe(false);
    await runTests(page, /All tests passed/);
  });

  it("Back to my code leaves the shared code, and a visitor with no saved work is not asked", async () => {
    const visitor = await app.newPage({ colorScheme: "dark" });
    await visitor.goto(link);
    await visitor.getByText("Shared code — read-only. Nothing has run.").waitFor({ timeout: LONG });
    await visitor.getByRole("button", { name: "Back to my code" }).click();
    await expect.poll(() => visitor.getByText("Shared code — read-only. Nothing has run.").count(), { timeout: LONG }).toBe(0);
    await showsLine(visitor, "Why a request was rejected");
    expect(await lines(visitor).innerText()).not.toContain("the shared solution");

    await visitor.goto(link);
    await visitor.getByRole("button", { name: "Open as my copy" }).click();
    await expect.poll(() => visitor.getByText("Shared code — read-only. Nothing has run.").count(), { timeout: LONG }).toBe(0);
    expect(await visitor.getByRole("dialog").count()).toBe(0);
    await showsLine(visitor, "the shared solution");
    await visitor.close();
  });

  it("a damaged link says so and shows the visitor's own code, editable", async () => {
    await page.goto(`${app.url}/#/exercises/${SLUG}?shared=${link.split("shared=")[1].slice(0, 30)}`);
    await page.getByRole("alert").getByText(/This share link could not be opened/).waitFor({ timeout: LONG });
    await showsLine(page, "the shared solution");
    expect(await page.getByRole("button", { name: "Run tests" }).isDisabled()).toBe(false);
    expect(unexpectedViolations(app.cspViolations)).toEqual([]);
  });
});
