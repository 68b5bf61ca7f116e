import type { Db } from "@roadlab/db";
import { feedPage, type FeedPage } from "./feed";

export const FIRST_PAGE_TTL_MS = 5_000;

export interface FeedApi {
  page(params: { limit: number; cursor?: string }): Promise<FeedPage>;
  publish(post: { authorId: number; title: string }): Promise<number>;
}

/**
 * The feed behind a small cache: almost every visitor reads the first page, so it is kept for a
 * few seconds per limit; deeper pages are rare and always read fresh. A publish clears it.
 */
export function createFeedApi(db: Db, clock: () => number = Date.now): FeedApi {
  const firstPages = new Map<number, { page: FeedPage; expiresAt: number }>();
  return {
    async page(params) {
      if (params.cursor !== undefined) return feedPage(db, params);
      const hit = firstPages.get(params.limit);
      if (hit && hit.expiresAt > clock()) return hit.page;
      const page = await feedPage(db, params); // throws for a bad limit before anything is cached
      firstPages.set(params.limit, { page, expiresAt: clock() + FIRST_PAGE_TTL_MS });
      return page;
    },
    async publish({ authorId, title }) {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO posts (author_id, title, status, published_at) VALUES ($1, $2, 'published', $3) RETURNING id`,
        [authorId, title, new Date(clock())],
      );
      firstPages.clear(); // after the insert: a read in between must not re-cache the old page
      return rows[0].id;
    },
  };
}
