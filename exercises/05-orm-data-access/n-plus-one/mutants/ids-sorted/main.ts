import type { Db } from "@roadlab/db";

/** One book with its review statistics. */
export interface BookSummary {
  id: number;
  title: string;
  publishedYear: number;
  /** How many reviews the book has (0 if none). */
  reviewCount: number;
  /** The mean rating as a number, or null when the book has no reviews. */
  averageRating: number | null;
}

/** An author with all their books. */
export interface AuthorWithBooks {
  id: number;
  name: string;
  country: string;
  /** Ordered by published year, then title, then id. Empty for an author without books. */
  books: BookSummary[];
}

interface BookRow {
  id: number;
  author_id: number;
  title: string;
  published_year: number;
  review_count: number;
  average_rating: number | null;
}

/**
 * The books of each requested author, as a Map from author id to that author's books.
 * Every requested id is a key, in the order first requested (an author with no books, or an id
 * that doesn't exist, maps to []). The caller may pass an id more than once.
 *
 * One query, however many ids are passed (none for an empty list): the batch function a
 * DataLoader would call.
 */
export async function booksByAuthorIds(db: Db, authorIds: number[]): Promise<Map<number, BookSummary[]>> {
  // Every requested id gets a key up front, so "no books" and "unknown author" both give [].
  const result = new Map<number, BookSummary[]>([...authorIds].sort((a, b) => a - b).map((id) => [id, []]));
  if (result.size === 0) return result;

  // ANY($1) takes the whole id list as ONE array parameter: the SQL text is the same for 1 id or
  // 10,000, so it can be prepared once, and it never hits the 65,535-parameter limit that
  // `IN ($1, $2, …)` runs into. The LEFT JOIN keeps books without reviews; count(r.id) counts
  // only real reviews, and avg over no rows is NULL. ::float8 because avg returns numeric,
  // which the driver hands over as a string.
  const { rows } = await db.query<BookRow>(
    `SELECT b.id, b.author_id, b.title, b.published_year,
            count(r.id)::int AS review_count,
            avg(r.rating)::float8 AS average_rating
     FROM books b
     LEFT JOIN reviews r ON r.book_id = b.id
     WHERE b.author_id = ANY($1::int[])
     GROUP BY b.id
     ORDER BY b.published_year, b.title, b.id`,
    [[...result.keys()]],
  );

  // The rows are already in book order, so pushing keeps each author's list sorted.
  for (const row of rows) {
    result.get(row.author_id)!.push({
      id: row.id,
      title: row.title,
      publishedYear: row.published_year,
      reviewCount: row.review_count,
      averageRating: row.average_rating,
    });
  }
  return result;
}

/**
 * Every author (ordered by name, then id) with their books and review statistics.
 * Two queries in total: the authors, then all their books in one batch.
 */
export async function authorsWithBooks(db: Db): Promise<AuthorWithBooks[]> {
  const { rows: authors } = await db.query<{ id: number; name: string; country: string }>(
    `SELECT id, name, country FROM authors ORDER BY name, id`,
  );
  const books = await booksByAuthorIds(db, authors.map((author) => author.id));
  return authors.map((author) => ({ ...author, books: books.get(author.id)! }));
}
