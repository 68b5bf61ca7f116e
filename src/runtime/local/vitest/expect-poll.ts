/** `expect.poll`, ported from Vitest 4: retry an assertion on a value until it passes or times out. */
import { chai, type Assertion, type ExpectStatic } from "@vitest/expect";
import type { Test } from "@vitest/runner";
import { delay, getSafeTimers } from "@vitest/utils/timers";

export interface ExpectPollOptions {
  interval?: number;
  timeout?: number;
  message?: string;
}

interface FakeTimerControl {
  isFakeTimers(): boolean;
  advanceTimersByTime(ms: number): unknown;
}

// Matchers that make no sense when polled (Vitest's list minus the snapshot ones we lack anyway).
const UNSUPPORTED = ["throws", "Throw", "throw", "toThrow", "toThrowError"];

let timerControl: FakeTimerControl | undefined;

/** vi's fake timers, so polling can move them forward like Vitest does (set by ./vi). */
export function setPollTimers(timers: FakeTimerControl): void {
  timerControl = timers;
}

function throwWithCause(error: Error & { cause?: unknown }, source: Error): never {
  if (error.cause == null) error.cause = new Error("Matcher did not succeed in time.");
  if (source.stack !== undefined) error.stack = source.stack.replace(source.message, error.message);
  throw error;
}

export function createExpectPoll(expect: ExpectStatic) {
  return function poll(fn: () => unknown, options: ExpectPollOptions = {}) {
    const { interval = 50, timeout = 1000, message } = options;
    const assertion = (expect(null, message) as unknown as { withContext(c: object): Assertion }).withContext({ poll: true });
    const bound = fn.bind(assertion);
    const test = chai.util.flag(assertion, "vitest-test") as (Test & { onFinished?: Array<() => unknown> }) | undefined;
    if (!test) throw new Error("expect.poll() must be called inside a test");
    const proxy: Assertion = new Proxy(assertion, {
      get(target, key, receiver) {
        const assertionFunction = Reflect.get(target, key, receiver);
        if (typeof assertionFunction !== "function") return assertionFunction instanceof chai.Assertion ? proxy : assertionFunction;
        if (key === "assert") return assertionFunction;
        if (typeof key === "string" && UNSUPPORTED.includes(key)) {
          throw new SyntaxError(`expect.poll() is not supported in combination with .${key}(). Use vi.waitFor() if your assertion condition is unstable.`);
        }
        return function __VITEST_POLL_CHAIN__(...args: unknown[]) {
          const STACK_TRACE_ERROR = new Error("STACK_TRACE_ERROR");
          const promise = async () => {
            chai.util.flag(assertion, "_name", key);
            chai.util.flag(assertion, "error", STACK_TRACE_ERROR);
            const { setTimeout, clearTimeout } = getSafeTimers();
            let phase: "fn" | "assertion" = "fn";
            let timedOut = false;
            const timerId = setTimeout(() => {
              timedOut = true;
            }, timeout);
            try {
              while (true) {
                const lastAttempt = timedOut;
                if (lastAttempt) chai.util.flag(assertion, "_isLastPollAttempt", true);
                try {
                  phase = "fn";
                  const value = await bound();
                  chai.util.flag(assertion, "object", value);
                  phase = "assertion";
                  return await assertionFunction.call(assertion, ...args);
                } catch (error) {
                  if (lastAttempt || (phase === "assertion" && chai.util.flag(assertion, "_poll.assert_once"))) {
                    throwWithCause(error as Error, STACK_TRACE_ERROR);
                  }
                  await delay(interval, setTimeout);
                  if (timerControl?.isFakeTimers()) timerControl.advanceTimersByTime(interval);
                }
              }
            } finally {
              clearTimeout(timerId);
            }
          };
          let awaited = false;
          test.onFinished ??= [];
          test.onFinished.push(() => {
            if (!awaited) {
              const negated = chai.util.flag(assertion, "negate") ? "not." : "";
              const call = `expect.poll(assertion).${negated}${String(key)}()`;
              const error = new Error(`${call} was not awaited. This assertion is asynchronous and must be awaited; otherwise, it is not executed to avoid unhandled rejections:\n\nawait ${call}\n`);
              if (STACK_TRACE_ERROR.stack !== undefined) error.stack = STACK_TRACE_ERROR.stack.replace(STACK_TRACE_ERROR.message, error.message);
              throw error;
            }
          });
          let result: Promise<unknown> | undefined;
          return {
            then(onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) {
              awaited = true;
              return (result ??= promise()).then(onFulfilled, onRejected);
            },
            catch(onRejected?: (reason: unknown) => unknown) {
              awaited = true;
              return (result ??= promise()).catch(onRejected);
            },
            finally(onFinally?: () => void) {
              awaited = true;
              return (result ??= promise()).finally(onFinally);
            },
            [Symbol.toStringTag]: "Promise",
          };
        };
      },
    });
    return proxy;
  };
}
