/**
 * The `vi` object, modelled on Vitest 4's (`createVitest` in vitest/dist/chunks/test.*.js): mocks
 * from @vitest/spy, fake timers from @sinonjs/fake-timers, stubs, waitFor, module mocks through the
 * linker's registry (./module-mocker). Config changes throw (see ./unsupported).
 */
import { clearAllMocks, fn, isMockFunction, resetAllMocks, restoreAllMocks, spyOn } from "@vitest/spy";
import { setPollTimers } from "./expect-poll";
import { FakeTimers, type FakeTimerConfig } from "./fake-timers";
import { currentTestPath } from "./expect";
import { automock, callerModule, dynamicImportSettled, moduleRegistry, type MockFactory, type MockOptions } from "./module-mocker";
import { unsupportedVi } from "./unsupported";
import { createWaitFor } from "./wait-for";

const timers = new FakeTimers();
const { waitFor, waitUntil } = createWaitFor(timers);
setPollTimers(timers);
const stubbedGlobals = new Map<PropertyKey, PropertyDescriptor | undefined>();
const stubbedEnvs = new Map<string, string | undefined>();
const ENV_BOOLEANS = ["PROD", "DEV", "SSR"];

/** Set when vi.stubEnv had to create `process.env` (a worker has none); removed with the stubs. */
let madeProcess = false;

/** The `process.env` vi.stubEnv changes; created in a worker, where code may still read it. */
function processEnv(): Record<string, string | undefined> {
  const scope = globalThis as { process?: { env?: Record<string, string | undefined> } };
  if (!scope.process) {
    scope.process = { env: {} };
    madeProcess = true;
  }
  scope.process.env ??= {};
  return scope.process.env;
}

