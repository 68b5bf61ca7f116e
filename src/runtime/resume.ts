/**
 * A hung test costs only itself: when a runtime ends a worker (or a Vitest child) stuck in a test,
 * it reports that test "timed out", keeps the verdicts of the tests that finished, and runs the rest
 * in a fresh worker with the finished ones skipped. Both runtimes share this bookkeeping so they
 * agree on names, order and messages.
 */
import { overallStatus, type RunEvent, type RunResults, type TestResult } from "./results";

export const timedOutAfter = (timeoutMs: number) => `timed out after ${timeoutMs} ms`;

/** The slice of a @vitest/runner task tree this needs; real Vitest's tasks have the same shape. */
interface TaskLike {
  type: string;
  mode: string;
  fullTestName?: string;
  tasks?: TaskLike[];
}

/**
 * Called after collection, before anything runs: tests already judged are skipped, and a suite left
 * with nothing to run is skipped too, so its beforeAll does not run again for nothing. Suites whose
 * remaining tests run keep their hooks: beforeAll and beforeEach run again for them.
 */
export function skipJudged(files: readonly TaskLike[], judged: ReadonlySet<string>): void {
  if (judged.size === 0) return;
  const visit = (suite: TaskLike) => {
    for (const task of suite.tasks ?? []) {
      if (task.type === "test" && task.fullTestName !== undefined && judged.has(task.fullTestName)) task.mode = "skip";
      else if (task.type === "suite") visit(task);
    }
    const runnable = (t: TaskLike) => t.mode === "run" || t.mode === "queued" || t.mode === "only";
    if ((suite.mode === "run" || suite.mode === "queued") && suite.tasks?.length && !suite.tasks.some(runnable)) suite.mode = "skip";
  };
  for (const file of files) visit(file);
}

/** What one run has learned across the workers it took: finished verdicts, in the order they came. */
export class RunLedger {
  readonly judged = new Map<string, TestResult>();
  private readonly hung: string[] = [];
  private skipped = new Set<string>();

  constructor(private readonly timeoutMs: number) {}

  /** A copy to record one attempt in, kept only if that attempt counts (run-node.ts's batches). */
  clone(): RunLedger {
    const copy = new RunLedger(this.timeoutMs);
    for (const [name, test] of this.judged) copy.judged.set(name, test);
    copy.hung.push(...this.hung);
    copy.skipped = new Set(this.skipped);
    return copy;
  }

  /** Records an event of the current attempt; returns it unless it concerns a test judged before. */
  observe(event: RunEvent): RunEvent | undefined {
    if (event.type === "test-start") return this.skipped.has(event.name) ? undefined : event;
    if (event.type !== "test-end") return event;
    if (this.skipped.has(event.test.name)) return undefined;
    this.judged.set(event.test.name, event.test);
    return event;
  }

  /** The running test was ended: its verdict, to report now; the next attempt skips it and the finished ones. */
  timedOut(name: string): TestResult {
    const test: TestResult = { name, status: "error", message: timedOutAfter(this.timeoutMs) };
    this.judged.set(name, test);
    this.hung.push(name);
    this.skipped = new Set(this.judged.keys());
    return test;
  }

  /** Names the next attempt must not run again. */
  get skip(): string[] {
    return [...this.skipped];
  }

  get attempts(): number {
    return this.hung.length + 1;
  }

  /** The final attempt's results with every earlier verdict put back in its place. */
  merge(results: RunResults): RunResults {
    if (this.hung.length === 0) return results;
    const seen = new Set<string>();
    const tests = results.tests.map((test) => {
      seen.add(test.name);
      return this.judged.get(test.name) ?? test;
    });
    // Judged tests the last attempt did not list (it failed before collecting them) go first, as they ran first.
    const missing = [...this.judged.values()].filter((t) => !seen.has(t.name));
    const all = [...missing, ...tests];
    if (results.status === "error" && results.message !== undefined && !results.message.startsWith("No tests")) {
      return { ...results, tests: all };
    }
    return { version: 2, status: overallStatus(all), message: this.message(), tests: all };
  }

  /** An attempt that could not go on (a loop at import, a hook that never returns): keep what was judged. */
  stopped(message: string): RunResults {
    return { version: 2, status: "error", message, tests: [...this.judged.values()] };
  }

  private message(): string {
    const [first, ...more] = this.hung;
    const also = more.length === 0 ? "" : ` (and ${more.length} more)`;
    return `Test "${first}" ${timedOutAfter(this.timeoutMs)}${also}: an infinite loop?`;
  }
}
