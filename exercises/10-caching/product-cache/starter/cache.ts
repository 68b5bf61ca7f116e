import type { CacheRedis } from "./redis";

export interface CacheStats {
  hits: number;
  misses: number;
  /** hits / (hits + misses); 0 before the first read. */
  hitRatio: number;
}

/** Cache-aside over Redis (see the README for every rule). */
export class Cache {
  constructor(
    private readonly redis: CacheRedis,
    options: { random?: () => number } = {},
  ) {
    void options;
  }

  /**
   * The value under `key`, or `load()`'s answer stored for `ttlSeconds` (± 10 %). A null answer
   * is stored too, for `missingTtlSeconds`.
   */
  async getOrLoad<T>(key: string, ttlSeconds: number, missingTtlSeconds: number, load: () => Promise<T | null>): Promise<T | null> {
    // TODO: read Redis first; on a miss share one load between concurrent callers, store it with a jittered TTL
    throw new Error("not implemented");
  }

  /** Deletes the keys; a Redis failure must not fail the caller. */
  async invalidate(...keys: string[]): Promise<void> {
    throw new Error("not implemented");
  }

  async stats(): Promise<CacheStats> {
    throw new Error("not implemented");
  }
}
