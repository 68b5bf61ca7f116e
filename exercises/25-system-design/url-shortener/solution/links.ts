import type { Db } from "@roadlab/db";
import type { Redis } from "@roadlab/redis";
import { encode } from "./base62";
import { LinkError } from "./errors";
import type { LinkInput } from "./validation";

/** How long a link may sit in Redis at most; an expiring link's entry never outlives the link. */
export const CACHE_TTL_SECONDS = 3600;

export const cacheKey = (code: string) => `link:${code}`;
export const clicksKey = (code: string) => `clicks:${code}`;

interface Cached {
  url: string;
  expiresAt: string | null;
}

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
    const expiresAt = input.expiresAt?.toISOString() ?? null;
    if (input.alias !== undefined) {
      try {
        await this.insert(null, input.alias, true, input.url, owner, expiresAt);
      } catch (err) {
        if ((err as { code?: string }).code === "23505") throw new LinkError("ALIAS_TAKEN", `alias "${input.alias}" is taken`);
        throw err;
      }
      return { code: input.alias, created: true };
    }

    const { rows } = await this.db.query<{ code: string }>(
      `SELECT code FROM links WHERE owner = $1 AND url = $2 AND NOT custom AND (expires_at IS NULL OR expires_at > $3)
       ORDER BY id LIMIT 1`,
      [owner, input.url, this.now().toISOString()],
    );
    if (rows[0]) return { code: rows[0].code, created: false };

    // The code is the id in base62. An alias may already hold that string: then take the next id.
    for (;;) {
      const next = await this.db.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('links', 'id'))::text AS id`);
      const id = next.rows[0]!.id;
      const code = encode(Number(id));
      if (await this.insert(id, code, false, input.url, owner, expiresAt)) return { code, created: true };
    }
  }

  /** The target URL: from Redis when cached, else from Postgres, then cached (cache-aside). */
  async resolve(code: string): Promise<string> {
    const key = cacheKey(code);
    const hit = await this.redis.get(key);
    let link: Cached;
    if (hit !== null) {
      link = JSON.parse(hit) as Cached;
    } else {
      const { rows } = await this.db.query<{ url: string; expires_at: Date | null }>(
        "SELECT url, expires_at FROM links WHERE code = $1",
        [code],
      );
      if (!rows[0]) throw new LinkError("NOT_FOUND", `no link "${code}"`);
      link = { url: rows[0].url, expiresAt: rows[0].expires_at ? new Date(rows[0].expires_at).toISOString() : null };
      const ttl = this.ttlFor(link);
      if (ttl > 0) await this.redis.set(key, JSON.stringify(link), "EX", ttl);
    }
    // Checked on a hit too: the TTL is whole seconds, and clocks between servers drift.
    if (link.expiresAt !== null && Date.parse(link.expiresAt) <= this.now().getTime()) {
      throw new LinkError("GONE", `link "${code}" expired`);
    }
    return link.url;
  }

  /** Deletes the owner's link, then its cache entry and pending clicks (Postgres first, then Redis). */
  async remove(owner: string, code: string): Promise<void> {
    const { rows } = await this.db.query("DELETE FROM links WHERE code = $1 AND owner = $2 RETURNING id", [code, owner]);
    if (rows.length === 0) throw new LinkError("NOT_FOUND", `no link "${code}" of yours`);
    await this.redis.del(cacheKey(code), clicksKey(code));
  }

  /** Postgres's count plus the clicks still waiting in Redis for the next flush. */
  async stats(code: string): Promise<LinkStats> {
    const { rows } = await this.db.query<{ url: string; clicks: string; created_at: Date; expires_at: Date | null }>(
      "SELECT url, clicks::text AS clicks, created_at, expires_at FROM links WHERE code = $1",
      [code],
    );
    const row = rows[0];
    if (!row) throw new LinkError("NOT_FOUND", `no link "${code}"`);
    const pending = Number((await this.redis.get(clicksKey(code))) ?? 0);
    return {
      code,
      url: row.url,
      clicks: Number(row.clicks) + pending,
      createdAt: new Date(row.created_at).toISOString(),
      expiresAt: row.expires_at ? new Date(row.expires_at).toISOString() : null,
    };
  }

  private ttlFor(link: Cached): number {
    if (link.expiresAt === null) return CACHE_TTL_SECONDS;
    const left = Math.floor((Date.parse(link.expiresAt) - this.now().getTime()) / 1000);
    return Math.min(CACHE_TTL_SECONDS, left);
  }

  /** True when the row went in; false when a generated code was already taken (by an alias). */
  private async insert(id: string | null, code: string, custom: boolean, url: string, owner: string, expiresAt: string | null) {
    const columns = "code, custom, url, owner, expires_at, created_at";
    const values = [code, custom, url, owner, expiresAt, this.now().toISOString()];
    const { rows } = id === null
      ? await this.db.query(`INSERT INTO links (${columns}) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, values)
      : await this.db.query(
          `INSERT INTO links (id, ${columns}) VALUES ($7, $1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING RETURNING id`,
          [...values, id],
        );
    return rows.length === 1;
  }
}
