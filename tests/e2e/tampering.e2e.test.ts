import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONG, openApp, type AppSession } from "./helpers/app";
import { editorFor, pasteInto, runTests, testResults } from "./helpers/workspace";

const EXERCISE = "exercises/01-internet/http-request-parser";
const TITLE = "Parse a raw HTTP/1.1 request";

describe("the workspace says when a run was tampered with", () => {
  let app: AppSession;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    page = await app.newPage();
  });
  afterAll(() => app?.close());

  it("flags code that replaces Object.is, names where, and never shows a pass", async () => {
    const solution = await readFile(`${EXERCISE}/solution/main.ts`, "utf8");
    await page.goto(`${app.url}/#/`);
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByRole("tab", { name: "main.ts" }).waitFor({ timeout: LONG });
    await editorFor(page, "main.ts").waitFor({ state: "attached", timeout: LONG });

    await pasteInto(page, "main.ts", `Object.is = () => true;\n${solution}`);
    const text = await runTests(page, /Not graded: the code under test tampered with the test runtime/);
    expect(text).not.toMatch(/All tests passed/);
    const alert = testResults(page).getByRole("alert", { name: /This run was tampered with/ });
    await alert.waitFor({ timeout: LONG });
    expect(await alert.innerText()).toMatch(/wrote Object\.is at main\.ts:1:/);

    await pasteInto(page, "main.ts", solution);
    await runTests(page, /All tests passed/);
    expect(await testResults(page).getByRole("alert").count()).toBe(0);
  });
});
