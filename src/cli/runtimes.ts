import type { Exercise } from "../exercises/pack";
import type { RunEvent, RunResults } from "../runtime/results";
import type { RunRequest } from "../runtime/types";
import { runNode, runNodeBatch } from "../runtime/node/run-node";
import type { CliOptions } from "./options";

export interface TestRun {
  exercise: Exercise;
  files: Record<string, string>;
  onEvent?: (event: RunEvent) => void;
}

/** Runs hidden tests in the runtime the user chose; both give results of the same shape. */
export type Runner = (run: TestRun) => Promise<RunResults>;

/** Runs many at once where the runtime can (Node: one Vitest process), results in the same order. */
export type BatchRunner = (runs: readonly TestRun[]) => Promise<RunResults[]>;

/** Opens the chosen runtime for the duration of `use` (for the browser: one Chromium, reused). */
export async function withRunner<T>(options: CliOptions, use: (runner: Runner, batch: BatchRunner) => Promise<T>): Promise<T> {
  if (options.runtime === "node") {
    return use(
      ({ exercise, files, onEvent }) => runNode(exercise, files, { timeoutMs: options.timeoutMs, onEvent }),
      (runs) => runNodeBatch(runs.map((run) => ({ ...run, timeoutMs: options.timeoutMs }))),
    );
  }
  const { BrowserSession } = await import("./browser/browser-session");
  const session = await BrowserSession.open((line) => process.stderr.write(`${line}\n`));
  try {
    const runner: Runner = ({ exercise, files, onEvent }) => session.run(toRequest(exercise, files, options.timeoutMs), onEvent);
    return await use(runner, async (runs) => {
      const results: RunResults[] = [];
      for (const run of runs) results.push(await runner(run));
      return results;
    });
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
