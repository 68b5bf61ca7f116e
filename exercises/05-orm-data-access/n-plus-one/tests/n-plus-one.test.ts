import { describe, it, expect, beforeEach } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { authorsWithBooks, booksByAuthorIds, type AuthorWithBooks, type BookSummary } from "../main";

let db: Db;
beforeEach(async () => {
  db = await createDb();
});

/**
 * The same database, counting every statement sent to it: each db.query, each statement of a
 * db.exec, and each query inside a transaction. `statements` keeps the SQL, so a failed
 * assertion shows what was run; `rows` counts the rows they returned, so fetching everything in
 * one query and filtering in JavaScript shows up too.
 */
function counting(inner: Db) {
  const statements: string[] = [];
  const fetched = { rows: 0 };
  const record = (sql: string) => statements.push(sql.replace(/\s+/g, " ").trim());
  const tally = <R>(result: R): R => {
    for (const r of [result].flat() as { rows?: unknown[] }[]) fetched.rows += r?.rows?.length ?? 0;
    return result;
  };
  const countTx = <T extends object>(tx: T): T =>
    new Proxy(tx, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (typeof value !== "function") return value;
        if (key === "query" || key === "exec" || key === "sql") {
          return async (...args: unknown[]) => {
            record(String(args[0]));
            return tally(await value.apply(target, args));
          };
        }
        return value.bind(target);
      },
    });
  const db: Db = {
    query: async (sql, params) => {
      record(sql);
      return tally(await inner.query(sql, params));
    },
    exec: async (sql) => {
      const results = await inner.exec(sql);
      // One exec can hold many statements: count each one.
      for (let i = 0; i < Math.max(results.length, 1); i++) record(sql);
      return tally(results);
    },
    transaction: (fn) => inner.transaction((tx) => fn(countTx(tx))),
  };
  return { db, statements, fetched };
}

const book = (id: number, title: string, publishedYear: number, reviewCount: number, averageRating: number | null): BookSummary => ({
  id,
  title,
  publishedYear,
  reviewCount,
  averageRating,
});

const butlerBooks = [book(8, "Kindred", 1979, 2, 5), book(9, "Parable of the Sower", 1993, 0, null)];
const lemBooks = [
  book(10, "Solaris", 1961, 2, 3.5),
  book(11, "The Cyberiad", 1965, 1, 5),
  book(12, "His Master's Voice", 1968, 4, 3),
];
const pratchettBooks = [
  book(4, "The Colour of Magic", 1983, 4, 3.5),
  book(13, "Equal Rites", 1987, 4, 3.25),
  book(5, "Mort", 1987, 4, 4.75),
  book(6, "Guards! Guards!", 1989, 2, 4.5),
  book(7, "Small Gods", 1992, 4, 4.25),
];
const leGuinBooks = [
  book(1, "A Wizard of Earthsea", 1968, 2, 4.5),
  book(2, "The Left Hand of Darkness", 1969, 4, 4.5),
  book(3, "The Dispossessed", 1974, 1, 4),
];

const seeded: AuthorWithBooks[] = [
  { id: 5, name: "N. K. Jemisin", country: "US", books: [] },
  { id: 3, name: "Octavia E. Butler", country: "US", books: butlerBooks },
  { id: 4, name: "Stanisław Lem", country: "PL", books: lemBooks },
  { id: 2, name: "Terry Pratchett", country: "GB", books: pratchettBooks },
  { id: 1, name: "Ursula K. Le Guin", country: "US", books: leGuinBooks },
];

/**
 * 50 more authors (ids 6–55, named "Author 06" … "Author 55") with 3 books each; every book
 * gets (author id mod 4) reviews rated 4 and one rated 2. Inserted in three statements.
 */
async function addManyAuthors(db: Db) {
  await db.exec(`
    INSERT INTO authors (id, name, country)
      SELECT g, 'Author ' || lpad(g::text, 2, '0'), 'NZ' FROM generate_series(6, 55) AS g;
    INSERT INTO books (author_id, title, published_year)
      SELECT a, 'Book ' || n || ' by ' || a, 2000 + n FROM generate_series(6, 55) AS a, generate_series(1, 3) AS n;
    INSERT INTO reviews (book_id, rating)
      SELECT b.id, CASE WHEN k = 0 THEN 2 ELSE 4 END
      FROM books b, generate_series(0, 3) AS k
      WHERE b.author_id >= 6 AND k <= b.author_id % 4;
  `);
}

