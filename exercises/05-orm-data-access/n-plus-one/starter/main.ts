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

// This file WORKS: every result is correct. It is also slow, because it runs one query for the
// authors, one more per author, and one more per book: 1 + N + M round trips ("N+1").
// Rewrite it so the number of queries no longer depends on how many authors and books there
// are — keep the results exactly the same.

/**
 * The books of each requested author, as a Map from author id to that author's books.
 * Every requested id is a key, in the order first requested (an author with no books, or an id
 * that doesn't exist, maps to []). The caller may pass an id more than once.
 *
 * Goal: at most ONE query, however many ids are passed (none for an empty list).
 */
export async function booksByAuthorIds(db: Db, authorIds: number[]): Promise<Map<number, BookSummary[]>> {
  const result = new Map<number, BookSummary[]>();
  // TODO: this loop runs a query per author, and another per book inside it. Replace it with one
  // query for all the authors at once (WHERE author_id = ANY($1)) that also counts and averages
  // the reviews, then group the rows by author in JavaScript.
  for (const authorId of authorIds) {
    const { rows: books } = await db.query<{ id: number; title: string; published_year: number }>(
      `SELECT id, title, published_year FROM books
       WHERE author_id = $1
       ORDER BY published_year, title, id`,
      [authorId],
    );
    const summaries: BookSummary[] = [];
    for (const book of books) {
      const { rows } = await db.query<{ review_count: number; average_rating: number | null }>(
        `SELECT count(*)::int AS review_count, avg(rating)::float8 AS average_rating
         FROM reviews WHERE book_id = $1`,
        [book.id],
      );
      summaries.push({
        id: book.id,
        title: book.title,
        publishedYear: book.published_year,
        reviewCount: rows[0].review_count,
        averageRating: rows[0].average_rating,
      });
    }
    result.set(authorId, summaries);
  }
  return result;
}

/**
 * Every author (ordered by name, then id) with their books and review statistics.
 *
 * Goal: at most TWO queries in total, however many authors, books and reviews there are.
 */
export async function authorsWithBooks(db: Db): Promise<AuthorWithBooks[]> {
  const { rows: authors } = await db.query<{ id: number; name: string; country: string }>(
    `SELECT id, name, country FROM authors ORDER BY name, id`,
  );
  const result: AuthorWithBooks[] = [];
  // TODO: one booksByAuthorIds call per author is the classic N+1. Ask for all the authors'
  // books in one call instead.
  for (const author of authors) {
    const books = await booksByAuthorIds(db, [author.id]);
    result.push({ id: author.id, name: author.name, country: author.country, books: books.get(author.id)! });
  }
  return result;
}
