import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONG, openApp, type AppSession } from "./helpers/app";
import { editorFor, pasteInto } from "./helpers/workspace";

/** Waits until F8 (go to next problem) shows and announces `expected` in main.ts. */
async function expectProblem(page: Page, expected: string): Promise<void> {
  const editor = editorFor(page, "main.ts");
  await expect
    .poll(
      async () => {
        await page.keyboard.press("Escape");
        await editor.focus();
        await page.keyboard.press("F8");
        return (await page.getByRole("alert").allInnerTexts()).join(" ");
      },
      { timeout: LONG, interval: 1_000 },
    )
    .toContain(expected);
}

/** Monaco checks learner code against each listed package's own declarations, and only those. */
describe("package types in the editor", () => {
  let app: AppSession;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    page = await app.newPage();
    await page.goto(`${app.url}/#/exercises/jwt-hs256`);
    await editorFor(page, "main.ts").waitFor({ state: "attached", timeout: LONG });
  });
  afterAll(() => app?.close());

  it("reports misuse of a listed package with its published types", async () => {
    await pasteInto(page, "main.ts", 'import { SignJWT } from "jose";\nexport const t: number = new SignJWT({});\n');
    await expectProblem(page, "Type 'SignJWT' is not assignable to type 'number'");
  });

  it("does not know a package the exercise does not list", async () => {
    await pasteInto(page, "main.ts", 'import { Hono } from "hono";\nexport const app = new Hono();\n');
    await expectProblem(page, "Cannot find module 'hono'");
  });
});
