/**
 * What the editor knows about `@roadlab/redis` (src/harness/redis.ts), for Monaco as
 * node_modules/@roadlab/redis/index.d.ts: the commonly used part of ioredis's client. The real
 * client has more; src/harness/types/conformance.ts checks these match it.
 */
type Key = string;
type Value = string | number;
type Ok = "OK";

export interface ChainableCommander {
  get(key: Key): ChainableCommander;
  set(key: Key, value: Value): ChainableCommander;
  set(key: Key, value: Value, mode: "EX", seconds: number): ChainableCommander;
  set(key: Key, value: Value, mode: "PX", milliseconds: number): ChainableCommander;
  set(key: Key, value: Value, condition: "NX"): ChainableCommander;
  del(...keys: Key[]): ChainableCommander;
  incr(key: Key): ChainableCommander;
  incrby(key: Key, by: number): ChainableCommander;
  decr(key: Key): ChainableCommander;
  expire(key: Key, seconds: number, mode?: "NX" | "XX" | "GT" | "LT"): ChainableCommander;
  pexpire(key: Key, ms: number, mode?: "NX" | "XX" | "GT" | "LT"): ChainableCommander;
  hset(key: Key, ...fieldsAndValues: Value[]): ChainableCommander;
  hincrby(key: Key, field: string, by: number): ChainableCommander;
  lpush(key: Key, ...values: Value[]): ChainableCommander;
  rpush(key: Key, ...values: Value[]): ChainableCommander;
  sadd(key: Key, ...members: Value[]): ChainableCommander;
  zadd(key: Key, ...scoresAndMembers: Value[]): ChainableCommander;
  zremrangebyscore(key: Key, min: number | string, max: number | string): ChainableCommander;
  zcard(key: Key): ChainableCommander;
  /** Each command's [error, result], or null when a WATCHed key changed. */
  exec(): Promise<[error: Error | null, result: unknown][] | null>;
}

