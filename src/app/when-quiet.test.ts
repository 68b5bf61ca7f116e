import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { whenQuiet } from "./when-quiet";

/** A page's run activity: `set` starts or ends a run. */
function activity() {
  let running = false;
  const listeners = new Set<(running: boolean) => void>();
  return {
    running: () => running,
    onChange: (listener: (running: boolean) => void) => (listeners.add(listener), () => listeners.delete(listener)),
    set(next: boolean) {
      if (next === running) return;
      running = next;
      listeners.forEach((listener) => listener(next));
    },
  };
}

describe("whenQuiet", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const settled = (promise: Promise<void>) => {
    const state = { done: false };
    void promise.then(() => (state.done = true));
    return state;
  };

  it("waits the quiet time", async () => {
    const quiet = settled(whenQuiet(activity(), 1000));
    await vi.advanceTimersByTimeAsync(999);
    expect(quiet.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(quiet.done).toBe(true);
  });

  it("never ends during a run, and counts the quiet time from the run's end", async () => {
    const page = activity();
    const quiet = settled(whenQuiet(page, 1000));
    await vi.advanceTimersByTimeAsync(600);
    page.set(true);
    await vi.advanceTimersByTimeAsync(4700);
    expect(quiet.done).toBe(false);
    page.set(false);
    await vi.advanceTimersByTimeAsync(999);
    expect(quiet.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(quiet.done).toBe(true);
  });
});
