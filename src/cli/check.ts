import os from "node:os";
import pLimit from "p-limit";
import pc from "picocolors";
import { duplicateCheckpointProblems, duplicateSlugProblems, mutantFiles, type Exercise, type Mutant } from "../exercises/pack";
import { restoreReadonly } from "../exercises/readonly";
import { formatProblem, type Problem } from "../exercises/problems";
import { summarize, type RunResults } from "../runtime/results";
import { loadExercise } from "./exercise-loader";
import { findPacks, isDirectory } from "./load-pack";
import { UsageError, type CliOptions } from "./options";
import { formatResults } from "./report";
import { infrastructureError, isKilled } from "./mutant-verdict";
import { withRunner, type BatchRunner } from "./runtimes";

export interface ExerciseCheck {
  dir: string;
  slug?: string;
  ok: boolean;
  problems: string[];
  /** Why the hidden tests were not run in this runtime. */
  skipped?: string;
  solution?: RunResults;
  starter?: RunResults;
  mutants?: MutantCheck[];
}

export interface MutantCheck {
  name: string;
  /** The mutant's README line: which rule it breaks. */
  readme?: string;
  /** True when at least one hidden test failed on it, as it must. */
  killed: boolean;
  results: RunResults;
}

/** `roadlab check [dirs…]`: each pack valid, its solution passing and its starter failing. */
export async function check(args: string[], options: CliOptions): Promise<number> {
  const dirs = args.length > 0 ? args : ["exercises"];
  const packDirs: string[] = [];
  for (const dir of dirs) {
    if (!(await isDirectory(dir))) throw new UsageError(`no folder at ${dir}`);
    packDirs.push(...(await findPacks(dir)));
  }
  if (packDirs.length === 0) throw new UsageError(`no exercises found under ${dirs.join(", ")}`);

  const loaded = await Promise.all(packDirs.map(loadExercise));
  const exercises = loaded.flatMap((l) => (l.exercise ? [l.exercise] : []));
  const duplicates = [...duplicateSlugProblems(exercises), ...duplicateCheckpointProblems(exercises)];

  const limit = pLimit(Math.max(1, os.availableParallelism()));
  const checks = await withRunner(options, async (_runner, runBatch) => {
    const done: ExerciseCheck[] = new Array(loaded.length);
    const report = (i: number, result: ExerciseCheck) => {
      done[i] = result;
      if (!options.json) process.stdout.write(formatCheck(result));
    };
    const toRun: number[] = [];
    loaded.forEach((l, i) => {
      const problems = [...l.problems, ...duplicates.filter((p) => [packDirs[i], l.exercise?.dir].some((d) => d && (p.file === d || p.file === `${d}/exercise.json`)))];
      if (!l.exercise || problems.length > 0) {
        report(i, { dir: l.exercise?.dir ?? packDirs[i], slug: l.exercise?.slug, ok: false, problems: problems.map(formatProblem) });
      } else if (needsContainer(l.exercise, options)) {
        report(i, { dir: l.exercise.dir, slug: l.exercise.slug, ok: true, problems: [], skipped: "needs the WebContainer runtime" });
      } else toRun.push(i);
    });
    // Every variant of an exercise in one batch: with --runtime node, one Vitest process.
    await Promise.all(toRun.map((i) => limit(async () => report(i, await checkBehaviour(loaded[i].exercise!, runBatch)))));
    return done;
  });
  const ok = checks.every((c) => c.ok);
  if (options.json) process.stdout.write(`${JSON.stringify({ ok, exercises: checks })}\n`);
  else {
    const failed = checks.filter((c) => !c.ok).length;
    const line = `${checks.length} exercise(s) checked with --runtime ${options.runtime}: ${checks.length - failed} ok, ${failed} with problems`;
    process.stdout.write(`\n${failed ? pc.red(line) : pc.green(line)}\n`);
  }
  return ok ? 0 : 1;
}

