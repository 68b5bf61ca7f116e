import path from "node:path";
import type { Exercise } from "../../exercises/pack";
import { restoreReadonly } from "../../exercises/readonly";
import { checkIntegrity, sessionFacts, taskHash, type Submission } from "../../exercises/submission";
import type { RunResults, TestResult } from "../../runtime/results";
import type { Runner } from "../runtimes";
import type { CandidateFacts, Graded, GradedTest } from "./report-types";

/** Each hidden test, the file it is in and what the solution made of it. */
export interface Baseline {
  tests: { file: string; name: string; status: TestResult["status"] }[];
  /**
   * True when two files share a test name: results carry names, not files, so each submission is
   * then run once per file. Otherwise once for all files, and names tell the files apart.
   */
  perFile: boolean;
}

const isTestFile = (name: string) => name.endsWith(".test.ts");

/** The exercise with only `file` among its test files (helpers under tests/ kept). */
function withOnly(exercise: Exercise, file: string): Exercise {
  return { ...exercise, tests: Object.fromEntries(Object.entries(exercise.tests).filter(([name]) => !isTestFile(name) || name === file)) };
}

/** Runs the solution once per test file, to learn which test lives in which file. */
export async function solutionBaseline(exercise: Exercise, runner: Runner): Promise<Baseline> {
  const files = Object.keys(exercise.tests).filter(isTestFile).sort();
  const tests: Baseline["tests"] = [];
  for (const file of files) {
    const results = await runner({ exercise: withOnly(exercise, file), files: restoreReadonly(exercise, exercise.solution).files });
    if (results.status !== "pass") {
      throw new Error(`${exercise.dir}: the solution does not pass ${file} (${results.message?.split("\n")[0] ?? "tests fail"}) — run "roadlab check ${exercise.dir}"`);
    }
    tests.push(...results.tests.map((t) => ({ file, name: t.name, status: t.status })));
  }
  const names = new Set(tests.map((t) => t.name));
  return { tests, perFile: names.size !== tests.length };
}

/** taskHash of the exercise folder as handed out with the submission's visible tests and time limit. */
export function exerciseTaskHash(exercise: Exercise, task: Pick<Submission["task"], "visible" | "minutes">): Promise<string> {
  return taskHash({ slug: exercise.slug, readme: exercise.readme, starter: exercise.starter, tests: exercise.tests, visible: task.visible, minutes: task.minutes });
}

/** Every hidden test on the submission's files (read-only files from the starter), integrity flagged. */
export async function gradeSubmission(exercise: Exercise, baseline: Baseline, submission: Submission, file: string, runner: Runner): Promise<Graded> {
  const { files, restored } = restoreReadonly(exercise, submission.files);
  const runs = baseline.perFile
    ? await Promise.all([...new Set(baseline.tests.map((t) => t.file))].map(async (f) => ({ file: f, results: await runner({ exercise: withOnly(exercise, f), files }) })))
    : [{ file: undefined, results: await runner({ exercise, files }) }];
  const tests = verdicts(baseline, runs, new Set(submission.task.visible));
  const counted = tests.filter((t) => t.status !== "skip" && t.status !== "todo");
  const passed = counted.filter((t) => t.status === "pass").length;
  const flags = await integrityFlags(exercise, submission);
  if (restored.length) flags.push(`read-only ${restored.join(", ")} restored from the starter`);
  const tampered = runs.flatMap((r) => r.results.tampering ?? []);
  if (tampered.length) flags.push(`tampered with the test runtime (${tampered[0].what} at ${tampered[0].where}): score set to 0`);
  const runError = runs.map((r) => r.results).find((r) => r.status === "error" && !r.tampering?.length)?.message;
  return {
    file,
    candidate: path.basename(file).replace(/\.json$/i, ""),
    score: tampered.length || counted.length === 0 ? 0 : Math.round((100 * passed) / counted.length),
    passed: tampered.length ? 0 : passed,
    total: counted.length,
    tests,
    ...(runError ? { runError } : {}),
    facts: facts(submission),
    flags,
  };
}

/** The baseline's tests in order, each with the submission's verdict; one that never ran is an error. */
function verdicts(baseline: Baseline, runs: { file?: string; results: RunResults }[], visible: Set<string>): GradedTest[] {
  const pools = runs.map((r) => ({ file: r.file, results: r.results, left: [...r.results.tests] }));
  return baseline.tests.map(({ file, name }) => {
    const pool = pools.find((p) => p.file === undefined || p.file === file)!;
    const index = pool.left.findIndex((t) => t.name === name);
    const found = index >= 0 ? pool.left.splice(index, 1)[0] : undefined;
    const base = { file, name, withheld: !visible.has(file) };
    if (!found) return { ...base, status: "error", message: firstLine(pool.results.message) ?? "did not run" };
    return { ...base, status: found.status, ...(found.message ? { message: found.message } : {}) };
  });
}

async function integrityFlags(exercise: Exercise, submission: Submission): Promise<string[]> {
  const integrity = await checkIntegrity(submission, await exerciseTaskHash(exercise, submission.task));
  const flags: string[] = [];
  if (!integrity.sameTask) flags.push(submission.task.slug === exercise.slug ? "different task (another version of the exercise)" : `different task (${submission.task.slug})`);
  if (integrity.chain) flags.push(`log altered (event ${integrity.chain.seq})`);
  if (!integrity.filesMatchLog) flags.push("files differ from the log");
  return flags;
}

function facts(submission: Submission): CandidateFacts {
  const session = sessionFacts(submission.log);
  return {
    usedMs: session.usedMs,
    minutes: submission.task.minutes,
    pastes: session.pastes.length,
    pastedChars: session.pastes.reduce((a, b) => a + b, 0),
    largestPaste: Math.max(0, ...session.pastes),
    focusLosses: session.focusLosses,
    runs: session.runs,
    reloads: session.reloads,
  };
}

function firstLine(text: string | undefined): string | undefined {
  return text?.split("\n")[0];
}
