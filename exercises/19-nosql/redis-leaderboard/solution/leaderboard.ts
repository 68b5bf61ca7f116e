import { LeaderboardError } from "./errors";
import type { LeaderboardRedis } from "./redis";

export interface Entry {
  rank: number;
  player: string;
  points: number;
}

export const MAX_POINTS = 1_000_000;
export const SEASON_SECONDS = 1_000_000_000;

/** Points in the high digits, "how early" in the low nine: equal points rank the first to reach them higher. */
export function encode(points: number, secondsIntoSeason: number): number {
  return points * SEASON_SECONDS + (SEASON_SECONDS - 1 - secondsIntoSeason);
}

export function decode(score: string | number): number {
  return Math.floor(Number(score) / SEASON_SECONDS);
}

/**
 * Keep the higher score, then trim the board, in one atomic step (ZADD GT in Redis 6.2+, which
 * the in-page emulator lacks). Returns { improved, stored score }, or { 0 } when the player did not make the board.
 */
const SUBMIT = `
local current = redis.call('ZSCORE', KEYS[1], ARGV[2])
local improved = 0
if not current or tonumber(ARGV[1]) > tonumber(current) then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
  improved = 1
end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[3]) + 1))
local stored = redis.call('ZSCORE', KEYS[1], ARGV[2])
if not stored then return { 0 } end
return { improved, stored }
`;

function check(ok: boolean, what: string): void {
  if (!ok) throw new LeaderboardError(what);
}

const isInt = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

export class Leaderboard {
  readonly key: string;
  readonly #maxEntries: number;

  constructor(
    private readonly redis: LeaderboardRedis,
    name: string,
    options: { maxEntries?: number } = {},
  ) {
    this.key = `leaderboard:${name}`;
    this.#maxEntries = options.maxEntries ?? 1000;
  }

  async submit(player: string, points: number, secondsIntoSeason: number): Promise<{ improved: boolean; best: number | null }> {
    check(player.length > 0, "player: expected a name");
    check(isInt(points, 0, MAX_POINTS), `points: expected an integer from 0 to ${MAX_POINTS}`);
    check(isInt(secondsIntoSeason, 0, SEASON_SECONDS - 1), "secondsIntoSeason: expected an integer from 0 to 999999999");
    const [improved, stored] = (await this.redis.eval(SUBMIT, 1, this.key, encode(points, secondsIntoSeason), player, this.#maxEntries)) as [number, string?];
    return { improved: improved === 1, best: stored ? decode(stored) : null };
  }

  async rank(player: string): Promise<number | null> {
    const position = await this.redis.zrevrank(this.key, player);
    return position === null ? null : position + 1;
  }

  async top(page = 1, pageSize = 10): Promise<Entry[]> {
    check(isInt(page, 1, Number.MAX_SAFE_INTEGER), "page: expected an integer ≥ 1");
    check(isInt(pageSize, 1, 100), "pageSize: expected an integer from 1 to 100");
    const start = (page - 1) * pageSize;
    return this.#range(start, start + pageSize - 1);
  }

  async around(player: string, radius = 2): Promise<Entry[]> {
    check(isInt(radius, 0, 50), "radius: expected an integer from 0 to 50");
    const position = await this.redis.zrevrank(this.key, player);
    if (position === null) return [];
    // A negative start would count from the bottom of the board.
    return this.#range(Math.max(0, position - radius), position + radius);
  }

  async #range(start: number, stop: number): Promise<Entry[]> {
    const flat = await this.redis.zrevrange(this.key, start, stop, "WITHSCORES");
    const entries: Entry[] = [];
    for (let i = 0; i < flat.length; i += 2) entries.push({ rank: start + i / 2 + 1, player: flat[i], points: decode(flat[i + 1]) });
    return entries;
  }
}
