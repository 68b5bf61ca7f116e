import type { Db } from "@roadlab/db";

export interface FeedItem {
  id: number;
  title: string;
  publishedAt: Date;
  author: { id: number; name: string };
  commentCount: number;
}

export interface FeedPage {
  items: FeedItem[];
  /** Pass back to get the next page; null on the last page. */
  nextCursor: string | null;
}

export class FeedError extends Error {
  constructor(
    readonly code: "BAD_LIMIT" | "BAD_CURSOR",
    message: string,
  ) {
    super(message);
    this.name = "FeedError";
  }
}

export const MAX_LIMIT = 50;

/**
 * Published posts, newest first (ties: higher id first), with author and comment count.
 * Correct, and slow: profile it, then fix it (README).
 */
export async function feedPage(db: Db, params: { limit: number; cursor?: string }): Promise<FeedPage> {
  const { limit, cursor } = params;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new FeedError("BAD_LIMIT", `limit must be an integer from 1 to ${MAX_LIMIT}, got ${limit}`);
  }
  const offset = cursor === undefined ? 0 : Number(atob(cursor));
  if (!Number.isInteger(offset) || offset < 0) throw new FeedError("BAD_CURSOR", "bad cursor");

  const { rows: posts } = await db.query<{ id: number; title: string; publishedAt: Date; authorId: number }>(
    `SELECT id, title, published_at AS "publishedAt", author_id AS "authorId"
       FROM posts WHERE status = 'published'
      ORDER BY published_at DESC, id DESC`,
  );
  const slice = posts.slice(offset, offset + limit);
  const items: FeedItem[] = [];
  for (const post of slice) {
    const author = await db.query<{ name: string }>("SELECT name FROM authors WHERE id = $1", [post.authorId]);
    const count = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM comments WHERE post_id = $1", [post.id]);
    items.push({
      id: post.id,
      title: post.title,
      publishedAt: post.publishedAt,
      author: { id: post.authorId, name: author.rows[0].name },
      commentCount: count.rows[0].n,
    });
  }
  const more = offset + limit < posts.length;
  return { items, nextCursor: more ? btoa(String(offset + limit)) : null };
}
