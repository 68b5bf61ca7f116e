import type { JobContext, JobSpec } from "../types";

export interface Gate { open(outputs?: Record<string, string>): void; fail(error: unknown): void }

/** Jobs the test drives by hand: each records when it starts and waits until the test opens it. */
export function harness() {
  const log: string[] = [];
  const gates = new Map<string, Gate>();
  const contexts = new Map<string, JobContext>();
  let running = 0;
  let peak = 0;
  const job = (id: string, needs: string[] = [], extra: Partial<JobSpec> = {}): JobSpec => ({
    id,
    needs,
    ...extra,
    run: (ctx) => {
      contexts.set(id, ctx);
      log.push(`start ${id}`);
      running += 1;
      peak = Math.max(peak, running);
      return new Promise((resolve, reject) => {
        const end = () => { running -= 1; log.push(`end ${id}`); };
        gates.set(id, {
          open: (outputs) => { end(); resolve(outputs); },
          fail: (error) => { end(); reject(error); },
        });
      });
    },
  });
  const gate = (id: string): Gate => {
    const g = gates.get(id);
    if (!g) throw new Error(`job "${id}" has not started`);
    return g;
  };
  return { log, job, gate, contexts, peak: () => peak, startedIds: () => [...gates.keys()] };
}

/** Lets every pending promise callback run (the runner reacts to a job's end asynchronously). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** What the call threw or rejected with, whether runPipeline throws synchronously or rejects. */
export async function failure(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Marks a run the test awaits later as handled, so a rejection fails that test, not the whole file. */
export function later<T>(run: Promise<T>): Promise<T> {
  run.catch(() => {});
  return run;
}
