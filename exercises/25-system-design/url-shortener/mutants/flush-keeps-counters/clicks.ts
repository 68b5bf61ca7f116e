import type { Db } from "@roadlab/db";
import type { Redis } from "@roadlab/redis";
import { clicksKey } from "./links";

/** The set of codes whose counters in Redis hold clicks Postgres has not seen yet. */
export const PENDING_KEY = "clicks:pending";

/** One click: a counter bump in Redis (O(1), no disk), never a write to Postgres. */
export async function recordClick(redis: Redis, code: string): Promise<void> {
  await redis.multi().incr(clicksKey(code)).sadd(PENDING_KEY, code).exec();
}

/**
 * Moves every pending count into links.clicks with one UPDATE, and returns how many links and
 * clicks it moved. Each counter is read and deleted in one MULTI (GETDEL before Redis 6.2), so a
 * click that lands meanwhile starts a new counter and waits for the next flush instead of vanishing.
 */
export async function flushClicks(db: Db, redis: Redis): Promise<{ links: number; clicks: number }> {
  const codes = await redis.smembers(PENDING_KEY);
  const batch = { codes: [] as string[], counts: [] as number[] };
  for (const code of codes) {
    // Leave the set before the read: a click from here on adds the code back for the next flush.
    await redis.srem(PENDING_KEY, code);
    const count = Number((await redis.get(clicksKey(code))) ?? 0);
    await redis.sadd(PENDING_KEY, code);
    if (count > 0) {
      batch.codes.push(code);
      batch.counts.push(count);
    }
  }
  if (batch.codes.length === 0) return { links: 0, clicks: 0 };
  await db.query(
    `UPDATE links SET clicks = links.clicks + pending.n
     FROM unnest($1::text[], $2::bigint[]) AS pending(code, n)
     WHERE links.code = pending.code`,
    [batch.codes, batch.counts],
  );
  return { links: batch.codes.length, clicks: batch.counts.reduce((a, b) => a + b, 0) };
}
