import { expect, vi } from "vitest";
import type { Impl, RetryOptions } from "./impl";

/**
 * One test case. It receives the implementation under test — the real impl.ts, or a mutant with
 * one bug planted — and THROWS (or rejects) if that implementation misbehaves.
 *
 * Always call the code through `impl` (impl.retry, not retry imported from ./impl): otherwise
 * every mutant gets the real code and none can be caught.
 */
export type Case = (impl: Impl) => void | Promise<void>;

/**
 * Runs `body` with fake timers and ALWAYS puts the real ones back, even when an expectation
 * fails halfway — otherwise the next case would inherit a frozen clock.
 */
export async function withFakeTimers(body: () => Promise<void>): Promise<void> {
  vi.useFakeTimers();
  try {
    await body();
  } finally {
    vi.useRealTimers();
  }
}

/** Options whose timings are easy to follow: waits of 100, 200, 400, … ms. */
const OPTIONS: RetryOptions = { retries: 3, baseDelayMs: 100, factor: 2, maxDelayMs: 10_000 };

/** An fn whose every attempt fails, each with its own Error object, kept in `errors`. */
function alwaysFailing() {
  const errors: Error[] = [];
  const fn = vi.fn(async (attempt: number): Promise<string> => {
    const error = new Error(`attempt ${attempt} failed`);
    errors.push(error);
    throw error;
  });
  return { fn, errors };
}

/** Whether a promise has settled yet, readable at any moment without awaiting it. */
function watch(promise: Promise<unknown>): { settled: boolean } {
  const state = { settled: false };
  const done = () => {
    state.settled = true;
  };
  promise.then(done, done);
  return state;
}

/** Advances the fake clock to each time in `at` (ms since the start) and checks fn's call count there. */
async function expectCallsAt(fn: ReturnType<typeof vi.fn>, at: [ms: number, calls: number][]): Promise<void> {
  let now = 0;
  for (const [ms, calls] of at) {
    await vi.advanceTimersByTimeAsync(ms - now);
    now = ms;
    expect(fn.mock.calls.length, `calls of fn after ${ms} ms`).toBe(calls);
  }
}

export const cases: Record<string, Case> = {
  "returns the first success without waiting or retrying": async (impl) => {
    const fn = vi.fn(async () => "ok");
    await expect(impl.retry(fn, OPTIONS)).resolves.toBe("ok");
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith(1);
  },

  "calls fn(1) at once, before retry returns": async (impl) => {
    const fn = vi.fn(async () => "ok");
    const result = impl.retry(fn, OPTIONS);
    expect(fn).toHaveBeenCalledTimes(1); // no await in between: the first attempt is synchronous
    expect(fn).toHaveBeenCalledWith(1);
    await expect(result).resolves.toBe("ok");
  },

  "retries a failure after exactly baseDelayMs": (impl) =>
    withFakeTimers(async () => {
      const fn = vi.fn(async (attempt: number) => {
        if (attempt === 1) throw new Error("flaky");
        return "ok";
      });
      const result = impl.retry(fn, OPTIONS);
      await expectCallsAt(fn, [[0, 1], [99, 1], [100, 2]]);
      expect(fn).toHaveBeenLastCalledWith(2);
      await expect(result).resolves.toBe("ok");
    }),

  "makes exactly retries + 1 attempts, then rejects at once with the last error": (impl) =>
    withFakeTimers(async () => {
      const { fn, errors } = alwaysFailing();
      const result = impl.retry(fn, { ...OPTIONS, retries: 2 });
      const state = watch(result);
      await expectCallsAt(fn, [[0, 1], [100, 2], [300, 3]]);
      await vi.advanceTimersByTimeAsync(0); // let the last rejection propagate — no time passes
      expect(state.settled, "settled right after the last attempt failed").toBe(true);
      await expect(result).rejects.toBe(errors[2]); // the very same object, not the first error
      await vi.advanceTimersByTimeAsync(60_000);
      expect(fn).toHaveBeenCalledTimes(3);
    }),

  "multiplies each wait by factor": (impl) =>
    withFakeTimers(async () => {
      const { fn } = alwaysFailing();
      const result = impl.retry(fn, OPTIONS);
      const check = expect(result).rejects.toThrow("attempt 4 failed");
      // Waits of 100, 200, 400: attempts at 0, 100, 300 and 700 ms.
      await expectCallsAt(fn, [[0, 1], [100, 2], [299, 2], [300, 3], [699, 3], [700, 4]]);
      await vi.advanceTimersByTimeAsync(60_000);
      await check;
    }),

  "never waits longer than maxDelayMs": (impl) =>
    withFakeTimers(async () => {
      const { fn } = alwaysFailing();
      const result = impl.retry(fn, { retries: 4, baseDelayMs: 100, factor: 10, maxDelayMs: 500 });
      const check = expect(result).rejects.toThrow("attempt 5 failed");
      // Uncapped the waits would be 100, 1000, 10000, …; capped they are 100, 500, 500, 500.
      await expectCallsAt(fn, [[100, 2], [599, 2], [600, 3], [1100, 4], [1600, 5]]);
      await vi.advanceTimersByTimeAsync(60_000);
      await check;
    }),

  "makes a single attempt when retries is 0": async (impl) => {
    const { fn, errors } = alwaysFailing();
    await expect(impl.retry(fn, { ...OPTIONS, retries: 0 })).rejects.toBe(errors[0]);
    expect(fn).toHaveBeenCalledTimes(1);
  },

  "resolves when the last allowed attempt succeeds": (impl) =>
    withFakeTimers(async () => {
      const fn = vi.fn(async (attempt: number) => {
        if (attempt < 3) throw new Error(`attempt ${attempt} failed`);
        return `done on attempt ${attempt}`;
      });
      const result = impl.retry(fn, { ...OPTIONS, retries: 2 });
      await vi.advanceTimersByTimeAsync(300);
      await expect(result).resolves.toBe("done on attempt 3");
    }),

  "never calls fn when the signal is already aborted": async (impl) => {
    const fn = vi.fn(async () => "ok");
    const reason = new Error("user cancelled");
    await expect(impl.retry(fn, { ...OPTIONS, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(fn).not.toHaveBeenCalled();
  },

  "rejects invalid options with RangeError before calling fn": async (impl) => {
    const fn = vi.fn(async () => "ok");
    for (const bad of [{ retries: -1 }, { retries: 1.5 }, { baseDelayMs: -1 }, { maxDelayMs: Number.NaN }, { factor: 0.5 }]) {
      await expect(impl.retry(fn, { ...OPTIONS, ...bad }), JSON.stringify(bad)).rejects.toThrow(RangeError);
    }
    expect(fn).not.toHaveBeenCalled();
  },
};