export interface Redis {
  readonly status: string;
  get(key: Key): Promise<string | null>;
  set(key: Key, value: Value): Promise<Ok>;
  set(key: Key, value: Value, mode: "EX", seconds: number): Promise<Ok>;
  set(key: Key, value: Value, mode: "PX", milliseconds: number): Promise<Ok>;
  /** null when NX found the key, or XX did not. */
  set(key: Key, value: Value, mode: "EX", seconds: number, condition: "NX"): Promise<Ok | null>;
  set(key: Key, value: Value, mode: "PX", milliseconds: number, condition: "NX"): Promise<Ok | null>;
  set(key: Key, value: Value, mode: "EX", seconds: number, condition: "XX"): Promise<Ok | null>;
  set(key: Key, value: Value, mode: "PX", milliseconds: number, condition: "XX"): Promise<Ok | null>;
  set(key: Key, value: Value, condition: "NX"): Promise<Ok | null>;
  set(key: Key, value: Value, condition: "XX"): Promise<Ok | null>;
  mget(...keys: Key[]): Promise<(string | null)[]>;
  mset(...keysAndValues: Value[]): Promise<Ok>;
  del(...keys: Key[]): Promise<number>;
  exists(...keys: Key[]): Promise<number>;
  keys(pattern: string): Promise<string[]>;
  scan(cursor: number | string): Promise<[cursor: string, keys: string[]]>;
  scan(cursor: number | string, match: "MATCH", pattern: string): Promise<[cursor: string, keys: string[]]>;
  scan(cursor: number | string, count: "COUNT", n: number): Promise<[cursor: string, keys: string[]]>;
  scan(cursor: number | string, match: "MATCH", pattern: string, count: "COUNT", n: number): Promise<[cursor: string, keys: string[]]>;
  incr(key: Key): Promise<number>;
  incrby(key: Key, by: number): Promise<number>;
  decr(key: Key): Promise<number>;
  expire(key: Key, seconds: number, mode?: "NX" | "XX" | "GT" | "LT"): Promise<number>;
  pexpire(key: Key, ms: number, mode?: "NX" | "XX" | "GT" | "LT"): Promise<number>;
  ttl(key: Key): Promise<number>;
  pttl(key: Key): Promise<number>;
  persist(key: Key): Promise<number>;
  hset(key: Key, ...fieldsAndValues: Value[]): Promise<number>;
  hget(key: Key, field: string): Promise<string | null>;
  hgetall(key: Key): Promise<Record<string, string>>;
  hincrby(key: Key, field: string, by: number): Promise<number>;
  hdel(key: Key, ...fields: string[]): Promise<number>;
  lpush(key: Key, ...values: Value[]): Promise<number>;
  rpush(key: Key, ...values: Value[]): Promise<number>;
  lpop(key: Key): Promise<string | null>;
  rpop(key: Key): Promise<string | null>;
  lrange(key: Key, start: number, stop: number): Promise<string[]>;
  llen(key: Key): Promise<number>;
  sadd(key: Key, ...members: Value[]): Promise<number>;
  srem(key: Key, ...members: Value[]): Promise<number>;
  smembers(key: Key): Promise<string[]>;
  sismember(key: Key, member: Value): Promise<number>;
  zadd(key: Key, ...scoresAndMembers: Value[]): Promise<number | string>;
  zrange(key: Key, start: number | string, stop: number | string): Promise<string[]>;
  /** Members and scores, alternating. */
  zrange(key: Key, start: number | string, stop: number | string, withScores: "WITHSCORES"): Promise<string[]>;
  zrangebyscore(key: Key, min: number | string, max: number | string): Promise<string[]>;
  zrangebyscore(key: Key, min: number | string, max: number | string, withScores: "WITHSCORES"): Promise<string[]>;
  zrangebyscore(key: Key, min: number | string, max: number | string, limit: "LIMIT", offset: number, count: number): Promise<string[]>;
  zrevrange(key: Key, start: number | string, stop: number | string): Promise<string[]>;
  zrevrange(key: Key, start: number | string, stop: number | string, withScores: "WITHSCORES"): Promise<string[]>;
  /** 0-based position by ascending score, or null when absent; zrevrank counts from the highest. */
  zrank(key: Key, member: Value): Promise<number | null>;
  zrevrank(key: Key, member: Value): Promise<number | null>;
  zremrangebyscore(key: Key, min: number | string, max: number | string): Promise<number>;
  zremrangebyrank(key: Key, start: number, stop: number): Promise<number>;
  zscore(key: Key, member: Value): Promise<string | null>;
  zincrby(key: Key, by: number, member: Value): Promise<string>;
  zcard(key: Key): Promise<number>;
  xadd(key: Key, id: string, ...fieldsAndValues: Value[]): Promise<string | null>;
  xrange(key: Key, start: string, end: string): Promise<[id: string, fields: string[]][]>;
  xlen(key: Key): Promise<number>;
  /** MULTI … EXEC: queued commands run together. */
  multi(): ChainableCommander;
  /** Commands sent in one round trip, without a transaction. */
  pipeline(): ChainableCommander;
  watch(...keys: Key[]): Promise<Ok>;
  unwatch(): Promise<Ok>;
  /** A Lua script: `redis.call(...)` inside, KEYS[1…] and ARGV[1…] from the arguments. */
  eval(script: string, numberOfKeys: number, ...keysAndArgs: Value[]): Promise<unknown>;
  publish(channel: string, message: string): Promise<number>;
  subscribe(...channels: string[]): Promise<unknown>;
  unsubscribe(...channels: string[]): Promise<unknown>;
  on(event: "message", listener: (channel: string, message: string) => void): Redis;
  on(event: string, listener: (...args: any[]) => void): Redis;
  /** A second connection (a subscriber blocks its connection); the helper closes it too. */
  duplicate(): Redis;
  dbsize(): Promise<number>;
  flushdb(): Promise<Ok>;
  quit(): Promise<Ok>;
}

/** An ioredis client on an empty Redis; each call empties it again. */
export function createRedis(): Promise<Redis>;
