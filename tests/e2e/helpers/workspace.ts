import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { LONG } from "./app";

/**
 * Monaco's input for a file: its accessible name starts with the file name. Chromium gets
 * Monaco's EditContext input, a 0×0 element: wait for it `attached`, not visible.
 */
export function editorFor(page: Page, file: string): Locator {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByRole("textbox", { name: new RegExp(`^${escaped}\\b.*code editor`) });
}

/** Replaces the whole file the way a learner pastes it: select all, then a paste event Monaco handles. */
export async function pasteInto(page: Page, file: string, text: string): Promise<void> {
  const editor = editorFor(page, file);
  await editor.waitFor({ state: "attached", timeout: LONG });
  await editor.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await editor.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

export function testResults(page: Page): Locator {
  return page.getByRole("region", { name: "Test results" });
}

/** Presses Run tests and waits for this run's summary (or error) to appear in Test results. */
export async function runTests(page: Page, expected: RegExp): Promise<string> {
  const results = testResults(page);
  const before = await results.innerText();
  await page.getByRole("button", { name: "Run tests" }).click();
  // First the region changes (running, or already done), so an earlier run's summary cannot match.
  await expect.poll(() => results.innerText(), { timeout: LONG }).not.toBe(before);
  await results.getByText(expected).first().waitFor({ timeout: LONG });
  return results.innerText();
}
