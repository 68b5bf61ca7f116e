/**
 * One @vitest/runner test task as a TestResult, with the same state mapping Vitest's reporter API
 * applies (TestCase.result() and .diagnostic() in vitest/dist/chunks/cli-api.*.js), so both runtimes
 * report skip/todo/fail and durations alike.
 */
import type { Test } from "@vitest/runner";
import type { TestResult } from "../../results";
import { errorMessage } from "./error-message";

export function testResult(test: Test, output?: string): TestResult {
  const result = test.result;
  const state = result?.state ?? test.mode;
  const [status, message]: [TestResult["status"], string?] =
    state === "pass" ? ["pass"]
    : state === "fail" ? ["fail", errorMessage(result?.errors?.[0])]
    : state === "skip" || state === "todo" ? [test.mode === "todo" ? "todo" : "skip"]
    : ["error", "did not finish"];
  // A skipped test's final result never keeps its startTime, so Vitest reports no duration for it.
  const duration = result?.startTime && status !== "skip" ? (result.duration ?? 0) : undefined;
  return {
    name: test.fullTestName,
    status,
    ...(message === undefined ? {} : { message }),
    ...(output ? { output } : {}),
    ...(duration === undefined ? {} : { duration_ms: Math.round(duration) }),
  };
}
