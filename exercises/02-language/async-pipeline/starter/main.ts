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
 * Throws a RangeError right away if `concurrency` is not an integer >= 1.
 */
export function map<T, U>(fn: (item: T, index: number) => U | Promise<U>, options: MapOptions = {}): Stage<T, U> {
  // TODO 1: validate options.concurrency (default 1), then return an async generator function.
  //         Read items with source[Symbol.asyncIterator]() so you control how far ahead you pull:
  //         keep a queue of up to `concurrency` result promises, yield them in order, refill.
  //         Report a source error only after the items before it. In `finally`, call the
  //         source's return() if you stopped before it was done.
  throw new Error("TODO: implement map");
}

/** Yields the items for which `predicate` returns (or resolves to) true. */
export function filter<T>(predicate: (item: T, index: number) => boolean | Promise<boolean>): Stage<T, T> {
  // TODO 2: an async generator with for await … of is all you need.
  throw new Error("TODO: implement filter");
}

/**
 * Yields the first `count` items, then stops — without pulling one item more.
 * Throws a RangeError right away if `count` is not an integer >= 0.
 */
export function take<T>(count: number): Stage<T, T> {
  // TODO 3: stop (return) right after yielding the last wanted item; take(0) must not pull at all.
  throw new Error("TODO: implement take");
}

/**
 * Groups items into arrays of `size`. The last, shorter batch is yielded when the source ends.
 * With `maxWaitMs`, a batch is also yielded once that much time has passed since its first item
 * arrived, full or not. Throws a RangeError right away for a size that is not an integer >= 1 or
 * a maxWaitMs that is not a positive number.
 */
export function batch<T>(size: number, maxWaitMs?: number): Stage<T, T[]> {
  // TODO 4: without maxWaitMs: collect, yield when full, yield the rest at the end.
  // TODO 5: with maxWaitMs: start a timer when a batch gets its first item and race the next
  //         pull against it. If the timer wins, yield the partial batch but KEEP the pending
  //         pull promise for the next round. Clear the timer when a batch is yielded and in
  //         `finally`, and call the source's return() if you stop early.
  throw new Error("TODO: implement batch");
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
  // TODO 6: turn an ordinary Iterable into an AsyncIterable (Symbol.asyncIterator in source?),
  //         then apply the stages left to right. Building the pipeline must not pull anything.
  throw new Error("TODO: implement pipe");
}
