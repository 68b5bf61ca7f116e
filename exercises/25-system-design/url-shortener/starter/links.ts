import type { Db } from "@roadlab/db";
import type { Redis } from "@roadlab/redis";
import { encode } from "./base62";
import { LinkError } from "./errors";
import type { LinkInput } from "./validation";

/** How long a link may sit in Redis at most; an expiring link's entry never outlives the link. */
export const CACHE_TTL_SECONDS = 3600;

export const cacheKey = (code: string) => `link:${code}`;
export const clicksKey = (code: string) => `clicks:${code}`;

export interface LinkStats {
  code: string;
  url: string;
  clicks: number;
  createdAt: string;
  expiresAt: string | null;
}

export class Links {
  constructor(
    private readonly db: Db,
    private readonly redis: Redis,
    private readonly now: () => Date,
  ) {}

  /** The link's code, and whether this call created it (false: the owner's existing link for the URL). */
  async create(owner: string, input: LinkInput): Promise<{ code: string; created: boolean }> {
    // TODO: an alias is inserted as is (unique violation 23505 → ALIAS_TAKEN); otherwise return the
    // owner's unexpired generated link for this URL, or encode the next sequence id, skipping ids
    // whose code an alias already holds. Store created_at from this.now(), not the database's clock.
    void [this.db, encode, LinkError];
    throw new Error(`create(${owner}, ${input.url}): not implemented`);
  }

  /** The target URL: from Redis when cached, else from Postgres, then cached (cache-aside). */
  async resolve(code: string): Promise<string> {
    // TODO: NOT_FOUND, GONE; cache {url, expiresAt} under cacheKey(code) for at most CACHE_TTL_SECONDS.
    void this.redis;
    throw new Error(`resolve(${code}): not implemented`);
  }

  /** Deletes the owner's link, then its cache entry and pending clicks. */
  async remove(owner: string, code: string): Promise<void> {
    throw new Error(`remove(${owner}, ${code}): not implemented`);
  }

  /** Postgres's count plus the clicks still waiting in Redis for the next flush. */
  async stats(code: string): Promise<LinkStats> {
    throw new Error(`stats(${code}): not implemented`);
  }
}
