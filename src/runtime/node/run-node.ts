import { rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { allowedPackages } from "../../exercises/packages";
import type { Exercise } from "../../exercises/pack";
import type { RunEvent, RunResults } from "../results";
import { RunLedger, timedOutAfter } from "../resume";
import { createBatchRoot, writeWorkspace } from "./workspace";
import { pgliteDataDir } from "./pglite-data-dir";
import { progressFile, tamperingFile, type VariantRequest } from "./protocol";
import { loggedVerdicts } from "./node-watchdog";
import { readProgress, superviseChild } from "./vitest-supervisor";
import { SKIP_FILE } from "./resume-runner";

export interface NodeRunOptions {
  /** Per-test timeout; defaults to the exercise's `timeoutMs`. */
  timeoutMs?: number;
  onEvent?: (event: RunEvent) => void;
}

/** One set of learner files to test against an exercise's hidden tests. */
export interface NodeRun extends NodeRunOptions {
  exercise: Exercise;
  files: Record<string, string>;
}

/** A run whose tests keep hanging is given up after this many fresh children. */
const MAX_RESUMES = 20;

/** Runs an exercise's hidden tests against `learnerFiles` with real Vitest in a child process. */
export async function runNode(exercise: Exercise, learnerFiles: Record<string, string>, options: NodeRunOptions = {}): Promise<RunResults> {
  const [results] = await runNodeBatch([{ exercise, files: learnerFiles, ...options }]);
  return results;
}

/**
 * Runs several sets of learner files (a solution, a starter, mutants; of one exercise or several)
 * in ONE Vitest child: each gets a workspace of its own under one root, run as a Vitest project,
 * so Vitest starts once instead of once per set. Test files stay isolated from each other as ever.
 */
export async function runNodeBatch(runs: readonly NodeRun[]): Promise<RunResults[]> {
  if (runs.length === 0) return [];
  const batch = await createBatchRoot();
  try {
    const dataDir = runs.some((r) => r.exercise.seed !== undefined) ? await pgliteDataDir() : undefined;
    const variants: VariantRequest[] = [];
    for (const [i, run] of runs.entries()) {
      const workspace = path.join(batch.root, `v${i}`);
      await writeWorkspace(workspace, run.files, run.exercise.tests, run.exercise.seed);
      variants.push({
        id: `v${i}`,
        workspace,
        timeoutMs: run.timeoutMs ?? run.exercise.config.timeoutMs,
        allowed: [...allowedPackages(run.exercise.config.packages)],
        seed: run.exercise.seed ?? "",
        dataDirPath: run.exercise.seed !== undefined ? dataDir : undefined,
      });
    }
    const results = await runResuming(batch.root, variants, (i) => runs[i].onEvent);
    return variants.map((v) => results.get(v.id)!);
  } finally {
    await batch.dispose();
  }
}

/**
 * A hung test costs only itself (../resume.ts): the child is killed, the test reported timed out,
 * and a fresh child runs the tests that have no verdict yet. Variants the kill interrupted start
 * over from where their own last attempt left them, as if the other variant's hang never happened;
 * variants that had finished keep their results.
 */
async function runResuming(
  root: string,
  variants: readonly VariantRequest[],
  onEventOf: (index: number) => ((event: RunEvent) => void) | undefined,
): Promise<Map<string, RunResults>> {
  const ledgers = new Map(variants.map((v) => [v.id, new RunLedger(v.timeoutMs)]));
  const listeners = new Map(variants.map((v, i) => [v.id, onEventOf(i)]));
  const final = new Map<string, RunResults>();
  for (;;) {
    const pending = variants.filter((v) => !final.has(v.id));
    if (pending.length === 0) return final;
    const attempt = new Map(pending.map((v) => [v.id, ledgers.get(v.id)!.clone()]));
    const tamperedBefore = new Map(pending.map((v) => [v.id, sizeOf(tamperingFile(v.workspace))]));
    for (const v of pending) {
      writeFileSync(path.join(v.workspace, SKIP_FILE), JSON.stringify(ledgers.get(v.id)!.skip));
      rmSync(progressFile(v.workspace), { force: true });
    }
    const emit = (id: string, event: RunEvent) => {
      const kept = attempt.get(id)?.observe(event);
      if (kept) listeners.get(id)?.(kept);
    };
    const outcome = await superviseChild({ root, variants: pending }, emit);
    for (const v of pending) {
      const results = outcome.results.get(v.id);
      if (results) final.set(v.id, attempt.get(v.id)!.merge(results));
    }
    if (!outcome.stuck) continue;
    const { test, file, step, variant } = outcome.stuck;
    for (const v of pending) {
      if (final.has(v.id)) continue;
      const ledger = attempt.get(v.id)!;
      if (variant !== undefined && variant !== v.id) {
        // Interrupted by another variant's hung test: this attempt does not count.
        truncateTo(tamperingFile(v.workspace), tamperedBefore.get(v.id)!);
        continue;
      }
      // Verdicts the reporter had not passed on before the kill.
      for (const finished of loggedVerdicts(readProgress(v.workspace))) {
        if (!ledger.judged.has(finished.name)) emit(v.id, { type: "test-end", test: finished });
      }
      if (test === undefined || ledger.attempts > MAX_RESUMES) {
        final.set(v.id, ledger.stopped(stuckMessage(test, file, step, v.timeoutMs)));
      } else {
        const ended = ledger.timedOut(test);
        listeners.get(v.id)?.({ type: "test-end", test: ended });
      }
      ledgers.set(v.id, ledger);
    }
  }
}

function stuckMessage(test: string | undefined, file: string | undefined, step: string, timeoutMs: number): string {
  if (test) return `Test "${test}" ${timedOutAfter(timeoutMs)}: an infinite loop?`;
  if (step === "idle") return `${file ?? "A test file"} stopped responding between tests (an infinite loop in a hook?)`;
  if (step === "startup") return "Vitest stopped responding before running any test";
  return `${file ?? "The test run"} timed out while loading (an infinite loop at import?)`;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function truncateTo(file: string, size: number) {
  try {
    if (size === 0) rmSync(file, { force: true });
    else truncateSync(file, size);
  } catch {
    // Nothing was written.
  }
}
