import type { Exercise } from "../exercises/pack";
import type { RunEvent, RunResults } from "../runtime/results";
import type { RunRequest } from "../runtime/types";
import { runNode } from "../runtime/node/run-node";
import type { CliOptions } from "./options";

export interface TestRun {
  exercise: Exercise;
  files: Record<string, string>;
  onEvent?: (event: RunEvent) => void;
}

/** Runs hidden tests in the runtime the user chose; both give results of the same shape. */
export type Runner = (run: TestRun) => Promise<RunResults>;

/** Opens the chosen runtime for the duration of `use` (for the browser: one Chromium, reused). */
export async function withRunner<T>(options: CliOptions, use: (runner: Runner) => Promise<T>): Promise<T> {
  if (options.runtime === "node") {
    return use(({ exercise, files, onEvent }) => runNode(exercise, files, { timeoutMs: options.timeoutMs, onEvent }));
  }
  const { BrowserSession } = await import("./browser/browser-session");
  const session = await BrowserSession.open((line) => process.stderr.write(`${line}\n`));
  try {
    return await use(({ exercise, files, onEvent }) => session.run(toRequest(exercise, files, options.timeoutMs), onEvent));
  } finally {
    await session.close();
  }
}

export function toRequest(exercise: Exercise, files: Record<string, string>, timeoutMs?: number): RunRequest {
  return {
    tests: exercise.tests,
    files,
    seed: exercise.seed,
    timeoutMs: timeoutMs ?? exercise.config.timeoutMs,
    packages: exercise.config.packages,
  };
}
