/** What a batch function returns: one entry per key, in the keys' order; an Error fails only its key. */
export type BatchFn<K, V> = (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>;

/** A per-request batching loader (see README: "The loader"). */
export class DataLoader<K, V> {
  constructor(private readonly batch: BatchFn<K, V>) {}

  load(key: K): Promise<V> {
    // TODO: return the cached promise for a key already asked for; otherwise queue the key and, for the
    // first key of a batch, schedule one dispatch with setTimeout(…, 0) that calls this.batch once with
    // every queued key and settles each promise from its position (an Error entry rejects that key).
    void key;
    return Promise.reject(new Error("not implemented"));
  }
}
