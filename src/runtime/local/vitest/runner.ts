/**
 * A @vitest/runner `VitestRunner` modelled on Vitest 4's `TestRunner` (vitest/dist/chunks/test.*.js):
 * expect state reset per test, expect.assertions checked after it, `context.expect`, cancellation.
 * snapshots checked per file (./snapshots.ts). Benchmarks and worker RPC have no counterpart here.
 */
import { getState, GLOBAL_EXPECT, setState } from "@vitest/expect";
import type { CancelReason, File, Suite, Test, TestContext, VitestRunner, VitestRunnerConfig, VitestRunnerImportSource } from "@vitest/runner";
import { getNames, getTestName, getTests } from "@vitest/runner/utils";
import { processError } from "@vitest/utils/error";
import { skipJudged } from "../../resume";
import { createExpect, setTestPath, type Expect } from "./expect";
import { setupSnapshots, snapshotClient } from "./snapshots";

export interface RunnerHooks {
  importFile(file: string): Promise<unknown>;
  /** Sent before a test's hooks and body run. */
  onTestStart(test: Test): void;
  /** Sent once per test when its verdict is final (ran, skipped, or cancelled). */
  onTestEnd(test: Test): void;
  /** A test file finished: what a fresh Vitest worker per file would not carry over. */
  onFileEnd(file: File): void;
  /** Tests judged by an earlier worker this run (see resume.ts): skipped, their suites' hooks too. */
  skip?: ReadonlySet<string>;
}

interface ExpectState {
  assertionCalls: number;
  expectedAssertionsNumber: number | null;
  expectedAssertionsNumberErrorGen: (() => Error) | null;
  isExpectingAssertions: boolean;
  isExpectingAssertionsError: Error | null;
}

type LocalContext = TestContext & { expect: Expect; _local: boolean };

/** Vitest's defaults for what Roadlab does not configure, plus the per-exercise timeout. */
export function runnerConfig(timeoutMs: number): VitestRunnerConfig {
  return {
    root: "/",
    setupFiles: [],
    name: undefined,
    passWithNoTests: false,
    testNamePattern: undefined,
    allowOnly: true,
    sequence: { shuffle: false, concurrent: false, seed: 0, hooks: "stack", setupFiles: "list" },
    chaiConfig: undefined,
    maxConcurrency: 5,
    testTimeout: timeoutMs,
    hookTimeout: timeoutMs,
    retry: 0,
    includeTaskLocation: true,
    diffOptions: undefined,
    tags: [],
    tagsFilter: undefined,
    strictTags: true,
  };
}

