export type JobResult = "success" | "failure" | "skipped";

/** What a job sees of one job it needs, like GitHub's needs.<job_id> context. */
export interface NeedContext {
  result: JobResult;
  outputs: Record<string, string>;
}

export interface JobContext {
  /** Only the jobs this job lists in `needs`, keyed by id. */
  needs: Record<string, NeedContext>;
}

export interface JobSpec {
  id: string;
  needs?: string[];
  /** Run even when a needed job failed or was skipped, like `if: always()`. */
  always?: boolean;
  /** Resolves with the job's outputs (or nothing); a throw or a rejection is a failed job. */
  run(ctx: JobContext): Promise<Record<string, string> | void>;
}

export interface JobReport {
  result: JobResult;
  outputs: Record<string, string>;
  /** What the job threw, when it failed. */
  error?: unknown;
}

export interface PipelineReport {
  result: "success" | "failure";
  jobs: Record<string, JobReport>;
  /** Job ids in the order they were started. */
  started: string[];
}

export interface RunOptions {
  /** How many jobs may run at once; unlimited when absent. */
  maxParallel?: number;
}

export type PipelineErrorCode = "DUPLICATE_JOB" | "UNKNOWN_NEED" | "CYCLE";

export class PipelineError extends Error {
  constructor(
    readonly code: PipelineErrorCode,
    message: string,
    /** For CYCLE: the ids of the jobs on one cycle. For the others: the offending job ids. */
    readonly jobs: string[],
  ) {
    super(message);
    this.name = "PipelineError";
  }
}
