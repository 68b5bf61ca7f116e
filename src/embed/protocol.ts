import { z } from "zod";
import { didYouMean } from "../exercises/did-you-mean";
import type { RunResults, TestResult } from "../runtime/results";

/**
 * The embed protocol, v1 (DESIGN.md "Embed protocol"): every message between embed.html and its
 * host page is `{ source: "roadlab", version: 1, type, ...fields }`. Pure: no DOM, so the CLI's
 * `roadlab build`/`scorm` and the SDK can share the names and the embed can validate commands.
 */
export const SOURCE = "roadlab";
export const VERSION = 1;

export type Files = Record<string, string>;
export type Theme = "light" | "dark";

/** What the embed tells its host. */
export type EmbedEvent =
  | { type: "ready"; slug: string }
  | { type: "resize"; height: number }
  | { type: "files-changed"; files: Files }
  | { type: "files"; files: Files }
  | { type: "run-started" }
  | { type: "test-result"; test: TestResult }
  | { type: "results"; results: RunResults }
  | { type: "completed"; slug: string; passed: boolean; score: number }
  | { type: "error"; message: string };

const files = z.record(z.string(), z.string());
const theme = z.enum(["light", "dark"]);

/** What a host may ask of the embed; anything else is answered with `error`. */
export const commandSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("set-files"), files }),
  z.object({ type: z.literal("get-files") }),
  z.object({ type: z.literal("run") }),
  z.object({ type: z.literal("reset") }),
  z.object({ type: z.literal("set-theme"), theme }),
]);
export type HostCommand = z.infer<typeof commandSchema>;
export const COMMAND_TYPES = ["set-files", "get-files", "run", "reset", "set-theme"] as const;

export type Envelope<T extends { type: string }> = T & { source: typeof SOURCE; version: typeof VERSION };

export function envelope<T extends { type: string }>(message: T): Envelope<T> {
  return { source: SOURCE, version: VERSION, ...message };
}

export type Parsed = { ok: true; command: HostCommand } | { ok: false; message: string };

/** Validates a message from the host: one line saying what was expected and what was found. */
export function parseCommand(data: unknown): Parsed {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { ok: false, message: `Expected a message object { source: "roadlab", version: 1, type }, found ${describe(data)}` };
  }
  const record = data as Record<string, unknown>;
  if (record.source !== SOURCE) return { ok: false, message: `source: expected "roadlab", found ${describe(record.source)}` };
  if (record.version !== VERSION) return { ok: false, message: `version: expected 1, found ${describe(record.version)}` };
  if (typeof record.type !== "string" || !(COMMAND_TYPES as readonly string[]).includes(record.type)) {
    const close = typeof record.type === "string" ? didYouMean(record.type, COMMAND_TYPES) : undefined;
    return {
      ok: false,
      message: `type: expected one of ${COMMAND_TYPES.join(", ")}, found ${describe(record.type)}${close ? `; did you mean "${close}"?` : ""}`,
    };
  }
  const { source: _s, version: _v, ...rest } = record;
  const parsed = commandSchema.safeParse(rest);
  if (parsed.success) return { ok: true, command: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue.path.join(".") || "message";
  return { ok: false, message: `${record.type}: ${field}: ${issue.message}` };
}

/** `completed`'s fields: the share of counted tests (skips and todos aside) that passed, 0–100. */
export function completion(results: RunResults): { passed: boolean; score: number } {
  const counted = results.tests.filter((t) => t.status !== "skip" && t.status !== "todo");
  const passing = counted.filter((t) => t.status === "pass").length;
  // Floored: 199 of 200 is 99, never a rounded-up 100 that reads as a pass.
  const score = counted.length === 0 ? 0 : Math.floor((100 * passing) / counted.length);
  return { passed: results.status === "pass" && counted.length > 0 && passing === counted.length, score };
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return "an array";
  return value === null ? "null" : typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}
