import type { Db } from "@roadlab/db";
import type { Redis } from "@roadlab/redis";
import { clicksKey } from "./links";

/** The set of codes whose counters in Redis hold clicks Postgres has not seen yet. */
export const PENDING_KEY = "clicks:pending";

/** One click: INCR clicksKey(code) and remember the code (in PENDING_KEY, say). Never a write to Postgres. */
export async function recordClick(redis: Redis, code: string): Promise<void> {
  throw new Error(`recordClick(${clicksKey(code)}): not implemented`);
}

/** Moves every pending count into links.clicks with one UPDATE; returns how many links and clicks it moved. */
export async function flushClicks(db: Db, redis: Redis): Promise<{ links: number; clicks: number }> {
  void [db, redis];
  throw new Error("flushClicks: not implemented");
}
