import os from "node:os";
import pLimit from "p-limit";
import pc from "picocolors";
import { duplicateCheckpointProblems, duplicateSlugProblems, type Exercise } from "../exercises/pack";
import { formatProblem, type Problem } from "../exercises/problems";
import { summarize, type RunResults } from "../runtime/results";
import { loadExercise } from "./exercise-loader";
import { findPacks, isDirectory } from "./load-pack";
import { UsageError, type CliOptions } from "./options";
import { formatResults } from "./report";
import { withRunner, type Runner } from "./runtimes";

export interface ExerciseCheck {
  dir: string;
  slug?: string;
  ok: boolean;
  problems: string[];
  /** Why the hidden tests were not run in this runtime. */
  skipped?: string;
  solution?: RunResults;
  starter?: RunResults;
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
  const checks = await withRunner(options, (runTests) => Promise.all(
    loaded.map((l, i) =>
      limit(async () => {
        const problems = [...l.problems, ...duplicates.filter((p) => [packDirs[i], l.exercise?.dir].some((d) => d && (p.file === d || p.file === `${d}/exercise.json`)))];
        const result: ExerciseCheck = !l.exercise || problems.length > 0
          ? { dir: l.exercise?.dir ?? packDirs[i], slug: l.exercise?.slug, ok: false, problems: problems.map(formatProblem) }
          : needsContainer(l.exercise, options)
            ? { dir: l.exercise.dir, slug: l.exercise.slug, ok: true, problems: [], skipped: "needs the WebContainer runtime" }
            : await checkBehaviour(l.exercise, runTests);
        if (!options.json) process.stdout.write(formatCheck(result));
        return result;
      }),
    ),
  ));
  const ok = checks.every((c) => c.ok);
  if (options.json) process.stdout.write(`${JSON.stringify({ ok, exercises: checks })}\n`);
  else {
    const failed = checks.filter((c) => !c.ok).length;
    const line = `${checks.length} exercise(s) checked with --runtime ${options.runtime}: ${checks.length - failed} ok, ${failed} with problems`;
    process.stdout.write(`\n${failed ? pc.red(line) : pc.green(line)}\n`);
  }
  return ok ? 0 : 1;
}

async function checkBehaviour(exercise: Exercise, runTests: Runner): Promise<ExerciseCheck> {
  const solution = await runTests({ exercise, files: exercise.solution });
  const starter = await runTests({ exercise, files: exercise.starter });
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
  return { dir: exercise.dir, slug: exercise.slug, ok: problems.length === 0, problems: problems.map(formatProblem), solution, starter };
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
    const counts = `solution ${summarize(result.solution!)}, starter ${summarize(result.starter!)}`;
    return `${pc.green("✓")} ${result.dir} ${pc.dim(`(${counts})`)}\n`;
  }
  const lines = [`${pc.red("✗")} ${result.dir}`, ...result.problems.map((p) => `    ${p}`)];
  if (result.solution && result.solution.status !== "pass") lines.push(formatResults(result.solution));
  return `${lines.join("\n")}\n`;
}
