import type { Db } from "@roadlab/db";

/** The indexes the feed needs. Safe to run twice. */
export async function createIndexes(db: Db): Promise<void> {
  // TODO: read the feed's plan first, then add the indexes that remove its Seq Scans and sort
  void db;
}
