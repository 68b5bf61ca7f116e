import path from "node:path";
import type { Exercise } from "../../src/exercises/pack";
import { formatProblem } from "../../src/exercises/problems";
import { loadExercise } from "../../src/cli/exercise-loader";
import { readLearnerFiles } from "../../src/cli/load-pack";
import { repoRoot } from "./cli";

export async function exerciseAt(dir: string): Promise<Exercise> {
  const { exercise, problems } = await loadExercise(path.join(repoRoot, dir));
  if (!exercise) throw new Error(problems.map(formatProblem).join("\n"));
  return exercise;
}

export function learnerFiles(dir: string): Promise<Record<string, string>> {
  return readLearnerFiles(path.join(repoRoot, dir));
}
