import type { Redis } from "@roadlab/redis";

/** What one check decided; every time is in milliseconds from now. */
export interface Decision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Until the next unit of quota comes back (log) or the bucket is full again (bucket). */
  resetMs: number;
  /** 0 when allowed; else how long until a retry can succeed. */
  retryAfterMs: number;
}

export interface Limiter {
  readonly limit: number;
  check(key: string): Promise<Decision>;
}

export interface LogOptions { limit: number; windowMs: number; now: () => number }
export interface BucketOptions { capacity: number; refillPerSecond: number; now: () => number }

/**
 * TODO: a sliding-window log in a sorted set under ratelimit:log:<key>, one EVAL per check.
 * Throw a RangeError when limit or windowMs is not a positive integer.
 */
export function slidingWindowLog(redis: Redis, options: LogOptions): Limiter {
  return {
    limit: options.limit,
    async check(key) {
      throw new Error(`not implemented: slidingWindowLog.check(${key}) on ${redis.status}`);
    },
  };
}

/**
 * TODO: a token bucket in a hash under ratelimit:bucket:<key>, one EVAL per check.
 * Throw a RangeError when capacity is not a positive integer or refillPerSecond is not above 0.
 */
export function tokenBucket(redis: Redis, options: BucketOptions): Limiter {
  return {
    limit: options.capacity,
    async check(key) {
      throw new Error(`not implemented: tokenBucket.check(${key}) on ${redis.status}`);
    },
  };
}
