/**
 * Vitest's own test runner, plus one step: after collection, tests a killed child already judged
 * are skipped (see ../resume.ts), so a fresh child runs only the rest, with their suites' hooks.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { RunnerTestFile as File } from "vitest";
import { TestRunner } from "vitest";
import { skipJudged } from "../resume";

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
}
