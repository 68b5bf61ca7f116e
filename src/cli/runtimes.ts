import type { Exercise } from "../exercises/pack";
import type { RunEvent, RunResults } from "../runtime/results";
import { runNode } from "../runtime/node/run-node";
import { UsageError, type CliOptions } from "./options";

export interface RunRequest {
  exercise: Exercise;
  files: Record<string, string>;
  onEvent?: (event: RunEvent) => void;
}

/** Runs hidden tests in the runtime the user chose; both give results of the same shape. */
export async function runTests(options: CliOptions, request: RunRequest): Promise<RunResults> {
  if (options.runtime === "browser") {
    throw new UsageError("--runtime browser is not available yet; use --runtime node");
  }
  return runNode(request.exercise, request.files, { timeoutMs: options.timeoutMs, onEvent: request.onEvent });
}
