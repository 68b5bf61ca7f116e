/**
 * `expect`, modelled on Vitest 4's `createExpect` (vitest/dist/chunks/test.*.js): chai with
 * @vitest/expect's Jest-compatible matchers, asymmetric matchers, expect.extend, soft, poll,
 * assertions counting. One global instance; the runner gives each test its own via `context.expect`.
 */
import {
  addCustomEqualityTesters,
  ASYMMETRIC_MATCHERS_OBJECT,
  chai,
  ChaiStyleAssertions,
  customMatchers,
  GLOBAL_EXPECT,
  getState,
  JestAsymmetricMatchers,
  JestChaiExpect,
  JestExtend,
  setState,
  type Assertion,
  type ExpectStatic,
  type MatcherState,
  type MatchersObject,
  type PromisifyAssertion,
  type Tester,
} from "@vitest/expect";
import { getCurrentTest, type Test } from "@vitest/runner";
import { addEqualityTesters } from "../hardening/expect-guard";
import { privilegedWrite } from "../hardening/guard";
import { createExpectPoll, type ExpectPollOptions } from "./expect-poll";
import { addSnapshotSerializer, installSnapshotMatchers } from "./snapshots";

chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(ChaiStyleAssertions);
chai.use(JestAsymmetricMatchers);
installSnapshotMatchers();

/** What Vitest adds to @vitest/expect's ExpectStatic. */
export type Expect = ExpectStatic & {
  assert: Chai.AssertStatic;
  unreachable: (message?: string) => never;
  soft: <T>(actual: T, message?: string) => Assertion<T>;
  poll: <T>(actual: () => T, options?: ExpectPollOptions) => PromisifyAssertion<Awaited<T>>;
  addEqualityTesters: (testers: Tester[]) => void;
  assertions: (expected: number) => void;
  hasAssertions: () => void;
  addSnapshotSerializer: (plugin: unknown) => void;
};

let testPath: string | undefined;

/** The test file being collected or run, as `expect.getState().testPath` reports it. */
export function setTestPath(path: string | undefined): void {
  testPath = path;
}

export function currentTestPath(): string | undefined {
  return testPath;
}

export function createExpect(test?: Test): Expect {
  const expect = ((value: unknown, message?: string) => {
    const { assertionCalls } = getState(expect);
    setState({ assertionCalls: assertionCalls + 1 }, expect);
    const assertion = chai.expect(value, message) as unknown as Assertion & { withTest(test: Test): Assertion };
    const current = test ?? getCurrentTest();
    return current ? assertion.withTest(current) : assertion;
  }) as Expect;
  Object.assign(expect, chai.expect);
  Object.assign(expect, (globalThis as Record<symbol, object>)[ASYMMETRIC_MATCHERS_OBJECT]);
  expect.getState = () => getState<MatcherState>(expect);
  expect.setState = (state) => setState(state, expect);

  const globalState = getState((globalThis as Record<symbol, Expect>)[GLOBAL_EXPECT]) ?? {};
  setState(
    {
      ...globalState,
      assertionCalls: 0,
      isExpectingAssertions: false,
      isExpectingAssertionsError: null,
      expectedAssertionsNumber: null,
      expectedAssertionsNumberErrorGen: null,
      get testPath() {
        return testPath;
      },
      currentTestName: test ? (test.fullTestName ?? "") : globalState.currentTestName,
    },
    expect,
  );

  expect.assert = chai.assert;
  expect.extend = (matchers: MatchersObject) => (chai.expect as unknown as { extend(e: Expect, m: MatchersObject): void }).extend(expect, matchers);
  expect.addEqualityTesters = (testers) => addEqualityTesters(() => addCustomEqualityTesters(testers));
  expect.soft = <T>(actual: T, message?: string) =>
    (expect(actual, message) as unknown as { withContext(c: object): Assertion<T> }).withContext({ soft: true });
  expect.poll = createExpectPoll(expect) as unknown as Expect["poll"];
  expect.unreachable = (message?: string): never => {
    chai.assert.fail(`expected${message ? ` "${message}" ` : " "}not to be reached`);
  };

  function assertions(expected: number) {
    const errorGen = () => new Error(`expected number of assertions to be ${expected}, but got ${expect.getState().assertionCalls}`);
    if (Error.captureStackTrace) Error.captureStackTrace(errorGen(), assertions);
    expect.setState({ expectedAssertionsNumber: expected, expectedAssertionsNumberErrorGen: errorGen });
  }
  function hasAssertions() {
    const error = new Error("expected any number of assertion, but got none");
    if (Error.captureStackTrace) Error.captureStackTrace(error, hasAssertions);
    expect.setState({ isExpectingAssertions: true, isExpectingAssertionsError: error });
  }
  expect.addSnapshotSerializer = addSnapshotSerializer as Expect["addSnapshotSerializer"];
  chai.util.addMethod(expect, "assertions", assertions);
  chai.util.addMethod(expect, "hasAssertions", hasAssertions);
  // The runtime's own matchers, on every expect it creates: not code under test overriding them.
  privilegedWrite(() => expect.extend(customMatchers));
  return expect;
}

export const globalExpect = createExpect();
Object.defineProperty(globalThis, GLOBAL_EXPECT, { value: globalExpect, writable: true, configurable: true });

export const assert = chai.assert;
export const should = chai.should;
export { chai };
