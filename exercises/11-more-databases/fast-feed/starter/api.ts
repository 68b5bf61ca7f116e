import type { Db } from "@roadlab/db";
import { feedPage, type FeedPage } from "./feed";

export const FIRST_PAGE_TTL_MS = 5_000;

export interface FeedApi {
  page(params: { limit: number; cursor?: string }): Promise<FeedPage>;
  publish(post: { authorId: number; title: string }): Promise<number>;
}

/** The feed behind a small cache for the first page (README). */
export function createFeedApi(db: Db, clock: () => number = Date.now): FeedApi {
  return {
    async page(params) {
      // TODO: keep the first page per limit for FIRST_PAGE_TTL_MS
      return feedPage(db, params);
    },
    async publish({ authorId, title }) {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO posts (author_id, title, status, published_at) VALUES ($1, $2, 'published', $3) RETURNING id`,
        [authorId, title, new Date(clock())],
      );
      return rows[0].id;
    },
  };
}
