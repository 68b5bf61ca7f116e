import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONG, openApp, type AppSession } from "./helpers/app";
import { editorFor, pasteInto } from "./helpers/workspace";

const SLUG = "http-request-parser";

let app: AppSession;
beforeAll(async () => {
  app = await openApp();
});
afterAll(() => app?.close());

async function openExercise(page: Page): Promise<void> {
  await page.goto(`${app.url}/#/exercises/${SLUG}`);
  await editorFor(page, "main.ts").waitFor({ state: "attached", timeout: LONG });
}

/** Waits until the editor shows `text` (Monaco renders only what is on screen; these are first lines). */
async function shows(page: Page, text: string): Promise<void> {
  await page.locator(".monaco-editor .view-lines").getByText(text).first().waitFor({ timeout: LONG });
}

describe("two tabs of the same exercise", () => {
  it("stay in sync as you type, and a fresh tab shows the last edit of either", async () => {
    const a = await app.newPage();
    const b = await app.newPage();
    await openExercise(a);
    await openExercise(b);
    await pasteInto(a, "main.ts", "// typed in tab A\n");
    await shows(b, "// typed in tab A");
    await pasteInto(b, "main.ts", "// typed in tab A, then in tab B\n");
    await shows(a, "// typed in tab A, then in tab B");
    // Nothing else to wait for: a tab opened now gets the others' state even before it is on disk.
    const fresh = await app.newPage();
    await openExercise(fresh);
    await shows(fresh, "// typed in tab A, then in tab B");
    // And it is on disk: with every tab closed, a new one reads it from IndexedDB.
    await Promise.all([a.close(), b.close(), fresh.close()]);
    const later = await app.newPage();
    await openExercise(later);
    await shows(later, "// typed in tab A, then in tab B");
    await later.close();
  });
});

describe("when IndexedDB fails", () => {
  /** A page in a context of its own (own storage), with IndexedDB broken by `breakIt` before any script runs. */
  async function brokenPage(breakIt: () => void): Promise<Page> {
    const page = await app.newPage({ colorScheme: "dark" });
    await page.addInitScript(breakIt);
    return page;
  }

  it("unavailable (a private window): a notice says work is not saved, the editor works, Export has the code", async () => {
    const page = await brokenPage(() => {
      Object.defineProperty(IDBFactory.prototype, "open", {
        value() {
          throw new DOMException("The user denied permission to access the database.", "InvalidStateError");
        },
      });
    });
    await openExercise(page);
    const notice = page.getByRole("alert").filter({ hasText: "Your work is not being saved" });
    await notice.waitFor({ timeout: LONG });
    expect(await notice.innerText()).toMatch(/private window/);
    await pasteInto(page, "main.ts", "// kept only in this tab\n");
    await shows(page, "// kept only in this tab");
    const [download] = await Promise.all([page.waitForEvent("download"), notice.getByRole("button", { name: "Export progress" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^roadlab-progress-.+\.json$/);
    const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(exported.files[SLUG]["main.ts"]).toBe("// kept only in this tab\n");
    await page.close();
  });

  it("full (quota exceeded on write): the notice appears on the first save, and the editor keeps working", async () => {
    const page = await brokenPage(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await openExercise(page);
    await pasteInto(page, "main.ts", "// first edit\n");
    const notice = page.getByRole("alert").filter({ hasText: "Your work is not being saved" });
    await notice.waitFor({ timeout: LONG });
    expect(await notice.innerText()).toMatch(/storage for this site is full/);
    await pasteInto(page, "main.ts", "// second edit\n");
    await shows(page, "// second edit");
    await page.close();
  });
});

describe("importing a progress file", () => {
  it("that is not a Roadlab export: one clear error, and nothing is overwritten", async () => {
    const page = await app.newPage({ colorScheme: "dark" });
    await openExercise(page);
    await pasteInto(page, "main.ts", "// mine, not to be lost\n");
    await page.goto(`${app.url}/#/`);
    await page.getByLabel("Progress file to import").setInputFiles({
      name: "package.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ name: "something-else", files: { [SLUG]: { "main.ts": "foreign" } } })),
    });
    // Empty live regions (Monaco's, the router's) carry role alert too: count those that say something.
    const alerts = page.getByRole("alert").filter({ hasText: /\S/ });
    await alerts.first().waitFor({ timeout: LONG });
    expect(await alerts.allInnerTexts()).toEqual(['package.json: This is not a Roadlab progress file: it needs "format": "roadlab-progress".']);
    await openExercise(page);
    await shows(page, "// mine, not to be lost");
    await page.close();
  });
});
