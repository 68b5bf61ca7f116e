/** Vitest setup file for the Node runtime: hands the exercise's seed to `@roadlab/db`. */
import { writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { afterAll, beforeEach, inject } from "vitest";
import { closeDb, configureDb, warmDb } from "../../harness/db";
import { closeRedis } from "../../harness/redis";
import { LOADED_MARKER, SETUP_MARKER } from "./node-watchdog";

declare module "vitest" {
  export interface ProvidedContext {
    roadlabSeed: string;
    roadlabDataDir: string;
    roadlabProgress: string;
  }
}

// Written synchronously: Vitest batches its own progress events, so a test that spins forever
// never gets its "started" event out. The watchdog reads this file to tell slow from stuck.
const progress = inject("roadlabProgress");
writeFileSync(progress, SETUP_MARKER);

const dataDir = inject("roadlabDataDir");
const seed = inject("roadlabSeed");
configureDb({ seed, loadDataDir: dataDir ? new Blob([await readFile(dataDir)]) : undefined });
// Boot before the tests so the first test's time limit covers its own work, not PGlite's start.
if (seed) await warmDb();
writeFileSync(progress, LOADED_MARKER);

// Open Redis connections would keep the test process alive.
afterAll(() => Promise.all([closeDb(), closeRedis()]));
// Destructured: Vitest 4 reads the parameter pattern to decide which test.extend fixtures to set up.
beforeEach(({ task }) => writeFileSync(progress, task.fullTestName));
