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
