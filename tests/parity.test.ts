import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserSession } from "../src/cli/browser/browser-session";
import { toRequest } from "../src/cli/runtimes";
import { runNode } from "../src/runtime/node/run-node";
import type { RunResults } from "../src/runtime/results";
import { repoRoot } from "./helpers/cli";
import { exerciseAt } from "./helpers/exercises";
import { HUNG } from "./helpers/hung";

/** What must agree between real Vitest and the in-page runtime: run status, test names, verdicts. */
function verdicts(results: RunResults) {
  return { status: results.status, tests: results.tests.map((t) => `${t.status}: ${t.name}`) };
}

const surfaceRoot = path.join(repoRoot, "tests/fixtures/vitest-surface");
const surfaceDirs = existsSync(surfaceRoot) ? readdirSync(surfaceRoot).map((name) => `tests/fixtures/vitest-surface/${name}`) : [];
// Runtime behaviour both must share: a hung test is ended alone, a faked clock is not a hang (kept
// out of vitest-surface, whose packs the shim's dev harness runs without a watchdog).
const runtimeDirs = [HUNG, "tests/fixtures/packs/runtime/faked-clock"];

const packagesRoot = path.join(repoRoot, "tests/fixtures/packages");
const packageDirs = readdirSync(packagesRoot).map((name) => `tests/fixtures/packages/${name}`);

let session: BrowserSession;
beforeAll(async () => {
  session = await BrowserSession.open();
});
afterAll(() => session?.close());

async function bothRuntimes(dir: string, which: "starter" | "solution") {
  const exercise = await exerciseAt(dir);
  const files = exercise[which];
  const [node, browser] = await Promise.all([runNode(exercise, files), session.run(toRequest(exercise, files))]);
  return { node: verdicts(node), browser: verdicts(browser) };
}

describe("the in-page runtime agrees with real Vitest", () => {
  // The catalog's exercises are compared test by test in tests/cli-check.test.ts, from the two
  // catalog checks (one per runtime) that npm test runs anyway.

  // One pack per family of curated packages: each package must load and behave alike in both runtimes.
  describe.each(packageDirs)("%s", (dir) => {
    it("passes the solution and fails the starter, test by test alike", async () => {
      const [solution, starter] = [await bothRuntimes(dir, "solution"), await bothRuntimes(dir, "starter")];
      expect(solution.node.status).toBe("pass");
      expect(solution.browser).toEqual(solution.node);
      expect(starter.node.tests.some((t) => t.startsWith("fail:"))).toBe(true);
      expect(starter.browser).toEqual(starter.node);
    });
  });

  // Some fixtures are meant to end in an error (a file that fails to load, no tests): the verdict still has to match.
  it.each([...surfaceDirs, ...runtimeDirs])("on the Vitest surface fixture %s", async (dir) => {
    const { node, browser } = await bothRuntimes(dir, "solution");
    expect(browser).toEqual(node);
  });
});
