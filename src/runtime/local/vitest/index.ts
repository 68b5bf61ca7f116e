/**
 * The module test files get for `import … from "vitest"` in the in-page runtime: Vitest 4's public
 * API rebuilt from @vitest/runner, @vitest/expect, @vitest/spy, @vitest/mocker and @vitest/snapshot.
 * What needs Vitest's server (inject, bench) throws a clear error instead.
 */
import "./safe-timers";
import { unsupported } from "./unsupported";

export {
  afterAll,
  afterEach,
  aroundAll,
  aroundEach,
  beforeAll,
  beforeEach,
  describe,
  it,
  onTestFailed,
  onTestFinished,
  recordArtifact,
  suite,
  test,
} from "@vitest/runner";
export { assert, chai, createExpect, globalExpect as expect, should } from "./expect";
export { vi, vitest } from "./vi";
export { assertType, expectTypeOf } from "./type-helpers";
/** Internal: what linked modules import for `import()` and mock facades (see ./module-mocker). */
export { __roadlabImport, __roadlabMockExports } from "./module-mocker";

export const inject = unsupported("inject()", "there is no globalSetup to provide values; define them in the test file instead");
export const bench = unsupported("bench()", "benchmarks only run under `vitest bench`");

export type { Expect as ExpectStatic } from "./expect";
export type { VitestUtils } from "./vi";
export type { FakeTimerConfig as FakeTimerInstallOpts } from "./fake-timers";
export type {
  Assertion,
  AsymmetricMatchersContaining,
  ExpectationResult as MatcherResult,
  JestAssertion,
  MatcherState,
  Matchers,
  RawMatcherFn as Matcher,
} from "@vitest/expect";
export type {
  Mock,
  MockContext,
  Mocked,
  MockedClass,
  MockedFunction,
  MockedObject,
  MockInstance,
  MockResult,
  MockResultIncomplete,
  MockResultReturn,
  MockResultThrow,
  MockSettledResult,
  MockSettledResultFulfilled,
  MockSettledResultIncomplete,
  MockSettledResultRejected,
} from "@vitest/spy";
export type {
  OnTestFailedHandler,
  OnTestFinishedHandler,
  RunMode,
  Test as RunnerTestCase,
  File as RunnerTestFile,
  Suite as RunnerTestSuite,
  SuiteAPI,
  SuiteFactory,
  SuiteOptions,
  TestAPI,
  TestContext,
  TestFunction,
  TestOptions,
} from "@vitest/runner";
