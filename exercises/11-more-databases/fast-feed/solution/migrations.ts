import type { Db } from "@roadlab/db";

/** The indexes the feed needs. Safe to run twice. */
export async function createIndexes(db: Db): Promise<void> {
  await db.exec(`
    -- Only published posts, already in feed order: the page is the first limit + 1 entries
    -- after the cursor, no sort, no drafts skipped.
    CREATE INDEX IF NOT EXISTS posts_feed_idx ON posts (published_at DESC, id DESC) WHERE status = 'published';
    -- Postgres does not index foreign keys by itself: without this, each count reads all comments.
    CREATE INDEX IF NOT EXISTS comments_post_id_idx ON comments (post_id);
  `);
}
