import type { RunEvent, RunResults } from "../results";
import type { RunRequest, SqlOutcome } from "../types";

/** Main thread → worker. */
export type ToWorker =
  | { type: "prepare"; seed?: string }
  | { type: "run"; runId: number; request: RunRequest }
  | { type: "cancel"; runId: number }
  | { type: "sql"; queryId: number; seed: string; query: string };

/** Worker → main thread. Errors cross as strings, never as class instances. */
export type FromWorker =
  | { type: "ready" }
  | { type: "database"; state: "booting" | "ready" | "failed"; message?: string }
  | { type: "phase"; runId: number; phase: "preparing" | "collecting"; file?: string }
  | { type: "event"; runId: number; event: RunEvent }
  | { type: "done"; runId: number; results: RunResults }
  | { type: "sql"; queryId: number; outcome: SqlOutcome };

/** The worker's name when it should boot PGlite as soon as it loads (see spawn-worker.ts). */
export const BOOT_DATABASE_WORKER_NAME = "roadlab-runtime+database";
