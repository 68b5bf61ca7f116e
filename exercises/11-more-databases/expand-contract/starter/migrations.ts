import type { Db } from "@roadlab/db";

/**
 * Rename users.fullname to users.display_name without downtime, in three deploy steps
 * (README). Each step must be safe to run twice.
 */

/** Step 1, before any v2 instance starts: v1 and v2 must both work afterwards. */
export async function expand(db: Db): Promise<void> {
  // TODO: the one-step rename below breaks every v1 instance still running
  throw new Error("not implemented");
}

/** Step 2: fill display_name for the rows written before step 1, at most `batchSize` rows per UPDATE. */
export async function backfill(db: Db, batchSize = 1000): Promise<number> {
  throw new Error("not implemented");
}

/** Step 3, once no v1 instance is left: only v2 must work afterwards. */
export async function contract(db: Db): Promise<void> {
  throw new Error("not implemented");
}
