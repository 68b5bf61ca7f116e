/** `vi.waitFor` and `vi.waitUntil`, ported from Vitest 4: poll on real timers, tick fake ones. */
import { getSafeTimers } from "@vitest/utils/timers";

export interface WaitForOptions {
  /** How long to keep trying, in ms (default 1000). */
  timeout?: number;
  /** How often to try, in ms (default 50). */
  interval?: number;
}

interface TimerControl {
  isFakeTimers(): boolean;
  advanceTimersByTime(ms: number): unknown;
}

function copyStackTrace<T extends Error>(target: T, source: Error): T {
  if (source.stack !== undefined) target.stack = source.stack.replace(source.message, target.message);
  return target;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === "object" && typeof (value as PromiseLike<unknown>).then === "function";
}

export function createWaitFor(timers: TimerControl) {
  function waitFor<T>(callback: () => T | Promise<T>, options: number | WaitForOptions = {}): Promise<T> {
    const { setTimeout, setInterval, clearTimeout, clearInterval } = getSafeTimers();
    const { interval = 50, timeout = 1000 } = typeof options === "number" ? { timeout: options } : options;
    const STACK_TRACE_ERROR = new Error("STACK_TRACE_ERROR");
    return new Promise((resolve, reject) => {
      let lastError: unknown;
      let promiseStatus: "idle" | "pending" | "resolved" | "rejected" = "idle";
      let timeoutId: ReturnType<typeof setTimeout> | undefined;
      let intervalId: ReturnType<typeof setInterval> | undefined;
      const onResolve = (result: T) => {
        if (timeoutId) clearTimeout(timeoutId);
        if (intervalId) clearInterval(intervalId);
        resolve(result);
      };
      const handleTimeout = () => {
        if (intervalId) clearInterval(intervalId);
        reject(lastError ?? copyStackTrace(new Error("Timed out in waitFor!"), STACK_TRACE_ERROR));
      };
      const checkCallback = () => {
        if (timers.isFakeTimers()) timers.advanceTimersByTime(interval);
        if (promiseStatus === "pending") return;
        try {
          const result = callback();
          if (isThenable(result)) {
            promiseStatus = "pending";
            result.then(
              (value) => {
                promiseStatus = "resolved";
                onResolve(value as T);
              },
              (error: unknown) => {
                promiseStatus = "rejected";
                lastError = error;
              },
            );
          } else {
            onResolve(result);
            return true;
          }
        } catch (error) {
          lastError = error;
        }
      };
      if (checkCallback() === true) return;
      timeoutId = setTimeout(handleTimeout, timeout);
      intervalId = setInterval(checkCallback, interval);
    });
  }

  function waitUntil<T>(callback: () => T | Promise<T>, options: number | WaitForOptions = {}): Promise<T> {
    const { setTimeout, setInterval, clearTimeout, clearInterval } = getSafeTimers();
    const { interval = 50, timeout = 1000 } = typeof options === "number" ? { timeout: options } : options;
    const STACK_TRACE_ERROR = new Error("STACK_TRACE_ERROR");
    return new Promise((resolve, reject) => {
      let promiseStatus: "idle" | "pending" | "resolved" | "rejected" = "idle";
      let timeoutId: ReturnType<typeof setTimeout> | undefined;
      let intervalId: ReturnType<typeof setInterval> | undefined;
      const onReject = (error?: unknown) => {
        if (intervalId) clearInterval(intervalId);
        reject(error ?? copyStackTrace(new Error("Timed out in waitUntil!"), STACK_TRACE_ERROR));
      };
      const onResolve = (result: T) => {
        if (!result) return;
        if (timeoutId) clearTimeout(timeoutId);
        if (intervalId) clearInterval(intervalId);
        resolve(result);
        return true;
      };
      const checkCallback = () => {
        if (timers.isFakeTimers()) timers.advanceTimersByTime(interval);
        if (promiseStatus === "pending") return;
        try {
          const result = callback();
          if (isThenable(result)) {
            promiseStatus = "pending";
            result.then(
              (value) => {
                promiseStatus = "resolved";
                onResolve(value as T);
              },
              (error: unknown) => {
                promiseStatus = "rejected";
                onReject(error);
              },
            );
          } else return onResolve(result);
        } catch (error) {
          onReject(error);
        }
      };
      if (checkCallback() === true) return;
      timeoutId = setTimeout(onReject, timeout);
      intervalId = setInterval(checkCallback, interval);
    });
  }

  return { waitFor, waitUntil };
}
