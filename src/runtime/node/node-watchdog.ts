import type { TestResult } from "../results";

/**
 * When to give up on a Vitest child that stopped reporting. Vitest batches its progress events, and
 * a test worker spinning in a loop never sends its batch, so each test worker also appends what it is
 * doing to a progress log, synchronously (vitest-setup.ts): one JSON line per step, stamped with the
 * time and its pid. A worker's last line says what it is busy with and since when.
 */
export type Step =
  /** The setup file started for a test file (booting PGlite is not learner code: generous budget). */
  | { kind: "setup"; file?: string }
  /** Setup finished: the test file is being imported, or its first hooks run. */
  | { kind: "loaded"; file?: string }
  /** A test started (its beforeEach hooks, body and afterEach hooks). */
  | { kind: "test"; name: string; file?: string }
  /** A test and its hooks finished; the next has not started. */
  | { kind: "idle"; file?: string }
  /** The test file is finished: this worker is no longer running learner code. */
  | { kind: "done"; file?: string }
  /** A test's final verdict (resume-runner.ts): not a step of its own, kept if the child is killed. */
  | { kind: "verdict"; test: TestResult; file?: string };

/** `variant` is added by the reader: one Vitest process runs many variants, each with its own log. */
export type ProgressLine = Step & { at: number; pid: number; variant?: string };

export interface WatchState {
  now: number;
  startedAt: number;
  /** Last message from the child, if any. */
  lastMessageAt?: number;
  /** The progress log's lines, oldest first. */
  progress: readonly ProgressLine[];
  /** The per-test limit; variants of different exercises in one process may differ. */
  timeoutMs: number | ((variant: string | undefined) => number);
}

export const BUDGETS = {
  /** Vitest's own start-up (and wind-down) while no test worker is busy. */
  startupMs: 30_000,
  /** Booting PGlite in the setup file: not learner code, and slow on a busy machine. */
  setupMs: 60_000,
  /** Added to the per-test timeout: Vitest's own timer fires first unless the thread is blocked. */
  graceMs: 2_000,
};

export type Verdict = { wait: number } | { stuck: true; test?: string; file?: string; variant?: string; step: Step["kind"] | "startup" };

export function parseProgress(text: string): ProgressLine[] {
  const lines: ProgressLine[] = [];
  for (const line of text.split("\n")) {
    if (!line) continue;
    try {
      lines.push(JSON.parse(line) as ProgressLine);
    } catch {
      // A line cut short by a kill: what came before it still counts.
    }
  }
  return lines;
}

/** Verdicts the log holds, for a child killed before its reporter passed them on. */
export function loggedVerdicts(progress: readonly ProgressLine[]): TestResult[] {
  return progress.flatMap((line) => (line.kind === "verdict" ? [line.test] : []));
}

export function judge(state: WatchState, budgets = BUDGETS): Verdict {
  // Per variant and pid: logs of different variants are read one after the other, not interleaved.
  const latest = new Map<string, ProgressLine>();
  for (const line of state.progress) if (line.kind !== "verdict") latest.set(`${line.variant ?? ""}:${line.pid}`, line);
  const busy = [...latest.values()].filter((line) => line.kind !== "done");
  if (busy.length === 0) {
    const lastLine = state.progress[state.progress.length - 1]?.at ?? 0;
    const left = Math.max(state.startedAt, state.lastMessageAt ?? 0, lastLine) + budgets.startupMs - state.now;
    return left > 0 ? { wait: left } : { stuck: true, step: "startup" };
  }
  let wait = Infinity;
  for (const line of busy) {
    const timeoutMs = typeof state.timeoutMs === "number" ? state.timeoutMs : state.timeoutMs(line.variant);
    const limit = line.kind === "setup" ? budgets.setupMs : timeoutMs + budgets.graceMs;
    const left = line.at + limit - state.now;
    if (left <= 0) {
      return { stuck: true, step: line.kind, file: line.file, test: line.kind === "test" ? line.name : undefined, ...(line.variant === undefined ? {} : { variant: line.variant }) };
    }
    wait = Math.min(wait, left);
  }
  return { wait };
}
