import path from "node:path";
import type { RunEvent } from "../results";

/** What the CLI sends the child process that hosts Vitest. */
export interface ChildRequest {
  workspace: string;
  timeoutMs: number;
  allowed: string[];
  seed: string;
  /** Gzipped PGlite data directory taken after initdb; skips initdb in every test file. */
  dataDirPath?: string;
}

/** What the child sends back: progress, then exactly one `done`. */
export type ChildMessage = RunEvent | { type: "phase"; phase: "collecting" | "running"; file?: string };

/** What learner code tampered with, one JSON record a line (see harden-setup.ts). */
export function tamperingFile(workspace: string): string {
  return path.join(workspace, ".roadlab-tampering");
}

/** The progress log: what each test worker is doing, appended by the worker itself (node-watchdog.ts). */
export function progressFile(workspace: string): string {
  return path.join(workspace, ".roadlab-progress");
}
