/**
 * The part of the Redis client (ioredis's API) this exercise uses. The tests pass a real client
 * (an emulator in the page, a real Redis server in CI), or one whose every command rejects, as a
 * Redis outage would. Read-only.
 */
export interface CacheRedis {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, mode: "EX", seconds: number): Promise<unknown>;
  del(...keys: string[]): Promise<number>;
  hincrby(key: string, field: string, by: number): Promise<number>;
  hgetall(key: string): Promise<Record<string, string>>;
}
