/**
 * Vitest's own test runner, plus two steps. After collection, tests a killed child already judged
 * are skipped (see ../resume.ts), so a fresh child runs only the rest, with their suites' hooks.
 * After each test, its verdict goes to the progress log at once: Vitest sends verdicts in batches,
 * and a batch still waiting when the next test hangs dies with the child.
 */
import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import type { RunnerTestCase, RunnerTestFile as File } from "vitest";
import { TestRunner } from "vitest";
import type { TestResult } from "../results";
import { skipJudged } from "../resume";
import type { ProgressLine } from "./node-watchdog";
import { progressFile } from "./protocol";
import { errorMessage } from "./vitest-results";

/** Taken before any test can fake the clock (see vitest-setup.ts). */
const realNow = Date.now;

/** In the workspace: full names of tests judged by an earlier child of the same run. */
export const SKIP_FILE = ".roadlab-skip.json";

export default class ResumeRunner extends TestRunner {
  onCollected(files: File[]): void {
    let skip: string[] = [];
    try {
      skip = JSON.parse(readFileSync(path.join(this.config.root, SKIP_FILE), "utf8")) as string[];
    } catch {
      // No earlier child: nothing to skip.
    }
    skipJudged(files, new Set(skip));
  }

  override async onAfterRunTask(test: RunnerTestCase): Promise<void> {
    await super.onAfterRunTask(test);
    const line: ProgressLine = { kind: "verdict", test: verdict(test, this.config.root), at: realNow(), pid: process.pid };
    appendFileSync(progressFile(this.config.root), `${JSON.stringify(line)}\n`);
  }
}

/** As vitest-results.ts's testResult gives it, without the console output (the reporter has that). */
function verdict(test: RunnerTestCase, root: string): TestResult {
  const state = test.result?.state;
  const [status, message]: [TestResult["status"], string?] =
    state === "pass" ? ["pass"]
    : state === "fail" ? ["fail", errorMessage(test.result?.errors?.[0], root)]
    : state === "skip" || state === "todo" ? [test.mode === "todo" ? "todo" : "skip"]
    : ["error", "did not finish"];
  const duration = test.result?.duration;
  return { name: test.fullTestName, status, ...(message === undefined ? {} : { message }), ...(duration === undefined ? {} : { duration_ms: Math.round(duration) }) };
}
