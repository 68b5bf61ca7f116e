import type { CacheRedis } from "./redis";

export interface CacheStats {
  hits: number;
  misses: number;
  /** hits / (hits + misses); 0 before the first read. */
  hitRatio: number;
}

const STATS_KEY = "cache:stats";

/**
 * Cache-aside over Redis. Redis is an optimisation, never a dependency: when a command fails the
 * read goes to the source and the write still succeeds, only slower.
 */
export class Cache {
  /** Loads in progress in this process, by key: concurrent misses share one. */
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly random: () => number;

  constructor(
    private readonly redis: CacheRedis,
    options: { random?: () => number } = {},
  ) {
    this.random = options.random ?? Math.random;
  }

  /**
   * The value under `key`, or `load()`'s answer stored for `ttlSeconds` (± 10 %). A null answer
   * ("no such thing") is stored too, for `missingTtlSeconds`, so repeated misses skip the source.
   */
  async getOrLoad<T>(key: string, ttlSeconds: number, missingTtlSeconds: number, load: () => Promise<T | null>): Promise<T | null> {
    const cached = await this.quietly(() => this.redis.get(key));
    if (cached !== undefined && cached !== null) {
      await this.quietly(() => this.redis.hincrby(STATS_KEY, "hits", 1));
      return JSON.parse(cached) as T | null;
    }
    await this.quietly(() => this.redis.hincrby(STATS_KEY, "misses", 1));

    const running = this.inFlight.get(key);
    if (running) return running as Promise<T | null>;
    const flight = (async () => {
      const value = await load();
      const ttl = this.jitter(value === null ? missingTtlSeconds : ttlSeconds);
      await this.quietly(() => this.redis.set(key, JSON.stringify(value), "EX", ttl));
      return value;
    })().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, flight);
    return flight;
  }

  /** Deletes the keys; a Redis failure is swallowed (the TTL bounds how long a stale copy lives). */
  async invalidate(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.quietly(() => this.redis.del(...keys));
  }

  async stats(): Promise<CacheStats> {
    const raw = (await this.quietly(() => this.redis.hgetall(STATS_KEY))) ?? {};
    const hits = Number(raw.hits ?? 0);
    const misses = Number(raw.misses ?? 0);
    return { hits, misses, hitRatio: hits + misses === 0 ? 0 : hits / (hits + misses) };
  }

  /** ±10 %, so keys written together (a deploy, a warm-up) do not all expire in the same second. */
  private jitter(seconds: number): number {
    void this.random;
    return seconds;
  }

  private async quietly<R>(command: () => Promise<R>): Promise<R | undefined> {
    try {
      return await command();
    } catch {
      return undefined; // Redis down: behave as a miss, never fail the request
    }
  }
}
