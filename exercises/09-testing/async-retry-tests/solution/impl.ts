/**
 * Retry with exponential backoff — the code under test. READ-ONLY: you test it, you don't change it.
 */

export interface RetryOptions {
  /** How many times to try AGAIN after the first attempt fails: retries 3 → up to 4 attempts. An integer ≥ 0. */
  retries: number;
  /** The wait before the first retry, in ms. ≥ 0. */
  baseDelayMs: number;
  /** Each wait is `factor` times the previous one. ≥ 1 (1 means a constant delay). */
  factor: number;
  /** No single wait is longer than this, in ms. ≥ 0. */
  maxDelayMs: number;
  /** Aborting it stops retrying: no further attempt starts, and retry rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/** The shape every case receives: this module, or a mutant of it with one bug planted. */
export interface Impl {
  retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T>;
}

/**
 * Calls `fn` until it succeeds or the attempts run out.
 *
 * - The first attempt starts at once: `fn(1)` is called before `retry` returns its promise.
 * - When attempt n fails (its promise rejects, or it throws) and retries are left, retry waits
 *   min(maxDelayMs, baseDelayMs × factor^(n−1)) ms, then calls `fn(n + 1)`.
 *   With baseDelayMs 100, factor 2, maxDelayMs 500 the waits are 100, 200, 400, 500, 500, …
 * - The first success resolves the promise with fn's value; nothing else is called or awaited.
 * - When the last attempt fails, retry rejects AT ONCE (no wait after it) with that attempt's
 *   error — the very same object, not a wrapper and not an earlier attempt's error.
 * - `signal`: if it is already aborted, retry rejects with `signal.reason` without calling fn.
 *   If it aborts during a wait, the wait ends at once and retry rejects with `signal.reason`.
 *   An attempt already running is not interrupted: if it succeeds, its value is returned; if it
 *   fails while the signal is aborted, retry rejects with `signal.reason` without waiting.
 * - Invalid options (retries not an integer ≥ 0, a negative or NaN delay, factor < 1) reject with
 *   a RangeError before fn is ever called.
 */
export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  calls++; // bookkeeping for the grader, see callCount() at the end
  validate(options);
  const { retries, signal } = options;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (error) {
      // Once the caller has given up, their reason wins over the attempt's error.
      if (signal?.aborted) throw signal.reason;
      // No wait after the last attempt: the caller learns about the failure as soon as it is final.
      if (attempt > retries) throw error;
      await sleep(delayBeforeRetry(attempt, options), signal);
    }
  }
}

/** The wait after failed attempt n (1-based): exponential growth, capped. */
function delayBeforeRetry(attempt: number, { baseDelayMs, factor, maxDelayMs }: RetryOptions): number {
  return Math.min(maxDelayMs, baseDelayMs * factor ** (attempt - 1));
}

/** setTimeout as a promise that an AbortSignal can cut short. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      // Remove the listener, or a long-lived signal collects one per retry.
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function validate({ retries, baseDelayMs, factor, maxDelayMs }: RetryOptions): void {
  if (!Number.isInteger(retries) || retries < 0) throw new RangeError(`retries must be an integer ≥ 0, got ${retries}`);
  if (!(baseDelayMs >= 0)) throw new RangeError(`baseDelayMs must be ≥ 0, got ${baseDelayMs}`);
  if (!(maxDelayMs >= 0)) throw new RangeError(`maxDelayMs must be ≥ 0, got ${maxDelayMs}`);
  if (!(factor >= 1)) throw new RangeError(`factor must be ≥ 1, got ${factor}`);
}

// ---------------------------------------------------------------------------------------------
// Bookkeeping for the grader, not part of retry. retry counts its calls, so the hidden tests can
// tell a case that calls the `retry` imported from "./impl" directly from one that goes through
// `impl`. The imported one is always this correct code: comparing a mutant with it proves nothing
// about your tests, so such a case is not counted.
let calls = 0;

/** How many times retry has been called so far. */
export function callCount(): number {
  return calls;
}
