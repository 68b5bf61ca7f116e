import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import pLimit from "p-limit";
import { formatProblem } from "../../exercises/problems";
import { parseSubmission, SubmissionError } from "../../exercises/submission";
import { loadExercise } from "../exercise-loader";
import { isDirectory } from "../load-pack";
import { UsageError } from "../options";
import { usage } from "../usage";
import { withRunner } from "../runtimes";
import { gradeSubmission, solutionBaseline } from "./grade-core";
import { htmlReport } from "./html-report";
import { junitReport } from "./junit-report";
import { mergeReports } from "./merge";
import type { Graded, GradeError, GradeReport } from "./report-types";
import { formatReport } from "./text-report";

const options = {
  exercise: { type: "string" },
  runtime: { type: "string", default: "browser" },
  json: { type: "boolean", default: false },
  junit: { type: "string" },
  html: { type: "string" },
  shard: { type: "string" },
  concurrency: { type: "string", default: "2" },
  timeout: { type: "string" },
  merge: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/**
 * `roadlab grade <submission-file|dir>… --exercise <dir>`: every hidden test, withheld ones too,
 * on each submission. Exit 0 when every file was graded (whatever the scores), 1 when some could
 * not be, 2 for bad usage.
 */
export async function grade(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(values.merge ? "grade --merge needs the JSON reports to merge" : "grade needs submission files or folders: roadlab grade <submission-file|dir>… --exercise <dir>");
  const report = values.merge ? await mergeReports(positionals) : await gradeAll(positionals, values);
  for (const e of report.errors) process.stderr.write(`roadlab: ${e.file}: ${e.message}\n`);
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  if (values.junit) await writeFile(values.junit, junitReport(report));
  if (values.html) await writeFile(values.html, htmlReport(report));
  return report.errors.length ? 1 : 0;
}

async function gradeAll(inputs: string[], values: { exercise?: string; runtime?: string; shard?: string; concurrency?: string; timeout?: string }): Promise<GradeReport> {
  if (!values.exercise) throw new UsageError("grade needs --exercise <dir>: the exercise the submissions were made for");
  if (values.runtime !== "node" && values.runtime !== "browser") throw new UsageError(`--runtime must be "browser" or "node", got "${values.runtime}"`);
  const shard = parseShard(values.shard);
  const concurrency = wholeNumber("--concurrency", values.concurrency ?? "2");
  const timeoutMs = values.timeout === undefined ? undefined : wholeNumber("--timeout", values.timeout);
  if (!(await isDirectory(values.exercise))) throw new UsageError(`--exercise: no exercise folder at ${values.exercise}`);
  const { exercise, problems } = await loadExercise(values.exercise);
  if (!exercise) throw new UsageError(problems.map(formatProblem).join("; "));
  if (values.runtime === "browser" && exercise.config.runtime === "webcontainer") {
    throw new UsageError(`${exercise.dir} needs the WebContainer runtime (real Node); use --runtime node`);
  }
  if (values.runtime === "node") {
    process.stderr.write("roadlab: warning: --runtime node runs each candidate's code as a Node process with your privileges (files, network); the default --runtime browser keeps it in Chromium's sandbox.\n");
  }
  const files = (await submissionFiles(inputs)).filter((_, i) => !shard || i % shard.n === shard.i - 1);

  const errors: GradeError[] = [];
  const read = await Promise.all(files.map(async (file) => {
    try {
      return { file, submission: parseSubmission(await readFile(file, "utf8")) };
    } catch (error) {
      if (!(error instanceof SubmissionError) && !(error as { code?: string }).code?.startsWith("E")) throw error;
      errors.push({ file, message: (error as Error).message });
      return undefined;
    }
  }));
  const readable = read.flatMap((r) => (r ? [r] : []));
  const progress = progressLine(readable.length);
  const graded: Graded[] = [];
  if (readable.length) {
    await withRunner({ runtime: values.runtime, json: true, timeoutMs }, async (runner) => {
      const limit = pLimit(concurrency);
      const limited: typeof runner = (run) => limit(() => runner(run));
      const baseline = await solutionBaseline(exercise, limited);
      await Promise.all(readable.map(async ({ file, submission }) => {
        graded.push(await gradeSubmission(exercise, baseline, submission, file, limited));
        progress(graded.length);
      }));
    });
  }
  const order = new Map(files.map((f, i) => [f, i]));
  graded.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
  errors.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
  return { exercise: { slug: exercise.slug, title: exercise.config.title, dir: exercise.dir }, graded, errors };
}

/** Files as given and every *.json in given folders, in one stable order (by path) for sharding. */
async function submissionFiles(inputs: string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new UsageError(`no submission file or folder at ${input}`);
    if (!info.isDirectory()) files.add(input);
    else for (const name of await readdir(input)) if (name.toLowerCase().endsWith(".json")) files.add(path.join(input, name));
  }
  return [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function parseShard(text: string | undefined): { i: number; n: number } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const [i, n] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || n < 1 || i < 1 || i > n) throw new UsageError(`--shard must be <i>/<n> with 1 ≤ i ≤ n (e.g. 1/4), got "${text}"`);
  return { i, n };
}

function wholeNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} must be a whole number of at least 1, got "${text}"`);
  return value;
}

/** "Graded 3 of 20" on stderr, rewritten in place, only when a person is watching. */
function progressLine(total: number): (done: number) => void {
  if (!process.stderr.isTTY || total === 0) return () => {};
  return (done) => process.stderr.write(`\rGraded ${done} of ${total}${done === total ? "\n" : ""}`);
}
