/**
 * The part of Vitest's API learner code may use (the in-page runtime's shim provides it), loaded
 * into Monaco as node_modules/vitest/index.d.ts. Deliberately loose: enough for completions.
 */
type Awaitable<T> = T | Promise<T>;
type TestFn = () => Awaitable<unknown>;

export interface TestAPI {
  (name: string, fn?: TestFn, timeout?: number): void;
  skip(name: string, fn?: TestFn, timeout?: number): void;
  only(name: string, fn?: TestFn, timeout?: number): void;
  todo(name: string): void;
  each<T>(cases: readonly T[]): (name: string, fn: (value: T) => Awaitable<unknown>) => void;
}

export const describe: TestAPI;
export const it: TestAPI;
export const test: TestAPI;
export function beforeEach(fn: TestFn): void;
export function afterEach(fn: TestFn): void;
export function beforeAll(fn: TestFn): void;
export function afterAll(fn: TestFn): void;

export interface Assertion<T = unknown> {
  not: Assertion<T>;
  resolves: Assertion<Awaited<T>>;
  rejects: Assertion<unknown>;
  toBe(expected: T): void;
  toEqual(expected: unknown): void;
  toStrictEqual(expected: unknown): void;
  toMatchObject(expected: object): void;
  toBeDefined(): void;
  toBeUndefined(): void;
  toBeNull(): void;
  toBeTruthy(): void;
  toBeFalsy(): void;
  toBeNaN(): void;
  toBeGreaterThan(n: number | bigint): void;
  toBeGreaterThanOrEqual(n: number | bigint): void;
  toBeLessThan(n: number | bigint): void;
  toBeLessThanOrEqual(n: number | bigint): void;
  toBeCloseTo(n: number, digits?: number): void;
  toBeInstanceOf(type: abstract new (...args: never[]) => unknown): void;
  toContain(item: unknown): void;
  toContainEqual(item: unknown): void;
  toHaveLength(n: number): void;
  toHaveProperty(path: string | string[], value?: unknown): void;
  toMatch(pattern: RegExp | string): void;
  toThrow(expected?: string | RegExp | (abstract new (...args: never[]) => Error) | Error): void;
  toThrowError(expected?: string | RegExp | (abstract new (...args: never[]) => Error) | Error): void;
  toHaveBeenCalled(): void;
  toHaveBeenCalledTimes(n: number): void;
  toHaveBeenCalledWith(...args: unknown[]): void;
  toSatisfy(predicate: (value: T) => boolean): void;
  toMatchSnapshot(hint?: string): void;
  toMatchSnapshot(properties: object, hint?: string): void;
  toMatchInlineSnapshot(snapshot?: string): void;
  toMatchInlineSnapshot(properties: object, snapshot?: string): void;
  toThrowErrorMatchingSnapshot(hint?: string): void;
  toThrowErrorMatchingInlineSnapshot(snapshot?: string): void;
}

export interface ExpectStatic {
  <T>(actual: T, message?: string): Assertion<T>;
  soft<T>(actual: T, message?: string): Assertion<T>;
  any(type: unknown): any;
  anything(): any;
  objectContaining(value: object): any;
  arrayContaining(value: readonly unknown[]): any;
  stringContaining(value: string): any;
  stringMatching(value: string | RegExp): any;
  assertions(n: number): void;
}

export const expect: ExpectStatic;

export interface Mock<Args extends unknown[] = any[], R = any> {
  (...args: Args): R;
  mock: { calls: Args[]; results: { type: "return" | "throw"; value: unknown }[] };
  mockReturnValue(value: R): this;
  mockResolvedValue(value: Awaited<R>): this;
  mockImplementation(fn: (...args: Args) => R): this;
  mockClear(): this;
  mockReset(): this;
}

export const vi: {
  fn<Args extends unknown[] = any[], R = any>(impl?: (...args: Args) => R): Mock<Args, R>;
  spyOn<T extends object, K extends keyof T>(object: T, method: K): Mock;
  useFakeTimers(): typeof vi;
  useRealTimers(): typeof vi;
  advanceTimersByTime(ms: number): typeof vi;
  advanceTimersByTimeAsync(ms: number): Promise<typeof vi>;
  runAllTimers(): typeof vi;
  setSystemTime(time: number | Date | string): typeof vi;
  restoreAllMocks(): typeof vi;
  mocked<T>(item: T, deep?: boolean): T;
  /** Hoisted above the imports: every import of `path` gets the factory's module, or an automock. */
  mock(path: string, factory?: (importOriginal: <M = any>() => Promise<M>) => Awaitable<object>): void;
  mock(path: string, options: { spy?: boolean }): void;
  unmock(path: string): void;
  /** Not hoisted: only imports that happen afterwards get the mock. */
  doMock(path: string, factory?: (importOriginal: <M = any>() => Promise<M>) => Awaitable<object>): typeof vi;
  doUnmock(path: string): typeof vi;
  /** Runs before the imports, with vi.mock, so its values can be used in mock factories. */
  hoisted<T>(factory: () => T): T;
  importActual<T = any>(path: string): Promise<T>;
  importMock<T = any>(path: string): Promise<T>;
  resetModules(): typeof vi;
  stubGlobal(name: string, value: unknown): typeof vi;
  unstubAllGlobals(): typeof vi;
  stubEnv(name: string, value: string | undefined): typeof vi;
  unstubAllEnvs(): typeof vi;
};
