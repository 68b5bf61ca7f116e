import type { Browser, Page } from "playwright-core";
import { toRequest } from "../src/cli/runtimes";
import type { Exercise } from "../src/exercises/pack";
import { entryPoints, packageNames, packageOf, type PackageName } from "../src/exercises/packages";
import type { RunRequest } from "../src/runtime/types";
import { gzipKb } from "./sizes";

/** The package families whose fixture packs are timed: the heaviest chunks first. */
export const HEAVY_BACKENDS = ["git", "config", "telemetry", "http", "search", "validation"];

interface Cold {
  page: Page;
  /** Gzipped kilobytes of JavaScript fetched since the last call, once the network is idle. */
  takeJsKb(): Promise<number>;
  close(): Promise<void>;
}

/** The runner page in a fresh context (empty HTTP cache), counting the JavaScript it fetches. */
async function coldRunner(browser: Browser, url: string): Promise<Cold> {
  const context = await browser.newContext();
  let pending: Promise<number>[] = [];
  // Requests from the page's dedicated worker are reported on its context too.
  context.on("response", (response) => {
    if (response.url().endsWith(".js")) pending.push(response.body().then(gzipKb, () => 0));
  });
  const page = await context.newPage();
  await page.goto(`${url}/runner.html`);
  await page.waitForFunction(() => document.body.dataset.ready === "true", undefined, { timeout: 60_000 });
  const takeJsKb = async () => {
    await page.waitForLoadState("networkidle");
    const taken = pending;
    pending = [];
    return (await Promise.all(taken)).reduce((a, b) => a + b, 0);
  };
  await takeJsKb();
  return {
    page,
    takeJsKb,
    close: () => context.close(),
  };
}

function run(page: Page, request: RunRequest): Promise<{ status: string; ms: number }> {
  return page.evaluate(async (req) => {
    const start = performance.now();
    const results = await window.roadlab.run(req);
    return { status: results.status, ms: performance.now() - start };
  }, request);
}

/** First run on a cold page (chunks fetched, compiled, evaluated) against the next, warm one. */
export async function timeFirstRun(browser: Browser, url: string, exercise: Exercise): Promise<{ first: number; warm: number; js_kb: number }> {
  const cold = await coldRunner(browser, url);
  try {
    const request = toRequest(exercise, exercise.solution);
    const first = await run(cold.page, request);
    const jsKb = await cold.takeJsKb();
    const warm = await run(cold.page, request);
    if (first.status !== "pass" || warm.status !== "pass") throw new Error(`${exercise.dir}: solution did not pass (${first.status}, ${warm.status})`);
    return { first: first.ms, warm: warm.ms, js_kb: Math.round(jsKb * 10) / 10 };
  } finally {
    await cold.close();
  }
}

const probe = (specifier: string) => `
import * as m from ${JSON.stringify(specifier)};
import { expect, it } from "vitest";
it("loads", () => expect(Object.keys(m).length).toBeGreaterThan(0));
`;

/**
 * Gzipped JavaScript each curated package adds to a run, beyond a run importing only vitest:
 * its chunk and the shared chunks it needs, as a learner's browser fetches them.
 */
export async function packageChunkKb(browser: Browser, url: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  const request = (specifier: string, packages: string[]): RunRequest => ({ tests: { "tests/probe.test.ts": probe(specifier) }, files: {}, timeoutMs: 30_000, packages });
  const names: string[] = packageNames.filter((name): name is PackageName => name !== "vitest" && !name.startsWith("@roadlab/")).map((name) => entryPoints(name)[0]);
  names.push("hono/streaming", "kubernetes-models/apps/v1/Deployment");
  for (const name of names) {
    const cold = await coldRunner(browser, url);
    try {
      await run(cold.page, request("vitest", []));
      await cold.takeJsKb();
      const result = await run(cold.page, request(name, [packageOf(name)]));
      if (result.status !== "pass") throw new Error(`${name} did not load in the page`);
      sizes[name] = Math.round((await cold.takeJsKb()) * 10) / 10;
    } finally {
      await cold.close();
    }
  }
  return sizes;
}
