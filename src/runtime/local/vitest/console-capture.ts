/**
 * The learner's console output, per test, while a run is in progress. Vitest's worker swaps in a
 * Node Console that writes `util.format(...args) + "\n"`; @vitest/utils' format is its portable twin.
 * Output outside a test (imports, beforeAll/afterAll) is dropped, as the Node runtime drops it.
 */
import { getCurrentTest, type Test } from "@vitest/runner";
import { format } from "@vitest/utils/display";

const METHODS = ["log", "info", "warn", "error", "debug"] as const;

export interface ConsoleCapture {
  /** Everything the test printed, or undefined if nothing. */
  outputOf(test: Test): string | undefined;
  restore(): void;
}

export function captureConsole(): ConsoleCapture {
  const output = new WeakMap<Test, string>();
  const originals = METHODS.map((method) => [method, console[method]] as const);
  for (const method of METHODS) {
    console[method] = (...args: unknown[]) => {
      const test = getCurrentTest();
      if (test) output.set(test, `${output.get(test) ?? ""}${format(...args)}\n`);
    };
  }
  return {
    outputOf: (test) => output.get(test),
    restore() {
      for (const [method, original] of originals) console[method] = original;
    },
  };
}
