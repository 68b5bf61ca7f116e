import { fork } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { allowedPackages } from "../../exercises/packages";
import type { Exercise } from "../../exercises/pack";
import { errorResults, type RunEvent, type RunResults } from "../results";
import { createWorkspace } from "./workspace";
import { pgliteDataDir } from "./pglite-data-dir";
import { progressFile, type ChildMessage, type ChildRequest } from "./protocol";
import { judge, type Progress } from "./node-watchdog";

export interface NodeRunOptions {
  /** Per-test timeout; defaults to the exercise's `timeoutMs`. */
  timeoutMs?: number;
  onEvent?: (event: RunEvent) => void;
}


const childScript = fileURLToPath(new URL("./vitest-child.ts", import.meta.url));
// tsx lets the child load this TypeScript source directly, as bin/roadlab.js does for the CLI.
const tsxLoader = import.meta.resolve("tsx");

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
    return await superviseChild(request, options.onEvent);
  } finally {
    await workspace.dispose();
  }
}

function superviseChild(request: ChildRequest, onEvent?: (event: RunEvent) => void): Promise<RunResults> {
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
    let collecting: string | undefined;
    const finished = new Set<string>();
    let settled = false;
    let timer: NodeJS.Timeout;

    const finish = (results: RunResults) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      killGroup(child.pid);
      resolve(results);
    };
    const watch = () => {
      const verdict = judge({ now: Date.now(), startedAt, lastMessageAt, progress: readProgress(request.workspace), timeoutMs: request.timeoutMs });
      if ("wait" in verdict) {
        timer = setTimeout(watch, verdict.wait);
        return;
      }
      const test = verdict.test && !finished.has(verdict.test) ? verdict.test : undefined;
      finish(errorResults(timedOutMessage(test, collecting, request.timeoutMs)));
    };

    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("message", (message: ChildMessage) => {
      lastMessageAt = Date.now();
      if (message.type === "phase") collecting = message.file;
      if (message.type === "test-end") finished.add(message.test.name);
      if (message.type === "done") return finish(message.results);
      if (message.type !== "phase") onEvent?.(message);
    });
    child.on("exit", (code) => finish(errorResults(`Vitest exited (code ${code}) before reporting: ${stderr.trim().slice(-500) || "no output"}`)));
    child.on("error", (error) => finish(errorResults(`Could not start Vitest: ${error.message}`)));
    child.send(request);
    watch();
  });
}

function timedOutMessage(test: string | undefined, file: string | undefined, timeoutMs: number): string {
  if (test) return `Test "${test}" timed out: still running well past its ${timeoutMs} ms limit (an infinite loop?)`;
  return `${file ?? "The test run"} timed out while loading (an infinite loop at import?)`;
}

function readProgress(workspace: string): Progress | undefined {
  try {
    const file = progressFile(workspace);
    return { content: readFileSync(file, "utf8"), mtimeMs: statSync(file).mtimeMs };
  } catch {
    return undefined;
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
