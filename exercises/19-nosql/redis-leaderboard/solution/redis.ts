/**
 * The part of the Redis client (ioredis's API) this exercise uses. The tests pass a real client:
 * an emulator in the page, a real Redis server in CI. Read-only.
 */
export interface LeaderboardRedis {
  /** A Lua script, run atomically: KEYS[1…] and ARGV[1…] from the arguments. */
  eval(script: string, numberOfKeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
  zadd(key: string, ...scoresAndMembers: (string | number)[]): Promise<number | string>;
  zscore(key: string, member: string): Promise<string | null>;
  /** 0-based position counting from the highest score; null when absent. */
  zrevrank(key: string, member: string): Promise<number | null>;
  /** Members from the highest score down, by 0-based position, both ends inclusive; negative counts from the end. */
  zrevrange(key: string, start: number, stop: number, withScores: "WITHSCORES"): Promise<string[]>;
  zremrangebyrank(key: string, start: number, stop: number): Promise<number>;
  zcard(key: string): Promise<number>;
}
