/**
 * `vi.useFakeTimers()` and friends: Vitest 4's FakeTimers class over @sinonjs/fake-timers, same
 * defaults (every timer API the global has except nextTick and queueMicrotask, loopLimit 10 000,
 * shouldClearNativeTimers) and the same error when a timer function is used without fake timers.
 */
import { withGlobal, type Clock, type Config, type FakeMethod } from "@sinonjs/fake-timers";
import { mockDate, RealDate, resetDate } from "./mock-date";

export type FakeTimerConfig = Config;

/** Vitest 4.1's `fakeTimers` config defaults. */
const DEFAULTS: Config = { loopLimit: 10_000, shouldClearNativeTimers: true };

// Vitest 4.1 bundles an older fake-timers that knows no Temporal or scheduler; faking them by
// default here would make Date-free code behave differently from Node, so leave them native.
const NOT_FAKED_BY_DEFAULT = new Set<string>(["nextTick", "queueMicrotask", "Temporal", "scheduler"]);

// Created while the globals are still the real ones, before any run patches them.
const fakeTimers = withGlobal(globalThis);

export class FakeTimers {
  private clock: Clock | undefined;
  private fakingDate: Date | null = null;
  private userConfig: Config | undefined;

  configure(config?: Config): void {
    this.userConfig = { ...DEFAULTS, ...config };
  }

  useFakeTimers(): void {
    const fakeDate = this.fakingDate ?? Date.now();
    if (this.fakingDate) {
      resetDate();
      this.fakingDate = null;
    }
    this.clock?.uninstall();
    const toFake = Object.keys(fakeTimers.timers).filter((name) => !NOT_FAKED_BY_DEFAULT.has(name)) as FakeMethod[];
    const config = this.userConfig ?? DEFAULTS;
    this.clock = fakeTimers.install({
      now: fakeDate,
      ...config,
      toFake: config.toFake ?? toFake,
      ignoreMissingTimers: true,
    });
  }

  useRealTimers(): void {
    if (this.fakingDate) {
      resetDate();
      this.fakingDate = null;
    }
    if (this.clock) {
      this.clock.uninstall();
      this.clock = undefined;
    }
  }

  isFakeTimers(): boolean {
    return this.clock !== undefined;
  }

  runAllTimers(): void {
    this.checked().runAll();
  }

  async runAllTimersAsync(): Promise<void> {
    await this.checked().runAllAsync();
  }

  runOnlyPendingTimers(): void {
    this.checked().runToLast();
  }

  async runOnlyPendingTimersAsync(): Promise<void> {
    await this.checked().runToLastAsync();
  }

  advanceTimersToNextTimer(steps = 1): void {
    const clock = this.checked();
    for (let i = steps; i > 0; i--) {
      clock.next();
      // Fire every timer due at this instant: https://github.com/sinonjs/fake-timers/issues/250
      clock.tick(0);
      if (clock.countTimers() === 0) break;
    }
  }

  async advanceTimersToNextTimerAsync(steps = 1): Promise<void> {
    const clock = this.checked();
    for (let i = steps; i > 0; i--) {
      await clock.nextAsync();
      clock.tick(0);
      if (clock.countTimers() === 0) break;
    }
  }

  advanceTimersByTime(ms: number): void {
    this.checked().tick(ms);
  }

  async advanceTimersByTimeAsync(ms: number): Promise<void> {
    await this.checked().tickAsync(ms);
  }

  advanceTimersToNextFrame(): void {
    this.checked().runToFrame();
  }

  runAllTicks(): void {
    this.checked().runMicrotasks();
  }

  clearAllTimers(): void {
    this.clock?.reset();
  }

  getTimerCount(): number {
    return this.checked().countTimers();
  }

  setTimerTickMode(mode: "manual" | "nextTimerAsync" | "interval", interval?: number): void {
    const clock = this.checked();
    if (mode === "manual") clock.setTickMode({ mode: "manual" });
    else if (mode === "nextTimerAsync") clock.setTickMode({ mode: "nextAsync" });
    else if (mode === "interval") clock.setTickMode({ mode: "interval", delta: interval });
    else throw new Error(`Invalid tick mode: ${String(mode)}`);
  }

  setSystemTime(now?: number | string | Date): void {
    const date = now === undefined || now instanceof Date ? now : new RealDate(now);
    if (this.clock) this.clock.setSystemTime(date);
    else {
      this.fakingDate = date ?? new RealDate(this.getRealSystemTime());
      mockDate(this.fakingDate);
    }
  }

  getMockedSystemTime(): Date | null {
    return this.clock ? new Date(this.clock.now) : this.fakingDate;
  }

  getRealSystemTime(): number {
    return RealDate.now();
  }

  private checked(): Clock {
    if (!this.clock) {
      throw new Error("A function to advance timers was called but the timers APIs are not mocked. Call `vi.useFakeTimers()` in the test file first.");
    }
    return this.clock;
  }
}
