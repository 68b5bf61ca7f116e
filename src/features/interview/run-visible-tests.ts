import type { ExerciseConfig } from "../../exercises/schema";
import type { ExerciseFiles } from "../../exercises/catalog";
import { errorResults, type RunEvent, type RunResults } from "../../runtime/results";
import { appStore, learnerFiles } from "../../store";
import { batchPerFrame } from "../../store/runtime-slice";

/**
 * Runs the bundle's tests (only the visible ones are in it) on the candidate's files through the
 * app's runtime, outside the learner store so nothing of the task lands in its saved state.
 */
export async function runVisibleTests(
  exercise: ExerciseFiles,
  files: Record<string, string>,
  config: ExerciseConfig,
  onEvents: (events: RunEvent[]) => void,
): Promise<RunResults> {
  const append = batchPerFrame(onEvents);
  try {
    const runtime = await appStore.getState().startRuntime();
    const handle = runtime.run(
      { tests: exercise.tests, files: learnerFiles(exercise.starter, files, config.readonly), seed: exercise.seed, timeoutMs: config.timeoutMs, packages: config.packages },
      append,
    );
    const outcome = await handle.outcome;
    append.flush();
    return outcome.cancelled ? errorResults("The run was cancelled") : outcome.results;
  } catch (error) {
    return errorResults(`The test runtime could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
