/**
 * Runs hidden test files with @vitest/runner in the current (worker) global scope and reports
 * results the way the Node runtime does. Used many times by one long-lived worker: everything a run
 * changes globally (console, timers, stubs, spies, matchers, fixtures) is put back before it resolves.
 */
import "./safe-timers";
import { startTests, type File, type Test } from "@vitest/runner";
import { getSuites, getTests } from "@vitest/runner/utils";
import { resetAllMocks } from "@vitest/spy";
import { processError } from "@vitest/utils/error";
import { getSafeTimers } from "@vitest/utils/timers";
import { overallStatus, type RunEvent, type RunResults, type TestResult } from "../../results";
import { captureConsole } from "./console-capture";
import { errorMessage } from "./error-message";
import { setTestPath } from "./expect";
import { restoreExpectGuards } from "../hardening/expect-guard";
import { privilegedWrite } from "../hardening/guard";
import { resetExpectExtensions } from "./expect-isolation";
import { RoadlabRunner, runnerConfig, toSpec } from "./runner";
import { testResult } from "./test-result";
import { trackTimers } from "./timer-leaks";
import { listenForUnhandledErrors } from "./unhandled-errors";
import { resetSnapshotSerializers, setSnapshotFiles } from "./snapshots";
import { resetViState } from "./vi";

export interface TestFilesRun {
  /** Test file ids, e.g. ["tests/add.test.ts"]. */
  files: string[];
  /** The host's linker loads a file as an ES module. */
  importModule(file: string): Promise<unknown>;
  /** testTimeout and hookTimeout, with Vitest's semantics. */
  timeoutMs: number;
  /** "test-start" is sent synchronously before a test's hooks and body run; "test-end" after. */
  onEvent(event: RunEvent): void;
  /** Cancellation: no new tests start, the running one is aborted, the run resolves soon. */
  signal?: AbortSignal;
  /** Full names of tests an earlier worker judged this run: not run again (see ../../resume.ts). */
  skip?: readonly string[];
  /** The hidden tests' files, where `tests/__snapshots__/<file>.snap` are read from. */
  testFiles?: Record<string, string>;
}

/** The message of a run stopped through `signal`. */
export const CANCELLED = "Run cancelled";

export async function runTestFiles(run: TestFilesRun): Promise<RunResults> {
  if (run.signal?.aborted) return { version: 2, status: "error", message: CANCELLED, tests: [] };
  const leaks = trackTimers();
  const output = captureConsole();
  const unhandled = listenForUnhandledErrors();
  setSnapshotFiles(run.testFiles ?? {});
  const runner = new RoadlabRunner(runnerConfig(run.timeoutMs), {
    importFile: (file) => run.importModule(file),
    onTestStart: (test) => run.onEvent({ type: "test-start", name: test.fullTestName }),
    onTestEnd: (test) => run.onEvent({ type: "test-end", test: testResult(test, output.outputOf(test)) }),
    onFileEnd: resetIsolatedState,
    skip: run.skip && new Set(run.skip),
  });
  const cancel = () => runner.cancel?.("keyboard-input");
  run.signal?.addEventListener("abort", cancel, { once: true });
  try {
    const files = await startTests(run.files.map(toSpec), runner);
    await runner.cleanupWorkerContext().catch((error: unknown) => unhandled.errors.push(error));
    // Chromium fires `unhandledrejection` from a task queued behind the next timer, so a rejection
    // in the last test is seen only after two turns of the event loop (measured: one is not enough).
    // Called unbound: a browser refuses a native timer called as a method of another object.
    const { setTimeout } = getSafeTimers();
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    const outputOf = (test: Test) => output.outputOf(test);
    if (run.signal?.aborted) return { version: 2, status: "error", message: CANCELLED, tests: collectTests(files, outputOf) };
    return collectResults(files, unhandled.errors, outputOf);
  } catch (error) {
    return { version: 2, status: "error", message: `The test runner failed: ${errorMessage(processError(error))}`, tests: [] };
  } finally {
    run.signal?.removeEventListener("abort", cancel);
    resetIsolatedState();
    // Old runs' vi.fn()s stay in @vitest/spy's registry; at least let go of what they recorded.
    safely(resetAllMocks);
    setTestPath(undefined);
    setSnapshotFiles({});
    resetSnapshotSerializers();
    unhandled.dispose();
    output.restore();
    leaks.dispose();
  }
}

/** What a fresh Vitest worker per test file would not carry over from the previous file. */
function resetIsolatedState() {
  // Each step on its own: a test that broke one of them must not keep the others from running.
  safely(resetViState);
  safely(() => privilegedWrite(resetExpectExtensions));
  safely(restoreExpectGuards);
}

function safely(step: () => void) {
  try {
    step();
  } catch {
    // Nothing to report it to; the next run starts from whatever could be restored.
  }
}

function collectTests(files: File[], outputOf: (test: Test) => string | undefined): TestResult[] {
  return files.flatMap((file) => getTests(file).map((test) => testResult(test, outputOf(test))));
}

/** Same precedence as the Node runtime: a file that failed, then unhandled errors, then no tests. */
function collectResults(files: File[], unhandled: unknown[], outputOf: (test: Test) => string | undefined): RunResults {
  const tests: TestResult[] = [];
  for (const file of files) {
    const failure = file.result?.errors?.[0];
    if (failure) {
      const name = file.filepath.replace(/^\//, "");
      const message = errorMessage(failure).split(toSpec(name)).join(name);
      return { version: 2, status: "error", message: message.startsWith("Syntax error") ? message : `${name} failed to load: ${message}`, tests };
    }
    for (const test of getTests(file)) tests.push(testResult(test, outputOf(test)));
  }
  // A failed beforeAll/afterAll leaves its tests skipped: without this the run would "pass".
  for (const file of files) {
    const failed = getSuites(file).find((suite) => suite !== file && suite.result?.errors?.[0]);
    if (failed) {
      const message = errorMessage(failed.result!.errors![0]);
      return { version: 2, status: "error", message: `"${failed.name}" failed: ${message}`, tests };
    }
  }
  if (unhandled.length > 0) {
    return { version: 2, status: "error", message: `Unhandled error: ${errorMessage(processError(unhandled[0]))}`, tests };
  }
  if (tests.length === 0) return { version: 2, status: "error", message: "No tests found", tests };
  return { version: 2, status: overallStatus(tests), tests };
}
