/**
 * Real setTimeout/setInterval calls made during a run, so whatever is still pending when it ends can
 * be cleared: in a long-lived worker a leaked timer would otherwise fire into the next run.
 */
type TimerId = ReturnType<typeof setTimeout>;

export interface TimerLeaks {
  /** Clears every timer the run left pending and puts the real functions back. */
  dispose(): void;
}

export function trackTimers(): TimerLeaks {
  type Schedule = (this: unknown, handler: unknown, ms?: number, ...args: unknown[]) => TimerId;
  type Clear = (this: unknown, id?: TimerId) => void;
  const real = {
    setTimeout: globalThis.setTimeout as unknown as Schedule,
    clearTimeout: globalThis.clearTimeout as Clear,
    setInterval: globalThis.setInterval as unknown as Schedule,
    clearInterval: globalThis.clearInterval as Clear,
  };
  const pending = new Set<TimerId>();
  const forget = (id: TimerId | undefined) => {
    if (id !== undefined) pending.delete(id);
  };

  const tracked = {
    setTimeout(handler: TimerHandler, ms?: number, ...args: unknown[]): TimerId {
      if (typeof handler !== "function") return real.setTimeout.call(globalThis, handler, ms, ...args);
      const id: TimerId = real.setTimeout.call(
        globalThis,
        (...callArgs: unknown[]) => {
          pending.delete(id);
          handler(...callArgs);
        },
        ms,
        ...args,
      );
      pending.add(id);
      return id;
    },
    setInterval(handler: TimerHandler, ms?: number, ...args: unknown[]): TimerId {
      const id: TimerId = real.setInterval.call(globalThis, handler, ms, ...args);
      pending.add(id);
      return id;
    },
    // Timeouts and intervals share one id pool, and either clear function clears both kinds.
    clearTimeout(id?: TimerId) {
      forget(id);
      real.clearTimeout.call(globalThis, id);
    },
    clearInterval(id?: TimerId) {
      forget(id);
      real.clearInterval.call(globalThis, id);
    },
  };
  Object.assign(globalThis, tracked);

  return {
    dispose() {
      for (const id of pending) real.clearInterval.call(globalThis, id);
      pending.clear();
      Object.assign(globalThis, real);
    },
  };
}
