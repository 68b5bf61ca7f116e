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

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name}: expected a positive integer, got ${value}`);
}

// One script per limiter: Redis runs it without interleaving any other client's command, so
// checking and recording are one step however many app instances share the key.
const LOG_SCRIPT = `
local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local allowed = 0
redis.call('ZADD', KEYS[1], now, ARGV[4])
if count < limit then allowed = 1 end
count = math.min(count + 1, limit)
redis.call('PEXPIRE', KEYS[1], window)
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return { allowed, count, tonumber(oldest[2]) + window - now }
`;

export function slidingWindowLog(redis: Redis, options: LogOptions): Limiter {
  positiveInteger("limit", options.limit);
  positiveInteger("windowMs", options.windowMs);
  const instance = Math.random().toString(36).slice(2);
  let sequence = 0;
  return {
    limit: options.limit,
    async check(key) {
      const now = options.now();
      // Members must be unique: two requests in the same millisecond are two entries.
      const member = `${now}:${instance}:${sequence++}`;
      const [allowed, count, resetMs] = (await redis.eval(
        LOG_SCRIPT, 1, `ratelimit:log:${key}`, now, options.windowMs, options.limit, member,
      )) as number[];
      return {
        allowed: allowed === 1,
        limit: options.limit,
        remaining: options.limit - count,
        resetMs,
        retryAfterMs: allowed === 1 ? 0 : resetMs,
      };
    },
  };
}

// Lua numbers returned to Redis are truncated to integers, so the fractional token count
// stays inside the hash (as a string) and only whole numbers come back.
const BUCKET_SCRIPT = `
local capacity, rate, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens, ts = tonumber(state[1]), tonumber(state[2])
if tokens == nil then tokens, ts = capacity, now end
if now > ts then
  tokens = math.min(capacity, tokens + (now - ts) * rate / 1000)
  ts = now
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
local fullIn = math.ceil((capacity - tokens) * 1000 / rate)
redis.call('PEXPIRE', KEYS[1], math.max(fullIn, 1))
local retry = 0
if allowed == 0 then retry = math.ceil((1 - tokens) * 1000 / rate) end
return { allowed, math.floor(tokens), fullIn, retry }
`;

export function tokenBucket(redis: Redis, options: BucketOptions): Limiter {
  positiveInteger("capacity", options.capacity);
  if (!(options.refillPerSecond > 0)) throw new RangeError(`refillPerSecond: expected a number above 0, got ${options.refillPerSecond}`);
  return {
    limit: options.capacity,
    async check(key) {
      const [allowed, remaining, resetMs, retryAfterMs] = (await redis.eval(
        BUCKET_SCRIPT, 1, `ratelimit:bucket:${key}`, options.capacity, options.refillPerSecond, options.now(),
      )) as number[];
      return { allowed: allowed === 1, limit: options.capacity, remaining, resetMs, retryAfterMs };
    },
  };
}
