import { PipelineError, type JobSpec, type PipelineReport, type RunOptions } from "./types";

/** The jobs grouped into stages: stage 0 needs nothing, stage k needs something from stage k-1. */
export function planStages(jobs: JobSpec[]): string[][] {
  // TODO: validate (DUPLICATE_JOB, UNKNOWN_NEED, CYCLE), then compute each job's depth.
  void PipelineError;
  throw new Error("not implemented");
}

/** Runs every job once its needs have finished, as many at a time as maxParallel allows. */
export async function runPipeline(jobs: JobSpec[], options: RunOptions = {}): Promise<PipelineReport> {
  // TODO
  throw new Error("not implemented");
}
