import type { Browser, Page } from "playwright-core";
import type { Exercise } from "../src/exercises/pack";

/** First meaningful line of the starter's first file: when it shows, the editor does. */
export function starterMarker(exercise: Exercise): RegExp {
  const [first] = Object.values(exercise.starter);
  const line = first.split("\n").find((l) => /\w/.test(l) && !l.trim().startsWith("//") && !l.trim().startsWith("*")) ?? "";
  // Monaco renders spaces as no-break spaces: match words separated by any whitespace.
  const words = line.trim().split(/\s+/).slice(0, 4).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(words.join("[\\s\\u00a0]+"));
}

/** Opens the workspace with the reference solution typed into every file, ready to run. */
export async function openWithSolution(browser: Browser, url: string, exercise: Exercise): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${url}/#/exercises/${exercise.slug}`);
  // Wait until the saved (or starter) code is showing, so nothing overwrites the paste afterwards.
  await page.locator(".monaco-editor .view-lines", { hasText: starterMarker(exercise) }).first().waitFor({ timeout: 60_000 });
  for (const [file, text] of Object.entries(exercise.solution)) {
    const tab = page.getByRole("tab", { name: file });
    if (await tab.count()) await tab.click();
    const editor = page.getByRole("textbox", { name: new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b.*code editor`) });
    await editor.waitFor({ state: "attached", timeout: 60_000 });
    await editor.focus();
    await page.keyboard.press("ControlOrMeta+A");
    // A paste, as a learner would: typing would trigger Monaco's auto-closing and auto-indent.
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData("text/plain", ${JSON.stringify(text)});
      document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
  }
  return page;
}

/** Click on Run tests → the summary "All tests passed" painted, timed inside the page. */
export async function timeWarmRuns(page: Page, runs: number): Promise<number[]> {
  await clickRunAndWait(page); // the first run loads chunks and boots the database: not warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await clickRunAndWait(page));
  return times;
}

function clickRunAndWait(page: Page): Promise<number> {
  return page.evaluate(CLICK_RUN_AND_WAIT) as Promise<number>;
}

// A string, not a function: tsx (esbuild keepNames) would wrap a function in a `__name` helper
// that does not exist in the page.
const CLICK_RUN_AND_WAIT = `new Promise((resolve, reject) => {
  // The region as assistive technology names it: aria-label, or the element aria-labelledby points at.
  const region = [...document.querySelectorAll("[aria-label], [aria-labelledby]")].find((el) => {
    const label = el.getAttribute("aria-label") ?? document.getElementById(el.getAttribute("aria-labelledby") ?? "")?.textContent;
    return label?.trim() === "Test results";
  });
  const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Run tests");
  if (!region || !button) return reject(new Error("no Run tests button or Test results region"));
  let changed = false;
  const observer = new MutationObserver(() => {
    changed = true;
    if (!/All tests passed/.test(region.textContent ?? "")) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - start));
  });
  observer.observe(region, { subtree: true, childList: true, characterData: true, attributes: true });
  setTimeout(() => reject(new Error("no 'All tests passed' within 60 s: " + region.textContent)), 60000);
  const start = performance.now();
  button.click();
})`;
