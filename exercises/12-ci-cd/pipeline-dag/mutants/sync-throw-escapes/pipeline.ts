import { PipelineError, type JobReport, type JobSpec, type PipelineReport, type RunOptions } from "./types";

const needsOf = (job: JobSpec) => [...new Set(job.needs ?? [])];

/** Checks the graph before anything runs: ids unique, every need known, no cycle. */
function validate(jobs: JobSpec[]): Map<string, JobSpec> {
  const byId = new Map<string, JobSpec>();
  for (const job of jobs) {
    if (byId.has(job.id)) throw new PipelineError("DUPLICATE_JOB", `job "${job.id}" is defined twice`, [job.id]);
    byId.set(job.id, job);
  }
  for (const job of jobs) {
    for (const need of needsOf(job)) {
      if (!byId.has(need)) throw new PipelineError("UNKNOWN_NEED", `job "${job.id}" needs unknown job "${need}"`, [job.id, need]);
    }
  }
  // Depth-first search; meeting a job that is still on the path means we walked round a cycle.
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (id: string) => {
    if (done.has(id)) return;
    const at = path.indexOf(id);
    if (at >= 0) {
      const cycle = path.slice(at);
      throw new PipelineError("CYCLE", `jobs need each other in a cycle: ${[...cycle, id].join(" → ")}`, cycle);
    }
    path.push(id);
    for (const need of needsOf(byId.get(id)!)) visit(need);
    path.pop();
    done.add(id);
  };
  for (const job of jobs) visit(job.id);
  return byId;
}

export function planStages(jobs: JobSpec[]): string[][] {
  const byId = validate(jobs);
  const depth = new Map<string, number>();
  const depthOf = (id: string): number => {
    let d = depth.get(id);
    if (d === undefined) {
      d = Math.max(-1, ...needsOf(byId.get(id)!).map(depthOf)) + 1;
      depth.set(id, d);
    }
    return d;
  };
  const stages: string[][] = [];
  for (const job of jobs) (stages[depthOf(job.id)] ??= []).push(job.id);
  return stages;
}

export async function runPipeline(jobs: JobSpec[], options: RunOptions = {}): Promise<PipelineReport> {
  validate(jobs);
  const limit = options.maxParallel ?? Infinity;
  const reports: Record<string, JobReport> = {};
  const started: string[] = [];
  let waiting = [...jobs];
  let running = 0;

  return new Promise((resolve) => {
    const ready = (job: JobSpec) => needsOf(job).every((need) => reports[need]);

    const pump = () => {
      // A job whose needs did not all succeed is skipped at once, and so, in turn, are its dependants.
      for (let changed = true; changed; ) {
        changed = false;
        for (const job of waiting) {
          if (ready(job) && !job.always && needsOf(job).some((need) => reports[need].result !== "success")) {
            reports[job.id] = { result: "skipped", outputs: {} };
            waiting = waiting.filter((j) => j !== job);
            changed = true;
          }
        }
      }
      for (const job of waiting) {
        if (running >= limit) break;
        if (!ready(job)) continue;
        waiting = waiting.filter((j) => j !== job);
        start(job);
      }
      if (waiting.length === 0 && running === 0) {
        const failed = Object.values(reports).some((r) => r.result !== "success");
        resolve({ result: failed ? "failure" : "success", jobs: reports, started });
      }
    };

    const start = (job: JobSpec) => {
      running += 1;
      started.push(job.id);
      const needs = Object.fromEntries(
        needsOf(job).map((need) => [need, { result: reports[need].result, outputs: { ...reports[need].outputs } }]),
      );
      // Through a then() so that a job throwing synchronously fails like one that rejects.
      Promise.resolve(job.run({ needs }))
        .then(
          (outputs) => { reports[job.id] = { result: "success", outputs: { ...(outputs ?? {}) } }; },
          (error: unknown) => { reports[job.id] = { result: "failure", outputs: {}, error }; },
        )
        .finally(() => {
          running -= 1;
          pump();
        });
    };

    pump();
  });
}
