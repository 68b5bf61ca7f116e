import type { RunResults } from "../runtime/results";
import type { ExerciseProgress, ProgressStatus } from "./persisted";

/** Editing or starting a run counts as starting the exercise; a finished run may pass it. */
export type ProgressEvent = { type: "edited" } | { type: "run-started" } | { type: "ran"; results: RunResults };

/**
 * not started → in progress on the first edit or run; → passed when a run passes every test.
 * Passed stays passed: later edits or failing runs do not take an achievement away.
 */
export function nextProgress(previous: ExerciseProgress | undefined, event: ProgressEvent, now: number): ExerciseProgress {
  if (previous?.status === "passed") return { status: "passed", updatedAt: now };
  const passed = event.type === "ran" && passedAll(event.results);
  return { status: passed ? "passed" : "in-progress", updatedAt: now };
}

/** A pass with at least one test that actually ran; skipped-only runs prove nothing. */
export function passedAll(results: RunResults): boolean {
  return results.status === "pass" && results.tests.some((t) => t.status === "pass");
}

export function progressStatus(progress: ExerciseProgress | undefined): ProgressStatus {
  return progress?.status ?? "not-started";
}

export const progressLabels: Record<ProgressStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  passed: "Passed",
};
