/** Vitest setup file for the Node runtime: hands the exercise's seed to `@roadlab/db`. */
import { appendFileSync } from "node:fs";
import path from "node:path";
import { readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeEach, expect, inject } from "vitest";
import { closeDb, configureDb, warmDb } from "../../harness/db";
import { closeRedis } from "../../harness/redis";
import type { Step } from "./node-watchdog";

declare module "vitest" {
  export interface ProvidedContext {
    roadlabSeed: string;
    roadlabDataDir: string;
    roadlabProgress: string;
  }
}

// Appended synchronously: Vitest batches its own progress events, so a test that spins forever
// never gets its "started" event out. The watchdog reads this log to tell slow from stuck.
const progress = inject("roadlabProgress");
// Relative to the variant's own workspace: one Vitest process runs many (protocol.ts).
const file = expect.getState().testPath?.replace(`${path.dirname(progress)}/`, "");
// The real clock, taken before any test can fake it: a test that sets the date to 1970 and leaves it
// there would otherwise stamp its "idle" line decades ago, and the watchdog would call it hung.
const now = Date.now;
const step = (s: Step) => appendFileSync(progress, `${JSON.stringify({ ...s, file, at: now(), pid: process.pid })}\n`);
step({ kind: "setup" });

const dataDir = inject("roadlabDataDir");
const seed = inject("roadlabSeed");
configureDb({ seed, loadDataDir: dataDir ? new Blob([await readFile(dataDir)]) : undefined });
// Boot before the tests so the first test's time limit covers its own work, not PGlite's start.
if (seed) await warmDb();
step({ kind: "loaded" });

// Registered first, so with Vitest's "stack" hook order these run around everything else.
// Open Redis connections would keep the test process alive.
afterAll(async () => {
  await Promise.all([closeDb(), closeRedis()]);
  step({ kind: "done" });
});
// Destructured: Vitest 4 reads the parameter pattern to decide which test.extend fixtures to set up.
beforeEach(({ task }) => step({ kind: "test", name: task.fullTestName }));
afterEach(() => step({ kind: "idle" }));
