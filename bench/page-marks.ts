import type { BrowserContext, Page } from "playwright-core";

/**
 * Moments of a page's start-up, in ms since its navigation began (the page's performance.now()),
 * each taken at the animation frame that paints it. Timed inside the page: Playwright's waits
 * poll every 100–500 ms once the page is busy, which added 0.3–0.6 s to the editor's figure.
 */
export interface Marks {
  /** The starter's first line on screen: the preview shown while Monaco loads, or Monaco. */
  starter?: number;
  /** The same line in Monaco: the learner can type. */
  editor?: number;
  /** The runtime status says Ready. */
  ready?: number;
  /** Run tests pressed the moment it is enabled… */
  pressed?: number;
  /** …and that run's summary shown. */
  verdict?: number;
}

/**
 * Records the marks of every document the context opens (window.__benchMarks). With `pressRun`,
 * presses Run tests as soon as it is enabled, as the first-verdict measure asks.
 */
export async function recordMarks(target: BrowserContext | Page, marker: RegExp, pressRun: boolean): Promise<void> {
  await target.addInitScript(`(${MARKS_SCRIPT})(${JSON.stringify({ source: marker.source, flags: marker.flags, pressRun })})`);
}

/** Goes to `url` and waits until every one of `until` is marked, in whatever order; the marks so far. */
export async function visit(page: Page, url: string, until: (keyof Marks)[], timeoutMs = 60_000): Promise<Marks> {
  await page.goto(url);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const marks = (await page.evaluate("window.__benchMarks")) as Marks;
    if (until.every((key) => marks[key] !== undefined)) return marks;
    if (Date.now() > deadline) throw new Error(`${url}: no "${until.join('", "')}" within ${timeoutMs} ms (marks: ${JSON.stringify(marks)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// A string, not a function: tsx (esbuild keepNames) would wrap a function in a `__name` helper
// that does not exist in the page.
const MARKS_SCRIPT = `function ({ source, flags, pressRun }) {
  const marks = {};
  Object.defineProperty(window, "__benchMarks", { value: marks });
  const marker = new RegExp(source, flags);
  const summary = /\\d+ of \\d+ passed|All tests passed/;
  const taken = new Set();
  const mark = (key) => {
    if (taken.has(key)) return;
    taken.add(key);
    requestAnimationFrame(() => (marks[key] = performance.now()));
  };
  const shows = (selector) => [...document.querySelectorAll(selector)].some((el) => marker.test(el.textContent ?? ""));
  const labelled = (name) => [...document.querySelectorAll("[aria-label], [aria-labelledby]")].find((el) => {
    const label = el.getAttribute("aria-label") ?? document.getElementById(el.getAttribute("aria-labelledby") ?? "")?.textContent;
    return label?.trim() === name;
  });
  const check = () => {
    if (shows(".monaco-editor .view-lines")) { mark("starter"); mark("editor"); }
    else if (shows(".code-preview-lines")) mark("starter");
    if ([...document.querySelectorAll("[role=status]")].some((el) => /^\\s*ready\\b/i.test(el.textContent ?? ""))) mark("ready");
    if (!pressRun) return;
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Run tests");
    if (!taken.has("pressed") && button && !button.disabled) {
      marks.pressed = performance.now();
      taken.add("pressed");
      button.click();
    }
    if (taken.has("pressed") && summary.test(labelled("Test results")?.textContent ?? "")) mark("verdict");
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}`;
