import type { Db } from "@roadlab/db";

export interface ArticleHit {
  id: number;
  title: string;
  rank: number;
}

/** Adds the weighted tsvector column and its GIN index. Run once, like a migration. */
export async function setup(db: Db): Promise<void> {
  // A generated column is recomputed by Postgres on every insert and update, so the search
  // text can never fall behind the row.
  await db.exec(`
    ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
    ) STORED;
    CREATE INDEX articles_search_idx ON articles USING gin (search);
  `);
}

/** Web-style search (quotes, or, -word): best rank first, ties by id. */
export async function searchArticles(db: Db, q: string, limit = 10): Promise<ArticleHit[]> {
  const { rows } = await db.query<ArticleHit>(
    `SELECT id, title, ts_rank(search, query) AS rank
       FROM articles, websearch_to_tsquery('english', $1) AS query
      WHERE setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B') @@ query
      ORDER BY rank DESC, id
      LIMIT $2`,
    [q, limit],
  );
  return rows;
}
