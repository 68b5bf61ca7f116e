import path from "node:path";
import type { RunEvent, RunResults } from "../results";

/** One set of learner files to test: a workspace of its own, run as a Vitest project. */
export interface VariantRequest {
  /** Unique within the batch; also the Vitest project's name. */
  id: string;
  workspace: string;
  timeoutMs: number;
  allowed: string[];
  seed: string;
  /** Gzipped PGlite data directory taken after initdb; skips initdb in every test file. */
  dataDirPath?: string;
}

/** What the CLI sends the child process that hosts Vitest: every variant runs in that one process. */
export interface ChildRequest {
  /** Holds every variant's workspace; the child's working directory. */
  root: string;
  variants: VariantRequest[];
}

/** What the child sends back: progress tagged with its variant, then exactly one `done`. */
export type ChildMessage =
  | { type: "event"; variant: string; event: RunEvent }
  | { type: "phase"; phase: "collecting" | "running"; variant: string; file?: string }
  /** A test file finished (or failed to load): its last progress line no longer means busy. */
  | { type: "file-end"; variant: string; file: string }
  /** Every test file of the variant finished; kept if the child is killed for another's hung test. */
  | { type: "variant-done"; variant: string; results: RunResults }
  | { type: "done"; results: Record<string, RunResults> };

/** What learner code tampered with, one JSON record a line (see harden-setup.ts). */
export function tamperingFile(workspace: string): string {
  return path.join(workspace, ".roadlab-tampering");
}

/** The progress log: what each test worker is doing, appended by the worker itself (node-watchdog.ts). */
export function progressFile(workspace: string): string {
  return path.join(workspace, ".roadlab-progress");
}
