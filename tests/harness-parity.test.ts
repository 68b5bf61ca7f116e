import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserSession } from "../src/cli/browser/browser-session";
import { toRequest } from "../src/cli/runtimes";
import { runNode } from "../src/runtime/node/run-node";
import type { RunResults } from "../src/runtime/results";
import { repoRoot } from "./helpers/cli";
import { exerciseAt } from "./helpers/exercises";

/**
 * One fixture pack per harness helper (tests/fixtures/harness/): the solution passes, the starter
 * fails, and real Vitest in Node and the in-page runtime in Chromium give the same verdict per test.
 */
const root = "tests/fixtures/harness";
const packs = readdirSync(path.join(repoRoot, root)).map((name) => `${root}/${name}`);

const verdicts = (results: RunResults) => ({ status: results.status, tests: results.tests.map((t) => `${t.status}: ${t.name}`) });

let session: BrowserSession;
beforeAll(async () => {
  session = await BrowserSession.open();
});
afterAll(() => session?.close());

describe.each(packs)("%s", (dir) => {
  it.each(["starter", "solution"] as const)("gives the same verdicts on the %s in both runtimes", async (which) => {
    const exercise = await exerciseAt(dir);
    const files = exercise[which];
    const [node, browser] = await Promise.all([runNode(exercise, files), session.run(toRequest(exercise, files))]);
    expect(node.tests.length).toBeGreaterThan(0);
    expect(verdicts(browser)).toEqual(verdicts(node));
    const passed = node.tests.filter((t) => t.status === "pass").length;
    if (which === "solution") expect(passed, JSON.stringify(node.tests.filter((t) => t.status !== "pass"))).toBe(node.tests.length);
    else expect(passed).toBeLessThan(node.tests.length);
  });
});
