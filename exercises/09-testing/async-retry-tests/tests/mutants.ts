/**
 * Mutants: versions of retry() with ONE realistic bug each. A good set of cases makes every one of
 * them fail at least one case while the real implementation passes them all.
 *
 * They are built from one template with a knob per bug, so each mutant differs from the correct
 * code in exactly the way its description says and nowhere else.
 */
import { retry as correctRetry, type Impl, type RetryOptions } from "../impl";

export interface Mutant {
  /** Short name for the test title: "catches the mutant that <title>". */
  title: string;
  /** What the bug does, completing "A mutant that … survived". */
  bug: string;
  /** What kind of case would catch it. */
  advice: string;
  impl: Impl;
  /** Not named in the test title or the failure: the learner must find it from the contract alone. */
  hidden?: boolean;
  /** For a hidden mutant, what kind of rule it breaks. */
  area?: string;
}

export const reference: Impl = { retry: correctRetry };

interface Knobs {
  /** Total number of attempts for `retries`. */
  attempts: (retries: number) => number;
  /** The wait after failed attempt n. */
  delay: (attempt: number, options: RetryOptions) => number;
  /** Rejects before the first attempt when the signal is already aborted. */
  abortBeforeFirstAttempt: boolean;
  /** Honours an abort that happens later: during a wait, after a failed attempt. */
  abortLater: boolean;
  /** What happens when every attempt failed. */
  whenExhausted: "reject with the last error" | "reject with the first error" | "resolve undefined";
  /** Waits once more after the last failed attempt before giving up. */
  waitAfterLastAttempt: boolean;
  /** Checks the options and rejects with RangeError. */
  validates: boolean;
  /** Makes the first call only after a timer tick, not before retry returns. */
  firstCallLater: boolean;
  /** The number fn gets for attempt n. */
  attemptNumber: (attempt: number) => number;
  /** What an abort rejects with. */
  abortError: "signal.reason" | "an AbortError of its own";
}

const correct: Knobs = {
  attempts: (retries) => retries + 1,
  delay: (attempt, { baseDelayMs, factor, maxDelayMs }) => Math.min(maxDelayMs, baseDelayMs * factor ** (attempt - 1)),
  abortBeforeFirstAttempt: true,
  abortLater: true,
  whenExhausted: "reject with the last error",
  waitAfterLastAttempt: false,
  validates: true,
  firstCallLater: false,
  attemptNumber: (attempt) => attempt,
  abortError: "signal.reason",
};

function validate({ retries, baseDelayMs, factor, maxDelayMs }: RetryOptions): void {
  if (!Number.isInteger(retries) || retries < 0) throw new RangeError(`retries must be an integer ≥ 0, got ${retries}`);
  if (!(baseDelayMs >= 0)) throw new RangeError(`baseDelayMs must be ≥ 0, got ${baseDelayMs}`);
  if (!(maxDelayMs >= 0)) throw new RangeError(`maxDelayMs must be ≥ 0, got ${maxDelayMs}`);
  if (!(factor >= 1)) throw new RangeError(`factor must be ≥ 1, got ${factor}`);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Moves callCount() by one, as a call into the correct retry does, so a case cannot tell a mutant
 * from it by reading the counter: the correct retry counts, then rejects these options before
 * calling anything.
 */
function countLikeReference(): void {
  correctRetry(() => Promise.resolve(), { retries: -1, baseDelayMs: 0, factor: 1, maxDelayMs: 0 }).catch(() => {});
}

function mutate(bug: Partial<Knobs>): Impl {
  const k: Knobs = { ...correct, ...bug };
  const abortError = (signal: AbortSignal) =>
    k.abortError === "signal.reason" ? signal.reason : new DOMException("The operation was aborted.", "AbortError");
  return {
    async retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
      countLikeReference();
      if (k.validates) validate(options);
      if (k.firstCallLater) await new Promise((resolve) => setTimeout(resolve, 0));
      const signal = options.signal;
      const attempts = k.attempts(options.retries);
      const errors: unknown[] = [];
      for (let attempt = 1; attempt <= attempts; attempt++) {
        if (attempt === 1 ? k.abortBeforeFirstAttempt : k.abortLater) signal?.throwIfAborted();
        try {
          return await fn(k.attemptNumber(attempt));
        } catch (error) {
          errors.push(error);
          if (k.abortLater && signal?.aborted) throw abortError(signal);
          if (attempt < attempts || k.waitAfterLastAttempt) {
            await sleep(k.delay(attempt, options), k.abortLater ? signal : undefined).catch((error: unknown) => {
              throw signal?.aborted ? abortError(signal) : error;
            });
          }
        }
      }
      if (k.whenExhausted === "resolve undefined") return undefined as T;
      throw k.whenExhausted === "reject with the first error" ? errors[0] : errors[errors.length - 1];
    },
  };
}

