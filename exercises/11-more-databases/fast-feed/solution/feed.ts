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

interface Row {
  id: number;
  title: string;
  publishedAt: Date;
  authorId: number;
  authorName: string;
  commentCount: number;
}

/** Published posts, newest first (ties: higher id first), with author and comment count. */
export async function feedPage(db: Db, params: { limit: number; cursor?: string }): Promise<FeedPage> {
  const { limit, cursor } = params;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new FeedError("BAD_LIMIT", `limit must be an integer from 1 to ${MAX_LIMIT}, got ${limit}`);
  }
  const after = cursor === undefined ? null : decodeCursor(cursor);
  // One statement: the author by join, the count by a correlated subquery that walks the
  // comments(post_id) index once per post on the page, never the whole comments table.
  // Keyset: "after this (published_at, id)" lets the index start at the cursor; OFFSET would
  // read and throw away every row before it. Two fixed texts: the first page has no condition.
  const { rows } = await db.query<Row>(
    `SELECT p.id, p.title, p.published_at AS "publishedAt",
            a.id AS "authorId", a.name AS "authorName",
            (SELECT count(*)::int FROM comments c WHERE c.post_id = p.id) AS "commentCount"
       FROM posts p
       JOIN authors a ON a.id = p.author_id
      WHERE p.status = 'published'
        ${after ? `AND (p.published_at, p.id) < ($2::timestamptz, $3::int)` : ""}
      ORDER BY p.published_at DESC, p.id DESC
      LIMIT $1`,
    after ? [limit + 1, after.publishedAt, after.id] : [limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      title: r.title,
      publishedAt: r.publishedAt,
      author: { id: r.authorId, name: r.authorName },
      commentCount: r.commentCount,
    })),
    nextCursor: rows.length > limit ? encodeCursor(last.publishedAt, last.id) : null,
  };
}

function encodeCursor(publishedAt: Date, id: number): string {
  return btoa(JSON.stringify([publishedAt.toISOString(), id])).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decodeCursor(cursor: string): { publishedAt: string; id: number } {
  try {
    const value: unknown = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/")));
    if (Array.isArray(value) && value.length === 2) {
      const [publishedAt, id] = value;
      if (typeof publishedAt === "string" && !Number.isNaN(Date.parse(publishedAt)) && Number.isInteger(id)) {
        return { publishedAt, id };
      }
    }
  } catch {
    // fall through: not base64 or not JSON
  }
  throw new FeedError("BAD_CURSOR", "cursor is not one this API handed out");
}
