/** Milliseconds since some fixed moment; tests pass a fake one. */
export type Clock = () => number;

export interface CacheOptions {
  /** How many entries the cache may hold: an integer ≥ 1. */
  maxEntries: number;
  /** Expiry for entries set without their own ttl, in ms; omitted = never expire. */
  defaultTtlMs?: number;
  clock?: Clock;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Live entries dropped to make room (expired entries removed do not count). */
  evictions: number;
}

export class LruCache<V> {
  constructor(options: CacheOptions) {
    // TODO: validate the options and keep them
    void options;
  }

  /** The value, or undefined when absent or expired. A hit makes the key the most recently used. */
  get(key: string): V | undefined {
    throw new Error("not implemented");
  }

  /** Stores the value as the most recently used entry; `ttlMs` overrides the default. */
  set(key: string, value: V, ttlMs?: number): void {
    throw new Error("not implemented");
  }

  /** Whether a live entry exists. Not a use: recency and stats stay as they are. */
  has(key: string): boolean {
    throw new Error("not implemented");
  }

  /** Removes the entry; true when a live one was there. */
  delete(key: string): boolean {
    throw new Error("not implemented");
  }

  /** Live keys, most recently used first. */
  keys(): string[] {
    throw new Error("not implemented");
  }

  get size(): number {
    return this.keys().length;
  }

  stats(): CacheStats {
    throw new Error("not implemented");
  }
}
