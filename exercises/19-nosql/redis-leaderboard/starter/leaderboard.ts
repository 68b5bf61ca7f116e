import { LeaderboardError } from "./errors";
import type { LeaderboardRedis } from "./redis";

export interface Entry {
  rank: number;
  player: string;
  points: number;
}

export const MAX_POINTS = 1_000_000;
export const SEASON_SECONDS = 1_000_000_000;

/** The sorted-set score for these points, reached at this second of the season (see the README). */
export function encode(points: number, secondsIntoSeason: number): number {
  // TODO
  throw new Error("not implemented");
}

/** The points inside a sorted-set score. */
export function decode(score: string | number): number {
  // TODO
  throw new Error("not implemented");
}

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

  /** Keep the player's best score and trim the board to maxEntries, atomically (one EVAL). */
  async submit(player: string, points: number, secondsIntoSeason: number): Promise<{ improved: boolean; best: number | null }> {
    // TODO: validate (LeaderboardError), then one Lua script: compare, ZADD, ZREMRANGEBYRANK
    throw new Error("not implemented");
  }

  /** 1-based rank, or null. */
  async rank(player: string): Promise<number | null> {
    // TODO: ZREVRANK
    throw new Error("not implemented");
  }

  /** One page of the board from the top. */
  async top(page = 1, pageSize = 10): Promise<Entry[]> {
    // TODO: ZREVRANGE … WITHSCORES
    throw new Error("not implemented");
  }

  /** The player and up to `radius` places above and below. */
  async around(player: string, radius = 2): Promise<Entry[]> {
    // TODO
    throw new Error("not implemented");
  }
}