export const mutants: Mutant[] = [
  {
    title: "makes one attempt too many",
    bug: "makes retries + 2 attempts instead of retries + 1 (an off-by-one in the loop condition)",
    advice: "add a case where every attempt fails and check how many times fn was called in the end (vi.fn() and toHaveBeenCalledTimes)",
    impl: mutate({ attempts: (retries) => retries + 2 }),
  },
  {
    title: "makes one attempt too few",
    bug: "treats `retries` as the total number of attempts (retries: 3 makes only 3 attempts, not 4)",
    advice: "add a case with retries ≥ 2 where every attempt fails and check that fn was called retries + 1 times",
    impl: mutate({ attempts: (retries) => Math.max(1, retries) }),
  },
  {
    title: "never caps the delay",
    bug: "ignores maxDelayMs, so the waits keep growing (100, 200, 400, 800, … with a cap of 500)",
    advice: "add a case where baseDelayMs × factor^n passes maxDelayMs and check that the next attempt starts after exactly maxDelayMs",
    impl: mutate({ delay: (attempt, { baseDelayMs, factor }) => baseDelayMs * factor ** (attempt - 1) }),
  },
  {
    title: "waits the same time before every retry",
    bug: "always waits baseDelayMs (no exponential growth)",
    advice: "add a case that checks the SECOND wait too: with factor 2 it must be twice the first (advance the fake clock in steps and count calls)",
    impl: mutate({ delay: (_attempt, { baseDelayMs, maxDelayMs }) => Math.min(maxDelayMs, baseDelayMs) }),
  },
  {
    title: "multiplies the very first delay by the factor",
    bug: "waits baseDelayMs × factor^n instead of × factor^(n−1), so the first wait is already 200 ms instead of 100 ms",
    advice: "add a case that checks the first retry starts after exactly baseDelayMs — not one millisecond earlier or later",
    impl: mutate({ delay: (attempt, { baseDelayMs, factor, maxDelayMs }) => Math.min(maxDelayMs, baseDelayMs * factor ** attempt) }),
  },
  {
    title: "swallows the final error",
    bug: "resolves with undefined when every attempt failed, instead of rejecting",
    advice: "add a case where every attempt fails and expect the promise to REJECT (await expect(promise).rejects…)",
    impl: mutate({ whenExhausted: "resolve undefined" }),
  },
  {
    title: "rejects with the first error instead of the last",
    bug: "rejects with the error of the FIRST attempt when all attempts fail",
    advice: "add a case where each attempt fails with a different error and check that retry rejects with the last one (toBe the same object)",
    impl: mutate({ whenExhausted: "reject with the first error" }),
  },
  {
    title: "waits once more after the last attempt",
    bug: "sleeps after the last failed attempt too, so the rejection arrives one delay late",
    advice: "add a case that checks retry has already rejected right after the last attempt, without advancing the clock any further",
    impl: mutate({ waitAfterLastAttempt: true }),
  },
  {
    title: "keeps retrying after an abort",
    bug: "checks the signal only once, at the start, so an abort during a wait is ignored and fn is called again after it",
    advice: "add a case that aborts during a wait, then checks that retry rejects with signal.reason and fn is not called again",
    impl: mutate({ abortLater: false }),
  },
  {
    title: "calls fn even though the signal is already aborted",
    bug: "ignores a signal that is already aborted when retry is called, and makes the first attempt anyway",
    advice: "add a case with an already-aborted signal (AbortSignal.abort(reason)): retry must reject with that reason and never call fn",
    impl: mutate({ abortBeforeFirstAttempt: false }),
  },
  // Hidden mutants: the test title and the failure say only what kind of rule they break.
  {
    title: "accepts invalid options",
    bug: "does not validate its options",
    advice: "add a case that expects RangeError for retries -1, a negative delay and factor < 1",
    hidden: true,
    area: "invalid options",
    impl: mutate({ validates: false }),
  },
  {
    title: "starts the first attempt a tick late",
    bug: "calls fn(1) only after a timer tick instead of before retry returns",
    advice: "add a case that checks fn was called once right after impl.retry(…) returned, before any await",
    hidden: true,
    area: "when the first attempt starts",
    impl: mutate({ firstCallLater: true }),
  },
  {
    title: "numbers attempts from 0",
    bug: "passes 0, 1, 2… to fn instead of 1, 2, 3…",
    advice: "add a case that checks the argument fn gets: toHaveBeenCalledWith(1), then 2",
    hidden: true,
    area: "the argument fn gets",
    impl: mutate({ attemptNumber: (attempt) => attempt - 1 }),
  },
  {
    title: "rejects an abort with its own AbortError",
    bug: "rejects with an AbortError of its own instead of signal.reason",
    advice: "add a case that aborts with a reason of your own and expects rejects.toBe(reason)",
    hidden: true,
    area: "cancellation",
    impl: mutate({ abortError: "an AbortError of its own" }),
  },
];
