import { spawnSync } from "node:child_process";
import type { Browser, Page } from "playwright-core";
import { repoRoot } from "../src/cli/browser/app-build";
import type { Exercise } from "../src/exercises/pack";

const SUMMARY = /\d+ of \d+ passed|All tests passed/;

/** Navigation → Run tests pressed the moment it is enabled → the run's summary shown. */
async function timeToVerdict(page: Page, url: string): Promise<number> {
  const start = Date.now();
  await page.goto(url);
  const button = page.getByRole("button", { name: "Run tests" });
  await button.and(page.locator(":enabled")).waitFor({ timeout: 60_000 });
  await button.click();
  await page.getByRole("region", { name: "Test results" }).getByText(SUMMARY).first().waitFor({ timeout: 60_000 });
  return Date.now() - start;
}

async function timeToReady(page: Page, url: string): Promise<number> {
  const start = Date.now();
  await page.goto(url);
  await page.getByRole("status").filter({ hasText: /^\s*ready\b/i }).first().waitFor({ timeout: 60_000 });
  return Date.now() - start;
}

/** The first verdict on a database exercise's starter, each time in a fresh profile (cold cache). */
export async function timeFirstVerdict(browser: Browser, url: string, exercise: Exercise, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    times.push(await timeToVerdict(await context.newPage(), `${url}/#/exercises/${exercise.slug}`));
    await context.close();
  }
  return times;
}

/**
 * A learner coming back: one visit in a profile (its service worker installed, its caches full),
 * then a reload each sample — runtime ready and first verdict, measured in the same profile.
 */
export async function timeReturnVisit(
  browser: Browser,
  url: string,
  exercise: Exercise,
  runs: number,
): Promise<{ ready: number[]; verdict: number[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const address = `${url}/#/exercises/${exercise.slug}`;
  try {
    await page.goto(address);
    await page.waitForFunction(() => document.documentElement.dataset.offline === "ready", undefined, { timeout: 120_000 });
    const ready: number[] = [];
    const verdict: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Through about:blank, so each sample is a new document, as a reload is.
      await page.goto("about:blank");
      ready.push(await timeToReady(page, address));
      await page.goto("about:blank");
      verdict.push(await timeToVerdict(page, address));
    }
    return { ready, verdict };
  } finally {
    await context.close();
  }
}

/** `roadlab check` over the whole catalog, once per runtime, as a cold CLI process. */
export function timeCheck(runtime: "node" | "browser"): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, ["bin/roadlab.js", "check", "--runtime", runtime], { cwd: repoRoot, encoding: "utf8" });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`roadlab check --runtime ${runtime} failed:\n${result.stdout.slice(-2000)}\n${result.stderr}`);
  return elapsed;
}