/** Test files are given to the runner as `/<id>` so paths resolve against root "/" without a cwd. */
export const toSpec = (file: string) => `/${file}`;
const fromSpec = (filepath: string) => filepath.replace(/^\//, "");

export class RoadlabRunner implements VitestRunner {
  private cancelled = false;
  private readonly ended = new WeakSet<Test>();
  private readonly workerCleanups: Array<() => unknown> = [];

  constructor(
    readonly config: VitestRunnerConfig,
    private readonly hooks: RunnerHooks,
  ) {}

  importFile(filepath: string, _source: VitestRunnerImportSource): Promise<unknown> {
    return this.hooks.importFile(fromSpec(filepath));
  }

  onCollectStart(file: File): void {
    setTestPath(fromSpec(file.filepath));
  }

  onCollected(files: File[]): void {
    if (this.hooks.skip) skipJudged(files, this.hooks.skip);
  }

  onAfterRunFiles(): void {
    snapshotClient.clear();
  }

  cancel(_reason?: CancelReason): void {
    this.cancelled = true;
  }

  async onBeforeRunSuite(suite: Suite): Promise<void> {
    if (this.cancelled) {
      // The runner returns at once for a skipped suite, before onAfterRunSuite: end its tests here.
      suite.mode = "skip";
      for (const test of getTests(suite)) {
        test.mode = "skip";
        this.end(test);
      }
    }
    if ("filepath" in suite) setTestPath(fromSpec(suite.filepath as string));
    if (suite.mode !== "skip" && "filepath" in suite) await setupSnapshots(suite.file.filepath);
  }

  async onAfterRunSuite(suite: Suite): Promise<void> {
    if (suite.mode !== "skip" && "filepath" in suite) await this.finishSnapshots(suite);
    // Tests of skipped suites, of suites whose beforeAll failed, and those that called
    // context.skip() never reach onAfterRunTask.
    for (const test of getTests(suite)) this.end(test);
    if (suite.file === suite) this.hooks.onFileEnd(suite as File);
  }

  /** As Vitest's TestRunner under CI: snapshots no test checked fail the file. */
  private async finishSnapshots(suite: Suite) {
    for (const test of getTests(suite)) {
      if (test.mode === "skip") snapshotClient.skipTest(suite.file.filepath, getNames(test).slice(1).join(" > "));
    }
    const result = await snapshotClient.finish(suite.file.filepath);
    if (result.unchecked) {
      let message = "Obsolete snapshots found when no snapshot update is expected.\n";
      for (const key of result.uncheckedKeys) message += `· ${key}\n`;
      suite.result ??= { state: "fail" };
      suite.result.errors ??= [];
      suite.result.errors.push(processError(new Error(message)));
      suite.result.state = "fail";
    }
  }

  onBeforeRunTask(test: Test): void {
    if (this.cancelled) test.mode = "skip";
    if (test.mode === "run" || test.mode === "queued") this.hooks.onTestStart(test);
    else this.end(test);
  }

  onAfterRunTask(test: Test): void {
    this.end(test);
  }

  onAfterRetryTask(test: Test): void {
    // context.skip() and cancellation: the runner returns without onAfterRunTask.
    if (test.result?.state === "skip") this.end(test);
  }

  onBeforeTryTask(test: Test): void {
    snapshotClient.clearTest(test.file.filepath, test.id);
    setState(
      {
        assertionCalls: 0,
        isExpectingAssertions: false,
        isExpectingAssertionsError: null,
        expectedAssertionsNumber: null,
        expectedAssertionsNumberErrorGen: null,
        currentTestName: getTestName(test),
        snapshotState: snapshotClient.getSnapshotState(test.file.filepath),
      },
      globalExpect(),
    );
  }

  onAfterTryTask(test: Test): void {
    const context = test.context as LocalContext;
    const state = (context._local ? context.expect.getState() : getState(globalExpect())) as unknown as ExpectState;
    const { assertionCalls, expectedAssertionsNumber, expectedAssertionsNumberErrorGen, isExpectingAssertions, isExpectingAssertionsError } = state;
    if (expectedAssertionsNumber !== null && assertionCalls !== expectedAssertionsNumber) throw expectedAssertionsNumberErrorGen!();
    if (isExpectingAssertions && assertionCalls === 0) throw isExpectingAssertionsError;
  }

  extendTaskContext(context: TestContext): TestContext {
    let local: Expect | undefined;
    Object.defineProperty(context, "expect", {
      get() {
        local ??= createExpect(context.task as Test);
        return local;
      },
    });
    Object.defineProperty(context, "_local", { get: () => local !== undefined });
    return context;
  }

  /** startTests registers the teardown of worker-scoped `test.extend` fixtures here. */
  onCleanupWorkerContext(cleanup: () => unknown): void {
    this.workerCleanups.push(cleanup);
  }

  /** What Vitest does when its worker exits; here, at the end of every run. */
  async cleanupWorkerContext(): Promise<void> {
    for (const cleanup of this.workerCleanups.splice(0)) await cleanup();
  }

  async onTestAnnotate<T>(_test: Test, annotation: T): Promise<T> {
    return annotation;
  }

  async onTestArtifactRecord<T>(_test: Test, artifact: T): Promise<T> {
    return artifact;
  }

  private end(test: Test) {
    if (this.ended.has(test)) return;
    this.ended.add(test);
    this.hooks.onTestEnd(test);
  }
}

function globalExpect(): Expect {
  return (globalThis as Record<symbol, Expect>)[GLOBAL_EXPECT];
}
