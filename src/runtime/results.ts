/**
 * The results model every runtime produces: Exercism's test-runner v2 shape plus skip and todo.
 * The CLI prints it with --json; the UI renders it; parity tests compare it across runtimes.
 */
export type TestStatus = "pass" | "fail" | "error" | "skip" | "todo";
export type RunStatus = "pass" | "fail" | "error";

export interface TestResult {
  /** Describe titles and the test title joined with " > ". */
  name: string;
  status: TestStatus;
  message?: string;
  /** The learner's console output during this test. */
  output?: string;
  duration_ms?: number;
}

export interface RunResults {
  version: 2;
  status: RunStatus;
  /** Why the run could not complete (status "error"): file:line:column, or which test timed out. */
  message?: string;
  tests: TestResult[];
  /**
   * Set only when code under test touched the runtime: what it did and where (`file:line:column`,
   * or "unknown"). Such a run is never "pass": its verdict could have been forged.
   */
  tampering?: Tampering[];
}

export interface Tampering {
  /** e.g. "wrote Object.is", "called self.postMessage", "overrode the matcher toBe". */
  what: string;
  where: string;
}

export type RunEvent =
  | { type: "test-start"; name: string }
  | { type: "test-end"; test: TestResult }
  | { type: "done"; results: RunResults };

/** A run's status from its tests: any failure fails it; no tests at all is an error. */
export function overallStatus(tests: readonly TestResult[]): RunStatus {
  if (tests.some((t) => t.status === "error")) return "error";
  if (tests.some((t) => t.status === "fail")) return "fail";
  return "pass";
}

export function errorResults(message: string, tests: TestResult[] = []): RunResults {
  return { version: 2, status: "error", message, tests };
}

/** Attaches tampering records; a run with any is an error whatever its tests said. */
export function withTampering(results: RunResults, tampering: readonly Tampering[]): RunResults {
  if (tampering.length === 0) return results;
  const merged = [...(results.tampering ?? []), ...tampering];
  const first = merged[0];
  const message = `Code under test tampered with the test runtime (${first.what} at ${first.where}); the verdict cannot be trusted`;
  return { ...results, status: "error", message: results.message ? `${message}\n\n${results.message}` : message, tampering: merged };
}

export function summarize(results: RunResults): string {
  const counted = results.tests.filter((t) => t.status !== "skip" && t.status !== "todo");
  const passed = counted.filter((t) => t.status === "pass").length;
  if (results.status === "pass") return counted.length === 0 ? "No tests ran" : "All tests passed";
  return `${passed} of ${counted.length} passed`;
}

export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}
