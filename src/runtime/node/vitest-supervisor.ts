import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { errorResults, type RunEvent, type RunResults } from "../results";
import { progressFile, type ChildMessage, type ChildRequest } from "./protocol";
import { judge, parseProgress, type ProgressLine, type Verdict } from "./node-watchdog";

const childScript = fileURLToPath(new URL("./vitest-child.ts", import.meta.url));
// tsx lets the child load this TypeScript source directly, as bin/roadlab.js does for the CLI.
const tsxLoader = import.meta.resolve("tsx");
/** How often the watchdog reads the progress logs: the bound on how late past its limit a hung test ends. */
const POLL_MS = 100;

export interface ChildOutcome {
  /** Per variant: all of them when the child finished; when it was killed, those already finished. */
  results: Map<string, RunResults>;
  /** Why the child was killed: what hung, and in which variant (none: Vitest itself). */
  stuck?: Extract<Verdict, { stuck: true }>;
}

/** Runs one Vitest child for the request's variants, killing its process group if a test hangs. */
export function superviseChild(request: ChildRequest, onEvent: (variant: string, event: RunEvent) => void): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const child = fork(childScript, [], {
      execArgv: ["--import", tsxLoader],
      // A lone variant (`roadlab run`) gets its workspace as working directory, as learner code expects.
      cwd: request.variants.length === 1 ? request.variants[0].workspace : request.root,
      detached: true,
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    const limits = new Map(request.variants.map((v) => [v.id, v.timeoutMs]));
    const finished = new Map<string, RunResults>();
    /** `variant:file` of test files Vitest reported finished: their last progress line is stale. */
    const endedFiles = new Set<string>();
    const startedAt = Date.now();
    let lastMessageAt: number | undefined;
    let stderr = "";
    let settled = false;

    const finish = (outcome: ChildOutcome) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      killGroup(child.pid);
      resolve(outcome);
    };
    const progress = (): ProgressLine[] =>
      request.variants
        .filter((v) => !finished.has(v.id))
        .flatMap((v) => readProgress(v.workspace).flatMap((line) => (endedFiles.has(`${v.id}:${line.file}`) ? [] : [{ ...line, variant: v.id }])));
    // Polled rather than slept until the next deadline: a test that starts resets its own clock.
    const timer = setInterval(() => {
      const verdict = judge({ now: Date.now(), startedAt, lastMessageAt, progress: progress(), timeoutMs: (id) => limits.get(id ?? "") ?? 0 });
      if ("stuck" in verdict) finish({ results: finished, stuck: verdict });
    }, POLL_MS);

    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("message", (message: ChildMessage) => {
      lastMessageAt = Date.now();
      if (message.type === "done") return finish({ results: new Map(Object.entries(message.results)) });
      if (message.type === "event") onEvent(message.variant, message.event);
      else if (message.type === "file-end") endedFiles.add(`${message.variant}:${message.file}`);
      else if (message.type === "variant-done") finished.set(message.variant, message.results);
    });
    child.on("exit", (code) => {
      const failed = errorResults(`Vitest exited (code ${code}) before reporting: ${stderr.trim().slice(-500) || "no output"}`);
      finish({ results: new Map(request.variants.map((v) => [v.id, finished.get(v.id) ?? failed])) });
    });
    child.on("error", (error) => finish({ results: new Map(request.variants.map((v) => [v.id, errorResults(`Could not start Vitest: ${error.message}`)])) }));
    child.send(request);
  });
}

export function readProgress(workspace: string): ProgressLine[] {
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
