/** What a batch function returns: one entry per key, in the keys' order; an Error fails only its key. */
export type BatchFn<K, V> = (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>;

/**
 * A per-request batching loader, DataLoader's core: loads asked for while the current promise jobs
 * run are collected and fetched with one call, and each key is fetched at most once.
 */
export class DataLoader<K, V> {
  private readonly cache = new Map<K, Promise<V>>();
  private queue: { key: K; resolve: (v: V) => void; reject: (e: unknown) => void }[] = [];

  constructor(private readonly batch: BatchFn<K, V>) {}

  load(key: K): Promise<V> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V>((resolve, reject) => {
      // setTimeout, not a microtask: resolvers one promise step further down must join this batch.
      this.queue.push({ key, resolve, reject });
      void this.dispatch();
    });
    this.cache.set(key, promise);
    return promise;
  }

  private async dispatch(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    try {
      const values = await this.batch(queue.map((q) => q.key));
      if (values.length !== queue.length) {
        throw new Error(`batch function returned ${values.length} values for ${queue.length} keys`);
      }
      queue.forEach((q, i) => {
        const value = values[i];
        if (value instanceof Error) q.reject(value);
        else q.resolve(value as V);
      });
    } catch (error) {
      for (const q of queue) q.reject(error);
    }
  }
}
