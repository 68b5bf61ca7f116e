import { duplicateCheckpointProblems, duplicateSlugProblems, type Exercise } from "../../exercises/pack";
import { formatProblem } from "../../exercises/problems";
import { loadExercise } from "../exercise-loader";
import { findPacks, isDirectory } from "../load-pack";
import { UsageError } from "../options";

/** The packs under `dirs` when every one is valid; else the one-line problems `check` prints for them. */
export type ValidPacks = { ok: true; exercises: Exercise[] } | { ok: false; problems: string[] };

/**
 * What `check` does before it runs any test — schema, files, duplicate slugs and checkpoints — for
 * the commands that ship exercises (`build`, `scorm`): a pack `check` refuses is never published.
 * `exactDirs` (scorm) takes each dir as one exercise instead of searching under it.
 */
export async function validPacks(dirs: readonly string[], exactDirs = false): Promise<ValidPacks> {
  const packDirs: string[] = [];
  for (const dir of dirs) {
    if (!(await isDirectory(dir))) throw new UsageError(`no folder at ${dir}`);
    packDirs.push(...(exactDirs ? [dir] : await findPacks(dir)));
  }
  if (packDirs.length === 0) throw new UsageError(`no exercises found under ${dirs.join(", ")}`);
  const loaded = await Promise.all(packDirs.map(loadExercise));
  const exercises = loaded.flatMap((l) => (l.exercise ? [l.exercise] : []));
  const problems = [
    ...loaded.flatMap((l) => l.problems),
    ...duplicateSlugProblems(exercises),
    ...duplicateCheckpointProblems(exercises),
  ].map(formatProblem);
  return problems.length > 0 || exercises.length < loaded.length ? { ok: false, problems } : { ok: true, exercises };
}
