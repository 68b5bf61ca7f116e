import type { Db } from "@roadlab/db";

export interface ArticleHit {
  id: number;
  title: string;
  rank: number;
}

/** Adds the weighted tsvector column and its GIN index. Run once, like a migration. */
export async function setup(db: Db): Promise<void> {
  // TODO: a generated tsvector column `search` (title weight A, body weight B, 'english'),
  // and a GIN index named articles_search_idx on it.
  void db;
  throw new Error("not implemented: setup");
}

/** Web-style search (quotes, or, -word): best rank first, ties by id. */
export async function searchArticles(db: Db, q: string, limit = 10): Promise<ArticleHit[]> {
  // TODO: websearch_to_tsquery('english', $1), @@, ts_rank, ORDER BY rank DESC, id.
  void db;
  void q;
  void limit;
  throw new Error("not implemented: searchArticles");
}