/** An exercise's solution, starter and mutants, all run in one batch. */
async function checkBehaviour(exercise: Exercise, runBatch: BatchRunner): Promise<ExerciseCheck> {
  // Graders restore read-only files; the pack's own files go through the same door (parsePack
  // already refuses a solution or mutant that changes one, so this never alters them).
  const variants = [exercise.solution, exercise.starter, ...exercise.mutants.map((m) => mutantFiles(exercise.solution, m))];
  const [solution, starter, ...mutantResults] = await runBatch(variants.map((files) => ({ exercise, files: restoreReadonly(exercise, files).files })));
  return judgeExercise(exercise, solution, starter, mutantResults);
}

function judgeExercise(exercise: Exercise, solution: RunResults, starter: RunResults, mutantResults: RunResults[]): ExerciseCheck {
  const problems: Problem[] = [];
  if (solution.status !== "pass") {
    problems.push({ file: `${exercise.dir}/solution/`, message: `must pass every hidden test, but: ${describe(solution)}` });
  }
  if (starter.status !== "fail") {
    problems.push({
      file: `${exercise.dir}/starter/`,
      message: starter.status === "pass"
        ? "passes every hidden test — the starter must fail at least one, or there is nothing to do"
        : `must run and fail at least one test, but the run errored: ${starter.message}`,
    });
  }
  const mutants: MutantCheck[] = [];
  exercise.mutants.forEach((mutant, i) => {
    const results = mutantResults[i];
    mutants.push({ name: mutant.name, readme: mutant.readme, killed: isKilled(results), results });
    const problem = mutantProblem(exercise, mutant, results);
    if (problem) problems.push(problem);
  });
  return { dir: exercise.dir, slug: exercise.slug, ok: problems.length === 0, problems: problems.map(formatProblem), solution, starter, mutants };
}

function mutantProblem(exercise: Exercise, mutant: Mutant, results: RunResults): Problem | undefined {
  const broken = infrastructureError(results);
  if (broken) return { file: exercise.dir, message: `mutant ${mutant.name} could not be run (${broken}) — run check again` };
  if (isKilled(results)) return undefined;
  return { file: exercise.dir, message: `mutant ${mutant.name} passed every test${mutant.readme ? ` — ${mutant.readme}` : ""}` };
}

/** Exercises marked `"runtime": "webcontainer"` use real node:* modules the in-page runtime lacks. */
function needsContainer(exercise: Exercise, options: CliOptions): boolean {
  return options.runtime === "browser" && exercise.config.runtime === "webcontainer";
}

function describe(results: RunResults): string {
  if (results.status === "error") return results.message ?? "the run errored";
  const failing = results.tests.filter((t) => t.status === "fail" || t.status === "error").map((t) => `"${t.name}"`);
  return `${summarize(results)} (failing: ${failing.join(", ")})`;
}

function formatCheck(result: ExerciseCheck): string {
  if (result.skipped) return `${pc.yellow("↓")} ${result.dir} ${pc.dim(`(tests not run: ${result.skipped})`)}\n`;
  if (result.ok) {
    const killed = result.mutants?.length ? `, ${result.mutants.length} mutant(s) killed` : "";
    const counts = `solution ${summarize(result.solution!)}, starter ${summarize(result.starter!)}${killed}`;
    return `${pc.green("✓")} ${result.dir} ${pc.dim(`(${counts})`)}\n${erroredMutants(result)}`;
  }
  const lines = [`${pc.red("✗")} ${result.dir}`, ...result.problems.map((p) => `    ${p}`)];
  const errored = erroredMutants(result);
  if (errored) lines.push(errored.trimEnd());
  if (result.solution && result.solution.status !== "pass") lines.push(formatResults(result.solution));
  return `${lines.join("\n")}\n`;
}

/** Mutants killed only by an error, one line each, so an author sees a mutant that does not load. */
function erroredMutants(result: ExerciseCheck): string {
  return (result.mutants ?? [])
    .filter((m) => m.results.status === "error")
    .map((m) => `    ${pc.yellow("!")} mutant ${m.name} errored instead of failing a test: ${(m.results.message ?? "").split("\n")[0]}\n`)
    .join("");
}
