/** Runs the learner's cases against one implementation and describes what went wrong, if anything. */
import { expect, vi } from "vitest";
import { callCount, type Impl, type RetryOptions } from "../impl";

export type Case = (impl: Impl) => void | Promise<void>;

export interface CaseRun {
  /** Undefined when the case passed, otherwise what went wrong. */
  failure?: string;
  /** How many expect(…) calls the case made. */
  assertions: number;
  /** Calls to the `retry` imported from ./impl that did not go through the `impl` it was given. */
  direct: number;
}

/** A case that has not settled after this much real time is stuck (usually: fake timers never advanced). */
export const CASE_LIMIT_MS = 1000;

// Taken while the timers are still real: a case may install fake ones and leave them installed.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

function realDelay(ms: number): { promise: Promise<"timeout">; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<"timeout">((resolve) => {
    timer = realSetTimeout(() => resolve("timeout"), ms);
  });
  return { promise, cancel: () => realClearTimeout(timer) };
}

/** The learner's cases as [name, function] pairs, plus a sentence per export that is not a case. */
export function readCases(exported: unknown): { entries: [string, Case][]; problems: string[] } {
  if (typeof exported !== "object" || exported === null) {
    return { entries: [], problems: ["cases.ts must export `cases`, an object of named case functions"] };
  }
  const entries: [string, Case][] = [];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(exported)) {
    if (typeof value === "function") entries.push([name, value as Case]);
    else problems.push(`case "${name}" is a ${typeof value}, not a function (impl) => { … }`);
  }
  return { entries, problems };
}

/**
 * The implementation as a case sees it: a fresh object and a fresh function for every run, the
 * same source text for the reference and every mutant, so a case cannot recognise the correct code.
 * Each promise retry returns gets a no-op rejection handler at once: a case usually attaches its
 * own only after advancing the clock, and a rejection before that must not count as an unhandled
 * error of the whole run. The case still sees the rejection. `tally` notes the impl.ts calls made
 * through it, so calls made around it can be told apart.
 */
function guarded(impl: Impl, tally: { through: number }): Impl {
  return {
    retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
      const before = callCount();
      try {
        const promise = impl.retry(fn, options);
        promise.catch(() => {});
        return promise;
      } finally {
        tally.through += callCount() - before;
      }
    },
  };
}

function assertionCalls(): number {
  return (expect.getState() as { assertionCalls?: number }).assertionCalls ?? 0;
}

/** Why a run against the correct code does not count, or undefined when it does. */
export function notCounted(run: CaseRun): string | undefined {
  if (run.direct > 0) {
    return "it calls the retry imported from ./impl instead of impl.retry; that is always the correct code, so the case proves nothing";
  }
  if (run.failure !== undefined) return run.failure;
  if (run.assertions === 0) return "it asserts nothing: a case must call expect(…)";
  return undefined;
}

/**
 * Async assertions (`expect(promise).rejects…`) that a case makes are recorded on the running
 * hidden test, and Vitest itself would wait for any still pending when the TEST ends. Here each
 * CASE is judged on its own, so:
 * - while a case runs, every recorded assertion gets a no-op rejection handler (the case still sees
 *   the rejection when it awaits). A case that fails against a mutant often stops before awaiting
 *   one it set up; its later rejection must not become an unhandled error that aborts the run.
 * - when a case returns, the assertions it forgot to await are awaited for it, as Vitest would,
 *   and a failure among them fails the case.
 * - afterwards, whatever is left is dropped, so the hidden test never waits on a promise that
 *   needed a fake clock that is gone.
 */
function recordAssertionsQuietly(task: object): { settle: () => Promise<void>; drop: () => void } {
  const test = task as { promises?: unknown; onFinished?: unknown };
  if (test.promises !== undefined && !Array.isArray(test.promises)) return { settle: async () => {}, drop: () => {} };
  const recorded: Promise<unknown>[] = Array.isArray(test.promises) ? test.promises : [];
  recorded.length = 0;
  recorded.push = (...promises: Promise<unknown>[]) => {
    for (const promise of promises) promise.catch(() => {});
    return Array.prototype.push.apply(recorded, promises);
  };
  test.promises = recorded;
  // Each recorded assertion also registers a "was not awaited" warning for the end of the hidden
  // test; the settle step below already handles (and reports) what the case did not await.
  const finishedBefore = Array.isArray(test.onFinished) ? test.onFinished.length : 0;
  return {
    settle: async () => {
      for (const result of await Promise.allSettled([...recorded])) {
        if (result.status === "rejected") {
          throw new Error(`an expect(…).resolves/.rejects the case did not await failed: ${describeError(result.reason)}`);
        }
      }
    },
    drop: () => {
      recorded.length = 0;
      if (Array.isArray(test.onFinished)) test.onFinished.length = Math.min(finishedBefore, test.onFinished.length);
    },
  };
}

/**
 * Runs one case inside the hidden test `task` against a fresh wrapper of `impl`, and says how it
 * went. Timers are real before and after, whatever the case did.
 */
export async function runCase(fn: Case, impl: Impl, task: object): Promise<CaseRun> {
  vi.useRealTimers();
  const assertions = recordAssertionsQuietly(task);
  const tally = { through: 0 };
  const callsBefore = callCount();
  const assertionsBefore = assertionCalls();
  const limit = realDelay(CASE_LIMIT_MS);
  const run = (async () => {
    await fn(guarded(impl, tally));
    await assertions.settle();
  })().then(() => undefined, describeError);
  const outcome = await Promise.race([run, limit.promise]);
  limit.cancel();
  // A stuck case stays suspended: what it awaits needed a fake clock that is now gone.
  vi.useRealTimers();
  assertions.drop();
  const counts = { assertions: assertionCalls() - assertionsBefore, direct: callCount() - callsBefore - tally.through };
  if (outcome !== "timeout") return { failure: outcome, ...counts };
  return {
    ...counts,
    failure:
      `did not finish within ${CASE_LIMIT_MS} ms of real time. With fake timers, a promise that needs ` +
      "the clock to move never settles on its own: start the call, attach the expectation " +
      "(const check = expect(promise).rejects…), advance the clock (await vi.advanceTimersByTimeAsync(ms)), " +
      "then await the expectation",
  };
}

function describeError(error: unknown): string {
  const text = error instanceof Error
    ? `${error.name === "AssertionError" ? "" : `${error.name}: `}${error.message}`
    : `threw ${String(error)}`;
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
