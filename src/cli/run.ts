import { formatProblem } from "../exercises/problems";
import { restoredLine, restoreReadonly } from "../exercises/readonly";
import { loadExercise } from "./exercise-loader";
import { isDirectory, readLearnerFiles } from "./load-pack";
import { UsageError, type CliOptions } from "./options";
import { formatResults } from "./report";
import { withRunner } from "./runtimes";

/** `roadlab run <exercise-dir> --files <dir>`: hidden tests against the learner's files. */
export async function run(args: string[], options: CliOptions): Promise<number> {
  if (args.length !== 1) throw new UsageError("run takes one exercise folder: roadlab run <exercise-dir> --files <dir>");
  if (!options.files) throw new UsageError("run needs --files <dir>: the folder with the learner's files");
  const [dir] = args;
  if (!(await isDirectory(dir))) throw new UsageError(`no exercise folder at ${dir}`);
  if (!(await isDirectory(options.files))) throw new UsageError(`--files: no folder at ${options.files}`);

  const { exercise, problems } = await loadExercise(dir);
  if (!exercise) {
    for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
    return 2;
  }
  if (options.runtime === "browser" && exercise.config.runtime === "webcontainer") {
    throw new UsageError(`${exercise.dir} needs the WebContainer runtime (real Node); use --runtime node`);
  }
  const { files, restored } = restoreReadonly(exercise, await readLearnerFiles(options.files));
  const results = await withRunner(options, (runTests) => runTests({ exercise, files }));
  if (options.json) process.stdout.write(`${JSON.stringify(restored.length ? { ...results, restored } : results)}\n`);
  else process.stdout.write(`${restored.length ? `${restoredLine(restored)}\n\n` : ""}${formatResults(results)}\n`);
  return results.status === "pass" ? 0 : 1;
}
