import { spawnSync } from "node:child_process";
import type { Browser } from "playwright-core";
import { repoRoot } from "../src/cli/browser/app-build";
import type { Exercise } from "../src/exercises/pack";
import { starterMarker } from "./app-measures";
import { recordMarks, visit, type Marks } from "./page-marks";

const VIEWPORT = { viewport: { width: 1280, height: 800 } };

/** Cold visits, each in a fresh profile: the marks of each, once every one of `until` is taken. */
async function coldVisits(browser: Browser, url: string, exercise: Exercise, runs: number, pressRun: boolean, until: (keyof Marks)[]): Promise<Marks[]> {
  const all: Marks[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext(VIEWPORT);
    await recordMarks(context, starterMarker(exercise), pressRun);
    all.push(await visit(await context.newPage(), `${url}/#/exercises/${exercise.slug}`, until));
    await context.close();
  }
  return all;
}

/**
 * Navigation → the starter on screen (the preview, then Monaco, where the learner can type) and
 * → the runtime Ready, on a database exercise, cold.
 */
export async function timeColdStart(browser: Browser, url: string, exercise: Exercise, runs: number) {
  const marks = await coldVisits(browser, url, exercise, runs, false, ["starter", "editor", "ready"]);
  return { starter: pick(marks, "starter"), editor: pick(marks, "editor"), ready: pick(marks, "ready") };
}

/** Navigation → Run tests pressed the moment it is enabled → the run's summary shown, cold. */
export async function timeFirstVerdict(browser: Browser, url: string, exercise: Exercise, runs: number): Promise<number[]> {
  return pick(await coldVisits(browser, url, exercise, runs, true, ["verdict"]), "verdict");
}

/**
 * A learner coming back: one visit in a profile (its service worker installed, its caches full),
 * then a reload each sample — runtime ready and first verdict, measured in the same profile.
 */
export async function timeReturnVisit(browser: Browser, url: string, exercise: Exercise, runs: number): Promise<{ ready: number[]; verdict: number[] }> {
  const context = await browser.newContext(VIEWPORT);
  const address = `${url}/#/exercises/${exercise.slug}`;
  try {
    // Two tabs of one profile: one only watches, the other also presses Run tests.
    const [watching, pressing] = [await context.newPage(), await context.newPage()];
    await recordMarks(watching, starterMarker(exercise), false);
    await recordMarks(pressing, starterMarker(exercise), true);
    await watching.goto(address);
    await watching.waitForFunction(() => document.documentElement.dataset.offline === "ready", undefined, { timeout: 120_000 });
    const ready: Marks[] = [];
    const verdict: Marks[] = [];
    for (let i = 0; i < runs; i++) {
      // Through about:blank, so each sample is a new document, as a reload is.
      await watching.goto("about:blank");
      ready.push(await visit(watching, address, ["ready"]));
      await watching.goto("about:blank");
      verdict.push(await visit(pressing, address, ["verdict"]));
      await pressing.goto("about:blank");
    }
    return { ready: pick(ready, "ready"), verdict: pick(verdict, "verdict") };
  } finally {
    await context.close();
  }
}

function pick(marks: Marks[], key: keyof Marks): number[] {
  return marks.map((m) => {
    if (m[key] === undefined) throw new Error(`a visit never reached "${key}": ${JSON.stringify(m)}`);
    return Math.round(m[key]);
  });
}

/** `roadlab check` over the whole catalog, once per runtime, as a cold CLI process. */
export function timeCheck(runtime: "node" | "browser"): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, ["bin/roadlab.js", "check", "--runtime", runtime], { cwd: repoRoot, encoding: "utf8" });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`roadlab check --runtime ${runtime} failed:\n${result.stdout.slice(-2000)}\n${result.stderr}`);
  return elapsed;
}
