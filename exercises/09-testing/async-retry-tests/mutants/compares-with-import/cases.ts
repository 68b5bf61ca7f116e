import { expect, vi } from "vitest";
import { retry, type Impl, type RetryOptions } from "./impl";

export type Case = (impl: Impl) => void | Promise<void>;

/** Call counts of fn every 50 ms, and how the promise ended, for one implementation. */
async function trace(run: Impl["retry"], options: RetryOptions, abortAt?: number) {
  const fn = vi.fn(async (attempt: number): Promise<string> => {
    throw new Error(`attempt ${attempt}`);
  });
  const controller = new AbortController();
  let outcome = "pending";
  run(fn, { ...options, signal: controller.signal }).then(
    (value) => (outcome = `resolved ${String(value)}`),
    (error: unknown) => (outcome = `rejected ${String(error)}`),
  );
  const calls: number[] = [];
  for (let t = 0; t <= 2000; t += 50) {
    if (t === abortAt) controller.abort("stop");
    calls.push(fn.mock.calls.length);
    await vi.advanceTimersByTimeAsync(50);
  }
  return { calls, outcome, args: fn.mock.calls.map((c) => c[0]) };
}

// Uses the imported correct retry as an oracle: differential testing against the code under test.
const compare = (options: RetryOptions, abortAt?: number) => async (impl: Impl) => {
  vi.useFakeTimers();
  try {
    const expected = await trace(retry, options, abortAt);
    const actual = await trace(impl.retry, options, abortAt);
    expect(actual).toEqual(expected);
  } finally {
    vi.useRealTimers();
  }
};

export const cases: Record<string, Case> = {
  "same as the real one, 3 retries": compare({ retries: 3, baseDelayMs: 100, factor: 2, maxDelayMs: 10_000 }),
  "same as the real one, capped": compare({ retries: 4, baseDelayMs: 100, factor: 10, maxDelayMs: 300 }),
  "same as the real one, no retries": compare({ retries: 0, baseDelayMs: 100, factor: 2, maxDelayMs: 1000 }),
  "same as the real one, aborted": compare({ retries: 3, baseDelayMs: 200, factor: 2, maxDelayMs: 1000 }, 100),
  "same as the real one, constant": compare({ retries: 2, baseDelayMs: 100, factor: 1, maxDelayMs: 1000 }),
  "same as the real one, 1 retry": compare({ retries: 1, baseDelayMs: 50, factor: 3, maxDelayMs: 1000 }),
};
