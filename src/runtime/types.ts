import type { RunEvent, RunResults } from "./results";

/** What a runtime needs to run one exercise's hidden tests; plain data, so it crosses to a worker. */
export interface RunRequest {
  /** Hidden tests, keyed by `tests/<name>.test.ts`. */
  tests: Record<string, string>;
  /** Learner files, keyed by their path at the exercise root. */
  files: Record<string, string>;
  seed?: string;
  timeoutMs: number;
  /** Curated packages the code may import, beyond vitest and @roadlab/db. */
  packages: readonly string[];
  /** Full names of tests judged by an earlier worker of the same run, which hung after them. */
  skipTests?: readonly string[];
}

/** One statement's outcome in the SQL console; values already rendered as text (null stays null). */
export interface SqlStatementResult {
  command: string;
  fields: string[];
  rows: (string | null)[][];
  affectedRows?: number;
}

export type SqlOutcome = { ok: true; results: SqlStatementResult[] } | { ok: false; message: string };

export type RuntimeStatus = "idle" | "booting" | "ready" | "running" | "error";

/** A run either completes with results or is cancelled by a newer one; never both. */
export type RunOutcome = { cancelled: false; results: RunResults } | { cancelled: true };

export interface RunHandle {
  outcome: Promise<RunOutcome>;
  cancel(): void;
}

export interface Runtime {
  readonly status: RuntimeStatus;
  /** Starts the worker and, for a seeded exercise, its database, ahead of the first run. */
  prepare(seed?: string): void;
  /** Starts a run, cancelling any run in flight. */
  run(request: RunRequest, onEvent?: (event: RunEvent) => void): RunHandle;
  /** Runs SQL on the exercise's database as the tests left it (psql-like console). */
  sql(query: string): Promise<SqlOutcome>;
  subscribe(listener: (status: RuntimeStatus, detail?: string) => void): () => void;
  dispose(): void;
}
