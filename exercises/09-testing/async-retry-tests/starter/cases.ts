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

export const cases: Record<string, Case> = {
  "returns the first success without waiting or retrying": async (impl) => {
    const fn = vi.fn(async () => "ok");
    await expect(impl.retry(fn, OPTIONS)).resolves.toBe("ok");
    expect(fn).toHaveBeenCalledTimes(1);
  },

  "retries a failure after exactly baseDelayMs": (impl) =>
    withFakeTimers(async () => {
      const fn = vi.fn(async (attempt: number) => {
        if (attempt === 1) throw new Error("flaky");
        return "ok";
      });
      const result = impl.retry(fn, OPTIONS); // the first attempt starts at once
      expect(fn).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(99); // 1 ms before the retry is due
      expect(fn).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1); // exactly baseDelayMs after the failure
      expect(fn).toHaveBeenCalledTimes(2);
      await expect(result).resolves.toBe("ok");
    }),

  // TODO: add cases until every mutant is caught — at least 6 in all. Think about:
  //   - timing: the second and third waits (factor), a wait that would pass maxDelayMs (the cap)
  //   - counting: how many attempts when every one fails (retries 0, and retries ≥ 2)
  //   - the final outcome: does it reject, with WHICH error, and how soon after the last attempt?
  //   - cancellation: a signal aborted before the call, and one aborted during a wait
  //   - invalid options
  //
  // For a promise that should reject while you drive the fake clock, attach the expectation
  // BEFORE advancing, and await it after:
  //
  //   const result = impl.retry(fn, options);
  //   const check = expect(result).rejects.toBe(lastError);
  //   await vi.advanceTimersByTimeAsync(1_000);
  //   await check;
};
