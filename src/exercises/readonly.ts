import type { ExerciseConfig } from "./schema";

export interface Restored {
  /** The files to run: the submission with every read-only file taken from starter/. */
  files: Record<string, string>;
  /** Read-only files whose submitted copy differed from starter/ and was replaced, sorted. */
  restored: string[];
}

/**
 * Graders (`run`, `check`, and later `grade`) never trust a submitted copy of a read-only file
 * (`impl.ts`, a fixture): editing it would be a way to pass. A missing copy is supplied silently.
 */
export function restoreReadonly(
  exercise: { config: Pick<ExerciseConfig, "readonly">; starter: Record<string, string> },
  submitted: Record<string, string>,
): Restored {
  const files = { ...submitted };
  const restored: string[] = [];
  for (const name of exercise.config.readonly) {
    const original = exercise.starter[name];
    if (original === undefined) continue;
    if (name in submitted && submitted[name] !== original) restored.push(name);
    files[name] = original;
  }
  return { files, restored: restored.sort() };
}

/** The line `run` prints, and `grade` will, when read-only files were restored. */
export function restoredLine(restored: readonly string[]): string {
  const list = restored.join(", ");
  return `Restored ${list} from the exercise's starter/: ${restored.length === 1 ? "it is" : "they are"} read-only, so the submitted ${restored.length === 1 ? "copy was" : "copies were"} not used.`;
}
