import type { RunEvent, RunResults } from "../results";
import type { RunRequest, SqlOutcome } from "../types";

/** Main thread → worker. */
export type ToWorker =
  | { type: "prepare"; seed?: string }
  /** `secret`: per run, echoed on every message about the run; the page drops those without it. */
  | { type: "run"; runId: number; secret: string; request: RunRequest }
  | { type: "cancel"; runId: number }
  | { type: "sql"; queryId: number; seed: string; query: string };

/** Worker → main thread, over the private port. Errors cross as strings, never as class instances. */
export type FromWorker =
  | { type: "ready" }
  | { type: "database"; state: "booting" | "ready" | "failed"; message?: string }
  | { type: "phase"; runId: number; secret: string; phase: "preparing" | "collecting"; file?: string }
  | { type: "event"; runId: number; secret: string; event: RunEvent }
  /** `touched`: code under test changed the worker (tampering, or globals left changed): replace it. */
  | { type: "done"; runId: number; secret: string; results: RunResults; touched?: boolean }
  | { type: "sql"; queryId: number; outcome: SqlOutcome };

/**
 * The worker's name when it should boot PGlite as soon as it loads (see spawn-worker.ts), with the
 * exercise it was started for: a worker has no other way to know before its first message.
 */
const BOOT_DATABASE = "roadlab-runtime+database:";

export const bootDatabaseWorkerName = (exercise: string) => `${BOOT_DATABASE}${exercise}`;

/** The exercise a worker of this name should boot PGlite for; undefined for a plain worker. */
export const bootDatabaseFor = (name: string): string | undefined =>
  name.startsWith(BOOT_DATABASE) ? name.slice(BOOT_DATABASE.length) : undefined;
