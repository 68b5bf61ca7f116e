/** Anything a pipeline can start from: an array, a generator, a stream of records, … */
export type Source<T> = AsyncIterable<T> | Iterable<T>;

/** One step of a pipeline: takes a stream, returns a new (lazy) stream. */
export type Stage<In, Out> = (source: AsyncIterable<In>) => AsyncIterable<Out>;

export interface MapOptions {
  /** How many calls of `fn` may run at once (an integer >= 1). Default 1. */
  concurrency?: number;
}

/**
 * Calls `fn` on every item; yields the results in input order. With `concurrency` > 1 it reads
 * ahead and runs up to that many calls at once.
 */
export function map<T, U>(fn: (item: T, index: number) => U | Promise<U>, options: MapOptions = {}): Stage<T, U> {
  const concurrency = options.concurrency ?? 1;
  requireInteger("concurrency", concurrency, 1);

  return async function* mapStage(source) {
    const iterator = source[Symbol.asyncIterator]();
    // Results in input order. A failure of the source becomes an entry too, so it is reported
    // after the items that came before it, just as it would be without read-ahead.
    const queue: Promise<U>[] = [];
    let sourceDone = false;
    let index = 0;
    try {
      for (;;) {
        while (!sourceDone && queue.length < concurrency) {
          let step: IteratorResult<T>;
          try {
            step = await iterator.next();
          } catch (error) {
            sourceDone = true; // a source that threw is finished: no return() needed
            queue.push(Promise.reject(error));
            break;
          }
          if (step.done) {
            sourceDone = true;
            break;
          }
          const item = step.value;
          const i = index++;
          // Promise.resolve().then(...) turns a synchronous throw in fn into a rejection.
          const result = Promise.resolve().then(() => fn(item, i));
          // We await results one by one, in order. Without this, a later item that fails while
          // we wait for an earlier one (or after the consumer stopped) is an unhandled rejection.
          result.catch(() => {});
          queue.push(result);
        }
        if (queue.length === 0) return;
        const winner = await Promise.race(queue.map((p, k) => p.then((value) => ({ value, k }))));
        queue.splice(winner.k, 1);
        yield winner.value;
      }
    } finally {
      // Early stop (break, take, an error in fn): let the source clean up.
      if (!sourceDone) await iterator.return?.();
    }
  };
}

/** Yields the items for which `predicate` returns (or resolves to) true. */
export function filter<T>(predicate: (item: T, index: number) => boolean | Promise<boolean>): Stage<T, T> {
  return async function* filterStage(source) {
    let index = 0;
    // for await calls return() on the source when we stop early or throw: cleanup for free.
    for await (const item of source) {
      if (await predicate(item, index++)) yield item;
    }
  };
}

/** Yields the first `count` items, then stops — without pulling one item more. */
export function take<T>(count: number): Stage<T, T> {
  requireInteger("count", count, 0);

  return async function* takeStage(source) {
    if (count === 0) return; // never even start the source
    let taken = 0;
    for await (const item of source) {
      yield item;
      // Stop right after the last wanted item; checking before the next pull would pull one
      // more item (maybe a whole page from a database) only to throw it away.
      if (++taken === count) return;
    }
  };
}

const TIMEOUT = Symbol("timeout");

/**
 * Groups items into arrays of `size`. The last, shorter batch is yielded when the source ends.
 * With `maxWaitMs`, a batch is also yielded once that much time has passed since its first item
 * arrived, full or not.
 */
export function batch<T>(size: number, maxWaitMs?: number): Stage<T, T[]> {
  requireInteger("size", size, 1);
  if (maxWaitMs !== undefined && !(Number.isFinite(maxWaitMs) && maxWaitMs > 0)) {
    throw new RangeError(`maxWaitMs must be a positive number of milliseconds, got ${String(maxWaitMs)}`);
  }

  return async function* batchStage(source) {
    const iterator = source[Symbol.asyncIterator]();
    let buffer: T[] = [];
    // A pull that lost a race against the timer. It cannot be cancelled, and its item must not
    // be lost, so the next round waits on the same promise instead of calling next() again.
    let pending: Promise<IteratorResult<T>> | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let deadline: Promise<typeof TIMEOUT> | undefined;
    let sourceDone = false;

    const stopTimer = () => {
      clearTimeout(timer);
      timer = undefined;
      deadline = undefined;
    };

    try {
      for (;;) {
        pending ??= iterator.next();
        let step: IteratorResult<T> | typeof TIMEOUT;
        try {
          step = await (deadline ? Promise.race([pending, deadline]) : pending);
        } catch (error) {
          sourceDone = true; // the unfinished batch is dropped; the error is what matters
          throw error;
        }

        if (step === TIMEOUT) {
          const full = buffer;
          buffer = [];
          stopTimer();
          yield full;
          continue; // `pending` is still in flight: the next round waits for it
        }
        pending = undefined;

        if (step.done) {
          sourceDone = true;
          if (buffer.length > 0) yield buffer;
          return;
        }

        buffer.push(step.value);
        if (buffer.length === 1 && maxWaitMs !== undefined) {
          // The clock starts with a batch's first item: an idle stream emits nothing.
          deadline = new Promise((resolve) => {
            timer = setTimeout(() => resolve(TIMEOUT), maxWaitMs);
          });
        }
        if (buffer.length === size) {
          const full = buffer;
          buffer = [];
          // Or the old timer would later cut the *next* batch short.
          stopTimer();
          yield full;
        }
      }
    } finally {
      stopTimer();
      // If a pull is still pending, an async generator source queues this return() after it.
      if (!sourceDone) await iterator.return?.();
    }
  };
}

/** Feeds `source` through the stages, left to right. Nothing runs until the result is iterated. */
export function pipe<A>(source: Source<A>): AsyncIterable<A>;
export function pipe<A, B>(source: Source<A>, s1: Stage<A, B>): AsyncIterable<B>;
export function pipe<A, B, C>(source: Source<A>, s1: Stage<A, B>, s2: Stage<B, C>): AsyncIterable<C>;
export function pipe<A, B, C, D>(
  source: Source<A>,
  s1: Stage<A, B>,
  s2: Stage<B, C>,
  s3: Stage<C, D>,
): AsyncIterable<D>;
export function pipe<A, B, C, D, E>(
  source: Source<A>,
  s1: Stage<A, B>,
  s2: Stage<B, C>,
  s3: Stage<C, D>,
  s4: Stage<D, E>,
): AsyncIterable<E>;
export function pipe<A, B, C, D, E, F>(
  source: Source<A>,
  s1: Stage<A, B>,
  s2: Stage<B, C>,
  s3: Stage<C, D>,
  s4: Stage<D, E>,
  s5: Stage<E, F>,
): AsyncIterable<F>;
export function pipe(source: Source<unknown>, ...stages: Stage<unknown, unknown>[]): AsyncIterable<unknown> {
  // Each stage only wraps the stream before it; no stage pulls anything while we build this.
  return stages.reduce<AsyncIterable<unknown>>((stream, stage) => stage(stream), toAsync(source));
}

function toAsync<T>(source: Source<T>): AsyncIterable<T> {
  if (Symbol.asyncIterator in source) return source;
  return (async function* fromSync() {
    // yield* forwards return() to the sync iterator, so its cleanup runs too.
    yield* source;
  })();
}

function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${String(value)}`);
  }
}
