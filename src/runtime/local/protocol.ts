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
