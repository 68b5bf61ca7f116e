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
 * Rejects with: a RangeError for a bad concurrency; `signal.reason` after an abort; the first
 * error in "fail-fast" mode; an AggregateError ("<failed> of <started> tasks failed") in
 * "aggregate" mode.
 */
export async function runPool<T>(tasks: Iterable<Task<T>>, options: PoolOptions): Promise<T[]> {
  // TODO 1: validate options.concurrency (an integer >= 1, else RangeError) and reject at once
  //         with signal.reason if the signal is already aborted (signal.throwIfAborted() does it).
  // TODO 2: create one AbortController for the tasks; abort it when the caller's signal aborts
  //         (keep its reason) and, in fail-fast mode, when a task fails.
  // TODO 3: start up to `concurrency` "workers". Each worker loops: take the next task from the
  //         iterator (unless the pool has stopped), await it inside try/catch, store the result
  //         at the task's index, record failures with their index.
  // TODO 4: wait for every worker, remove your abort listener, then decide the outcome:
  //         aborted → signal.reason; failures → first error or AggregateError; else the results.
  throw new Error("TODO: implement runPool");
}
