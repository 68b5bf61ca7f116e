/**
 * One unit of work. It is a function, not a promise: a promise is already running, so a pool
 * could never hold it back. The signal aborts when the pool stops early; a well-behaved task
 * passes it on (to fetch, a database driver, …) so it can stop too.
 */
export type Task<T> = (signal: AbortSignal) => Promise<T>;

export interface PoolOptions {
  /** Most tasks running at the same time: an integer >= 1. */
  concurrency: number;
  /**
   * "fail-fast" (default): the first failure stops the pool and is what it rejects with.
   * "aggregate": every task runs; if any failed, the pool rejects with an AggregateError.
   */
  mode?: "fail-fast" | "aggregate";
  /** Aborting it stops the pool: no new tasks start and the pool rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/**
 * Runs the tasks with at most `options.concurrency` in flight and resolves with their results in
 * input order. Tasks are taken from the iterable only when they are about to start.
 *
 * The returned promise never settles while one of the pool's tasks is still running.
 */
export async function runPool<T>(tasks: Iterable<Task<T>>, options: PoolOptions): Promise<T[]> {
  const { concurrency, mode = "fail-fast", signal } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be an integer >= 1, got ${String(concurrency)}`);
  }
  // Aborted before we begin: start nothing at all.
  signal?.throwIfAborted();

  // One signal for our tasks, aborted by the caller's signal or by a failure in fail-fast mode.
  const stop = new AbortController();
  const onAbort = () => {};
  signal?.addEventListener("abort", onAbort);

  const iterator = tasks[Symbol.iterator]();
  const results: T[] = [];
  const failures: { index: number; error: unknown }[] = [];
  let nextIndex = 0;

  /** Takes the next task, unless the pool has stopped or the input is used up. */
  const take = (): { task: Task<T>; index: number } | undefined => {
    if (stop.signal.aborted || signal?.aborted) return undefined;
    const step = iterator.next();
    return step.done ? undefined : { task: step.value, index: nextIndex++ };
  };

  /** A worker runs one task at a time, back to back, until there is nothing left to take. */
  const worker = async (first: { task: Task<T>; index: number }): Promise<void> => {
    for (let job: typeof first | undefined = first; job; job = take()) {
      try {
        // Inside the try, so a task that throws synchronously counts as a failure too.
        results[job.index] = await job.task(stop.signal);
      } catch (error) {
        failures.push({ index: job.index, error });
        if (mode === "fail-fast") stop.abort(error);
      }
    }
  };

  try {
    // Start up to `concurrency` workers, but never more than there are tasks.
    const workers: Promise<void>[] = [];
    while (workers.length < concurrency) {
      const job = take();
      if (!job) break;
      workers.push(worker(job));
    }
    // Workers never reject, so this waits for every task that started: no task outlives the pool.
    await Promise.all(workers);
  } finally {
    // A long-lived signal (say, a server's shutdown signal) must not keep a listener per call.
    signal?.removeEventListener("abort", onAbort);
  }

  if (signal?.aborted) throw signal.reason;
  if (failures.length > 0) {
    // fail-fast: the error that stopped the pool; later ones are mostly echoes of the abort.
    if (mode === "fail-fast") throw failures[0].error;
    const errors = failures.sort((a, b) => a.index - b.index).map((f) => f.error);
    throw new AggregateError(errors, `${errors.length} of ${nextIndex} tasks failed`);
  }
  return results;
}
