import { fork } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { allowedPackages } from "../../exercises/packages";
import type { Exercise } from "../../exercises/pack";
import { errorResults, type RunEvent, type RunResults } from "../results";
import { RunLedger, timedOutAfter } from "../resume";
import { createWorkspace } from "./workspace";
import { pgliteDataDir } from "./pglite-data-dir";
import { progressFile, type ChildMessage, type ChildRequest } from "./protocol";
import { judge, loggedVerdicts, parseProgress, type ProgressLine, type Verdict } from "./node-watchdog";
import { SKIP_FILE } from "./resume-runner";

export interface NodeRunOptions {
  /** Per-test timeout; defaults to the exercise's `timeoutMs`. */
  timeoutMs?: number;
  onEvent?: (event: RunEvent) => void;
}

const childScript = fileURLToPath(new URL("./vitest-child.ts", import.meta.url));
// tsx lets the child load this TypeScript source directly, as bin/roadlab.js does for the CLI.
const tsxLoader = import.meta.resolve("tsx");
/** How often the watchdog reads the progress log: the bound on how late past its limit a hung test ends. */
const POLL_MS = 100;
/** A run whose tests keep hanging is given up after this many fresh children. */
const MAX_RESUMES = 20;

/** Runs an exercise's hidden tests against `learnerFiles` with real Vitest in a child process. */
export async function runNode(
  exercise: Exercise,
  learnerFiles: Record<string, string>,
  options: NodeRunOptions = {},
): Promise<RunResults> {
  const timeoutMs = options.timeoutMs ?? exercise.config.timeoutMs;
  const workspace = await createWorkspace(learnerFiles, exercise.tests, exercise.seed);
  try {
    const request: ChildRequest = {
      workspace: workspace.root,
      timeoutMs,
      allowed: [...allowedPackages(exercise.config.packages)],
      seed: exercise.seed ?? "",
      dataDirPath: exercise.seed !== undefined ? await pgliteDataDir() : undefined,
    };
    return await runResuming(request, options.onEvent);
  } finally {
    await workspace.dispose();
  }
}

/**
 * A hung test costs only itself (../resume.ts): the child is killed, the test reported timed out,
 * and a fresh child runs the tests that have no verdict yet.
 */
async function runResuming(request: ChildRequest, onEvent?: (event: RunEvent) => void): Promise<RunResults> {
  const ledger = new RunLedger(request.timeoutMs);
  for (;;) {
    writeFileSync(path.join(request.workspace, SKIP_FILE), JSON.stringify(ledger.skip));
    rmSync(progressFile(request.workspace), { force: true });
    const outcome = await superviseChild(request, (event) => {
      const kept = ledger.observe(event);
      if (kept) onEvent?.(kept);
    });
    if ("results" in outcome) return ledger.merge(outcome.results);
    // Verdicts the reporter had not passed on before the kill.
    for (const finished of loggedVerdicts(readProgress(request.workspace))) {
      if (ledger.judged.has(finished.name)) continue;
      const kept = ledger.observe({ type: "test-end", test: finished });
      if (kept) onEvent?.(kept);
    }
    const { test, file, step } = outcome.stuck;
    if (test === undefined || ledger.attempts > MAX_RESUMES) return ledger.stopped(stuckMessage(test, file, step, request.timeoutMs));
    const ended = ledger.timedOut(test);
    onEvent?.({ type: "test-end", test: ended });
  }
}

type Outcome = { results: RunResults } | { stuck: Extract<Verdict, { stuck: true }> };

function superviseChild(request: ChildRequest, onEvent: (event: RunEvent) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = fork(childScript, [], {
      execArgv: ["--import", tsxLoader],
      cwd: request.workspace,
      detached: true,
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    const startedAt = Date.now();
    let lastMessageAt: number | undefined;
    let stderr = "";
    let settled = false;

    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      killGroup(child.pid);
      resolve(outcome);
    };
    // Polled rather than slept until the next deadline: a test that starts resets its own clock.
    const timer = setInterval(() => {
      const verdict = judge({ now: Date.now(), startedAt, lastMessageAt, progress: readProgress(request.workspace), timeoutMs: request.timeoutMs });
      if ("stuck" in verdict) finish({ stuck: verdict });
    }, POLL_MS);

    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("message", (message: ChildMessage) => {
      lastMessageAt = Date.now();
      if (message.type === "done") return finish({ results: message.results });
      if (message.type !== "phase") onEvent(message);
    });
    child.on("exit", (code) => finish({ results: errorResults(`Vitest exited (code ${code}) before reporting: ${stderr.trim().slice(-500) || "no output"}`) }));
    child.on("error", (error) => finish({ results: errorResults(`Could not start Vitest: ${error.message}`) }));
    child.send(request);
  });
}

function stuckMessage(test: string | undefined, file: string | undefined, step: string, timeoutMs: number): string {
  if (test) return `Test "${test}" ${timedOutAfter(timeoutMs)}: an infinite loop?`;
  if (step === "idle") return `${file ?? "A test file"} stopped responding between tests (an infinite loop in a hook?)`;
  if (step === "startup") return "Vitest stopped responding before running any test";
  return `${file ?? "The test run"} timed out while loading (an infinite loop at import?)`;
}

function readProgress(workspace: string): ProgressLine[] {
  try {
    return parseProgress(readFileSync(progressFile(workspace), "utf8"));
  } catch {
    return [];
  }
}

function killGroup(pid: number | undefined) {
  if (!pid) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}