export const vi = {
  useFakeTimers(config?: FakeTimerConfig) {
    timers.configure(config);
    timers.useFakeTimers();
    return vi;
  },
  useRealTimers() {
    timers.useRealTimers();
    return vi;
  },
  isFakeTimers: () => timers.isFakeTimers(),
  runOnlyPendingTimers() {
    timers.runOnlyPendingTimers();
    return vi;
  },
  async runOnlyPendingTimersAsync() {
    await timers.runOnlyPendingTimersAsync();
    return vi;
  },
  runAllTimers() {
    timers.runAllTimers();
    return vi;
  },
  async runAllTimersAsync() {
    await timers.runAllTimersAsync();
    return vi;
  },
  runAllTicks() {
    timers.runAllTicks();
    return vi;
  },
  advanceTimersByTime(ms: number) {
    timers.advanceTimersByTime(ms);
    return vi;
  },
  async advanceTimersByTimeAsync(ms: number) {
    await timers.advanceTimersByTimeAsync(ms);
    return vi;
  },
  advanceTimersToNextTimer() {
    timers.advanceTimersToNextTimer();
    return vi;
  },
  async advanceTimersToNextTimerAsync() {
    await timers.advanceTimersToNextTimerAsync();
    return vi;
  },
  advanceTimersToNextFrame() {
    timers.advanceTimersToNextFrame();
    return vi;
  },
  getTimerCount: () => timers.getTimerCount(),
  setSystemTime(time?: number | string | Date) {
    timers.setSystemTime(time);
    return vi;
  },
  getMockedSystemTime: () => timers.getMockedSystemTime(),
  getRealSystemTime: () => timers.getRealSystemTime(),
  clearAllTimers() {
    timers.clearAllTimers();
    return vi;
  },
  setTimerTickMode(mode: "manual" | "nextTimerAsync" | "interval", interval?: number) {
    timers.setTimerTickMode(mode, interval);
    return vi;
  },

  fn,
  spyOn,
  isMockFunction: (value: unknown) => isMockFunction(value),
  mocked<T>(item: T, _options?: unknown): T {
    return item;
  },
  clearAllMocks() {
    clearAllMocks();
    return vi;
  },
  resetAllMocks() {
    resetAllMocks();
    return vi;
  },
  restoreAllMocks() {
    restoreAllMocks();
    return vi;
  },

  waitFor,
  waitUntil,
  defineHelper<F extends (...args: never[]) => unknown>(helper: F): F {
    return function __VITEST_HELPER__(this: unknown, ...args: Parameters<F>) {
      const result = helper.apply(this, args);
      if (result && typeof result === "object" && typeof (result as PromiseLike<unknown>).then === "function") {
        return (async function __VITEST_HELPER__() {
          return await result;
        })();
      }
      return result;
    } as F;
  },

  stubGlobal(name: PropertyKey, value: unknown) {
    if (!stubbedGlobals.has(name)) stubbedGlobals.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: true });
    return vi;
  },
  unstubAllGlobals() {
    stubbedGlobals.forEach((original, name) => {
      if (!original) Reflect.deleteProperty(globalThis, name);
      else Object.defineProperty(globalThis, name, original);
    });
    stubbedGlobals.clear();
    return vi;
  },
  stubEnv(name: string, value: string | boolean | undefined) {
    const env = processEnv();
    if (!stubbedEnvs.has(name)) stubbedEnvs.set(name, env[name]);
    if (ENV_BOOLEANS.includes(name)) env[name] = value ? "1" : "";
    else if (value === undefined) delete env[name];
    else env[name] = String(value);
    return vi;
  },
  unstubAllEnvs() {
    if (stubbedEnvs.size === 0) return vi;
    const env = processEnv();
    stubbedEnvs.forEach((original, name) => {
      if (original === undefined) delete env[name];
      else env[name] = original;
    });
    stubbedEnvs.clear();
    if (madeProcess) Reflect.deleteProperty(globalThis, "process");
    madeProcess = false;
    return vi;
  },

  mock(path: string | Promise<unknown>, factory?: MockFactory | MockOptions) {
    moduleRegistry("vi.mock").mock(importer(), mockPath("vi.mock", path), factory);
  },
  doMock(path: string | Promise<unknown>, factory?: MockFactory | MockOptions) {
    moduleRegistry("vi.doMock").mock(importer(), mockPath("vi.doMock", path), factory);
    return vi;
  },
  unmock(path: string | Promise<unknown>) {
    moduleRegistry("vi.unmock").unmock(importer(), mockPath("vi.unmock", path));
  },
  doUnmock(path: string | Promise<unknown>) {
    moduleRegistry("vi.doUnmock").unmock(importer(), mockPath("vi.doUnmock", path));
    return vi;
  },
  hoisted<T>(factory: () => T): T {
    return factory();
  },
  importActual<T = unknown>(path: string): Promise<T> {
    return moduleRegistry("vi.importActual").importActual(importer(), path) as Promise<T>;
  },
  importMock<T = unknown>(path: string): Promise<T> {
    return moduleRegistry("vi.importMock").importMock(importer(), path) as Promise<T>;
  },
  mockObject<T>(value: T, options?: MockOptions): T {
    return automock({ value }, options?.spy ? "autospy" : "automock").value as T;
  },
  resetModules() {
    moduleRegistry("vi.resetModules").resetModules();
    return vi;
  },
  dynamicImportSettled,

  ...unsupportedVi,
};

function importer(): string {
  return callerModule(currentTestPath());
}

/** The hoisting turns `vi.mock(import("./x"))` into `vi.mock("./x")`; anything else is a mistake. */
function mockPath(api: string, path: string | Promise<unknown>): string {
  if (typeof path === "string") return path;
  throw new TypeError(`${api}() expects a string path to the module, got ${typeof path}`);
}

export const vitest = vi;
export type VitestUtils = typeof vi;

/** End-of-file/end-of-run cleanup: what a fresh Vitest worker would start without. */
export function resetViState(): void {
  for (const step of [() => timers.useRealTimers(), vi.unstubAllGlobals, vi.unstubAllEnvs, restoreAllMocks]) {
    try {
      step();
    } catch {
      // A test may have broken what a step restores; the other steps still run.
    }
  }
}
