import { timedOutAfter } from "../resume";

/** Budgets for a run's phases; beyond them the worker is presumed stuck and is replaced. */
export interface WatchdogBudgets {
  /** Worker start, package chunks, database boot: not learner code, so generous. */
  prepareMs: number;
  /** Added to the per-test timeout: Vitest's own timer fires first when the thread is free. */
  graceMs: number;
  /** How long a cancelled run may take to stop before the worker is replaced. */
  cancelMs: number;
}

export const defaultBudgets: WatchdogBudgets = { prepareMs: 30_000, graceMs: 2_000, cancelMs: 1_000 };

/** A restartable timer: each sign of life re-arms it with the budget of the phase the run is in. */
export class Watchdog {
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onExpire: () => void) {}

  arm(ms: number): void {
    this.stop();
    this.#timer = setTimeout(this.onExpire, ms);
  }

  stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/** Why a run ended without going on: a test hung (after too many resumes), or something outside any test. */
export function timedOutMessage(test: string | undefined, file: string | undefined, timeoutMs: number): string {
  if (test) return `Test "${test}" ${timedOutAfter(timeoutMs)}: an infinite loop?`;
  if (file) return `${file} timed out while loading (an infinite loop at import?)`;
  return "The test worker stopped responding and was restarted";
}