describe("authorsWithBooks: results", () => {
  it("returns every author by name, each with their books and review statistics", async () => {
    expect(await authorsWithBooks(db)).toEqual(seeded);
  });

  it("keeps an author without books (books: []) and a book without reviews (0 reviews, averageRating null)", async () => {
    const authors = await authorsWithBooks(db);
    expect(authors.find((a) => a.id === 5)).toEqual({ id: 5, name: "N. K. Jemisin", country: "US", books: [] });
    expect(authors.find((a) => a.id === 3)?.books[1]).toEqual(book(9, "Parable of the Sower", 1993, 0, null));
  });

  it("orders books by year, then title, then id, and counts reviews per book, not per join row", async () => {
    const pratchett = (await authorsWithBooks(db)).find((a) => a.id === 2);
    // Equal Rites (id 13) and Mort (id 5) share 1987: the title decides.
    expect(pratchett?.books.map((b) => b.title)).toEqual(["The Colour of Magic", "Equal Rites", "Mort", "Guards! Guards!", "Small Gods"]);
    expect(pratchett?.books.map((b) => b.reviewCount)).toEqual([4, 4, 4, 2, 4]);
    expect(typeof pratchett?.books[0].averageRating).toBe("number");
  });
});

describe("authorsWithBooks: queries", () => {
  it("runs at most 2 queries for the seeded catalogue", async () => {
    const { db: counted, statements } = counting(db);
    await authorsWithBooks(counted);
    expect(statements.length, `queries run (showing 5):\n${statements.slice(0, 5).join("\n")}`).toBeLessThanOrEqual(2);
  });

  it("still runs at most 2 queries with 55 authors and 163 books, and gets them all right", async () => {
    await addManyAuthors(db);
    const { db: counted, statements } = counting(db);
    const authors = await authorsWithBooks(counted);
    expect(statements.length, `queries run for 55 authors (showing 5):\n${statements.slice(0, 5).join("\n")}`).toBeLessThanOrEqual(2);

    expect(authors).toHaveLength(55);
    expect(authors.slice(0, 2).map((a) => a.name)).toEqual(["Author 06", "Author 07"]);
    expect(authors.slice(50)).toEqual(seeded);
    // Author 07: 7 % 4 = 3 → reviews 2, 4, 4, 4 on each book → mean 3.5.
    expect(authors[1].books.map(({ id, ...rest }) => rest)).toEqual([
      { title: "Book 1 by 7", publishedYear: 2001, reviewCount: 4, averageRating: 3.5 },
      { title: "Book 2 by 7", publishedYear: 2002, reviewCount: 4, averageRating: 3.5 },
      { title: "Book 3 by 7", publishedYear: 2003, reviewCount: 4, averageRating: 3.5 },
    ]);
    // Author 08: 8 % 4 = 0 → a single review rated 2.
    expect(authors[2].books.map((b) => [b.reviewCount, b.averageRating])).toEqual([[1, 2], [1, 2], [1, 2]]);
  });
});

describe("authorsWithBooks: rows fetched", () => {
  it("fetches at most one row per author and one per book (reviews are aggregated in SQL)", async () => {
    await addManyAuthors(db);
    const { db: counted, fetched } = counting(db);
    await authorsWithBooks(counted);
    // 55 authors and 163 books: a row per review (1,000+) means the statistics were computed in JavaScript.
    expect(fetched.rows, "rows returned by all queries together").toBeLessThanOrEqual(55 + 163);
  });
});

describe("booksByAuthorIds", () => {
  it("gives the same books as authorsWithBooks, one author or many", async () => {
    for (const author of seeded) {
      expect((await booksByAuthorIds(db, [author.id])).get(author.id), author.name).toEqual(author.books);
    }
  });

  it("maps each requested author id to that author's books", async () => {
    const books = await booksByAuthorIds(db, [4, 2]);
    expect([...books.keys()]).toEqual([4, 2]);
    expect(books.get(4)).toEqual(lemBooks);
    expect(books.get(2)).toEqual(pratchettBooks);
  });

  it("gives [] for an author without books and for an id that does not exist, and handles repeats", async () => {
    const books = await booksByAuthorIds(db, [5, 999, 3, 5]);
    expect([...books.entries()]).toEqual([
      [5, []],
      [999, []],
      [3, butlerBooks],
    ]);
  });

  it("runs one query for many ids, and none for an empty list", async () => {
    await addManyAuthors(db);
    const { db: counted, statements } = counting(db);
    const ids = Array.from({ length: 55 }, (_, i) => 55 - i);
    const books = await booksByAuthorIds(counted, ids);
    expect(statements.length, `queries run for 55 ids (showing 5):\n${statements.slice(0, 5).join("\n")}`).toBeLessThanOrEqual(1);
    expect(books.size).toBe(55);
    expect(books.get(1)).toEqual(leGuinBooks);

    statements.length = 0;
    expect(await booksByAuthorIds(counted, [])).toEqual(new Map());
    expect(statements).toEqual([]);
  });

  it("fetches only the requested authors' books, one row per book", async () => {
    // Fetching every book (or every review) in one query and filtering in JavaScript keeps the
    // query count at 1 but moves the whole table over the wire on every call.
    await addManyAuthors(db);
    const { db: counted, fetched } = counting(db);
    const books = await booksByAuthorIds(counted, [2, 5, 999]);
    expect(books.get(2)).toEqual(pratchettBooks);
    expect(fetched.rows, "rows returned for authors 2 (5 books), 5 (none) and 999 (unknown)").toBeLessThanOrEqual(5);
  });
});
