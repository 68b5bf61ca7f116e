import type { Exercise } from "../../src/exercises/pack";
import { LogChain, replayFiles, taskHash, type LogEntry, type Submission } from "../../src/exercises/submission";

export interface SubmissionOptions {
  /** Test files the candidate could run; default: the first test file. */
  visible?: string[];
  minutes?: number | null;
  /** Sizes of pastes logged before the edit, e.g. [120, 8]. */
  pastes?: number[];
  focusLosses?: number;
  /** Run events logged after the edit. */
  runs?: number;
  /** Milliseconds from start to submit. */
  usedMs?: number;
  /** Hash the task from other parts than the exercise's (a submission for another version). */
  taskOverride?: { readme?: string };
}

/**
 * A submission as the candidate page would write it: a start event with the exercise's starter,
 * then one edit per changed file that turns it into `files`, chained with LogChain from the
 * task's hash.
 */
export async function makeSubmission(exercise: Exercise, files: Record<string, string>, opts: SubmissionOptions = {}): Promise<Submission> {
  const visible = opts.visible ?? [Object.keys(exercise.tests).filter((f) => f.endsWith(".test.ts")).sort()[0]];
  const minutes = opts.minutes === undefined ? 45 : opts.minutes;
  const hash = await taskHash({
    slug: exercise.slug,
    readme: opts.taskOverride?.readme ?? exercise.readme,
    starter: exercise.starter,
    tests: exercise.tests,
    visible,
    minutes,
  });
  const startedAt = "2026-12-01T10:00:00.000Z";
  const usedMs = opts.usedMs ?? 20 * 60_000;
  const entries: LogEntry[] = [{ type: "start", t: 0, files: { ...exercise.starter }, startedAt }];
  for (let i = 0; i < (opts.focusLosses ?? 0); i++) entries.push({ type: "blur", t: 1000 + i * 2000 }, { type: "focus", t: 2000 + i * 2000 });
  const changed = Object.keys(files).filter((name) => files[name] !== exercise.starter[name]).sort();
  let t = 60_000;
  const added = changed.filter((name) => !(name in exercise.starter));
  if (added.length) entries.push({ type: "set-files", t: t - 1, files: { ...exercise.starter, ...Object.fromEntries(added.map((n) => [n, ""])) } });
  const pastes = [...(opts.pastes ?? [])];
  for (const name of changed) {
    const paste = pastes.shift();
    if (paste !== undefined) entries.push({ type: "paste", t, file: name, length: paste });
    const before = exercise.starter[name] ?? "";
    entries.push({ type: "edit", t, file: name, changes: [{ rangeOffset: 0, rangeLength: before.length, text: files[name] }] });
    t += 60_000;
  }
  for (const paste of pastes) entries.push({ type: "paste", t: t++, file: changed[0] ?? Object.keys(files)[0], length: paste });
  for (let i = 0; i < (opts.runs ?? 0); i++) entries.push({ type: "run", t: t + i * 1000, passed: 0, total: 1 });
  entries.push({ type: "submit", t: Math.max(usedMs, t + 10_000), reason: "submitted" });
  const chain = new LogChain(hash);
  for (const entry of entries) void chain.append(entry);
  const log = await chain.events();
  return {
    format: "roadlab-submission",
    version: 1,
    task: { slug: exercise.slug, title: exercise.config.title, hash, minutes, visible },
    startedAt,
    submittedAt: new Date(Date.parse(startedAt) + usedMs).toISOString(),
    files: replayFiles(log),
    runs: log.filter((e) => e.type === "run").map((e) => ({ seq: e.seq, results: { version: 2, status: "fail", tests: [] } })),
    log,
  };
}
