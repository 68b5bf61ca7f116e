import { z } from "zod";
import type { RunResults } from "../../runtime/results";
import { verifyChain, type ChainProblem } from "./chain";
import { logEventSchema, type LogEvent } from "./log";
import { replayFiles, ReplayError } from "./replay";

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 hex digest");

/** What the candidate page downloads on Submit, and what `roadlab grade` and `#/replay` read. */
export const submissionSchema = z.object({
  format: z.literal("roadlab-submission"),
  version: z.literal(1),
  task: z.object({
    slug: z.string(),
    title: z.string(),
    /** taskHash() of the exercise as the bundle was made; the first link of the log's chain. */
    hash: hex64,
    /** The time limit, or null for an untimed task. */
    minutes: z.number().positive().nullable(),
    /** The test files the candidate could run (`tests/x.test.ts`). */
    visible: z.array(z.string()),
  }),
  startedAt: z.string(),
  submittedAt: z.string(),
  files: z.record(z.string(), z.string()),
  /** The visible tests' results of each run, keyed to the log's run event. */
  runs: z.array(z.object({ seq: z.number().int().nonnegative(), results: z.custom<RunResults>((r) => typeof r === "object" && r !== null) })),
  log: z.array(logEventSchema).min(1),
});
export type Submission = z.infer<typeof submissionSchema>;

export class SubmissionError extends Error {
  readonly code = "BAD_SUBMISSION";
}

/** A submission from a file's text, or a one-line reason it is not one. */
export function parseSubmission(text: string): Submission {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SubmissionError(text.trim() === "" ? "the file is empty" : "not valid JSON (truncated or not a submission file)");
  }
  if (!data || typeof data !== "object" || (data as { format?: unknown }).format !== "roadlab-submission") {
    throw new SubmissionError('not a Roadlab submission (no "format": "roadlab-submission")');
  }
  const parsed = submissionSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SubmissionError(`${issue.path.join(".") || "(top level)"}: ${issue.message}`);
  }
  return parsed.data;
}

export interface Integrity {
  /** The submission was made for the exercise it is graded against. */
  sameTask: boolean;
  /** Where the hash chain breaks, if it does. */
  chain?: ChainProblem;
  /** The submitted files are exactly what the log replays to. */
  filesMatchLog: boolean;
}

export async function checkIntegrity(submission: Submission, expectedTaskHash: string): Promise<Integrity> {
  const chain = await verifyChain(submission.task.hash, submission.log);
  return { sameTask: submission.task.hash === expectedTaskHash, chain, filesMatchLog: filesMatch(submission.log, submission.files) };
}

function filesMatch(log: readonly LogEvent[], files: Record<string, string>): boolean {
  let replayed: Record<string, string>;
  try {
    replayed = replayFiles(log);
  } catch (error) {
    if (error instanceof ReplayError) return false;
    throw error;
  }
  const names = new Set([...Object.keys(replayed), ...Object.keys(files)]);
  return [...names].every((name) => replayed[name] === files[name]);
}

/** What an interviewer reads beside the score. */
export interface SessionFacts {
  /** From the first event to the submit event (or the last one). */
  usedMs: number;
  pastes: number[];
  focusLosses: number;
  runs: number;
  reloads: number;
}

export function sessionFacts(log: readonly LogEvent[]): SessionFacts {
  return {
    usedMs: (log.at(-1)?.t ?? 0) - (log[0]?.t ?? 0),
    pastes: log.flatMap((e) => (e.type === "paste" ? [e.length] : [])),
    focusLosses: log.filter((e) => e.type === "blur").length,
    runs: log.filter((e) => e.type === "run").length,
    reloads: log.filter((e) => e.type === "reload").length,
  };
}
