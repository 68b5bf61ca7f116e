import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, configureDb, createDb, type Db } from "./db";

const seed = `
  CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
  CREATE TABLE books (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id int NOT NULL REFERENCES authors(id),
    title text NOT NULL,
    price_cents int NOT NULL,
    price_with_tax int GENERATED ALWAYS AS (price_cents * 12 / 10) STORED
  );
  INSERT INTO authors (name) VALUES ('Ada'), ('Grace');
  INSERT INTO books (author_id, title, price_cents) VALUES (1, 'Notes', 1000), (2, 'Compilers', 2000);
`;

const count = async (db: Db, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

describe("@roadlab/db", () => {
  beforeAll(() => configureDb({ seed }));
  afterAll(() => closeDb());

  it("gives a database in the seeded state", async () => {
    const db = await createDb();
    expect(await count(db, "authors")).toBe(2);
    const { rows } = await db.query<{ price_with_tax: number }>("SELECT price_with_tax FROM books ORDER BY id");
    expect(rows.map((r) => r.price_with_tax)).toEqual([1200, 2400]);
  });

  it("undoes inserts, updates and deletes from the previous test", async () => {
    let db = await createDb();
    await db.query("INSERT INTO authors (name) VALUES ('Linus')");
    await db.query("UPDATE books SET title = 'Changed'");
    await db.query("DELETE FROM books WHERE id = 2");
    db = await createDb();
    expect(await count(db, "authors")).toBe(2);
    const { rows } = await db.query<{ title: string }>("SELECT title FROM books ORDER BY id");
    expect(rows.map((r) => r.title)).toEqual(["Notes", "Compilers"]);
  });

  it("restarts sequences where the seed left them", async () => {
    let db = await createDb();
    await db.query("INSERT INTO authors (name) VALUES ('Linus'), ('Barbara')");
    db = await createDb();
    const { rows } = await db.query<{ id: number }>("INSERT INTO authors (name) VALUES ('Edsger') RETURNING id");
    expect(rows[0].id).toBe(3);
    const book = await db.query<{ id: number }>("INSERT INTO books (author_id, title, price_cents) VALUES (1, 'x', 1) RETURNING id");
    expect(book.rows[0].id).toBe(3);
  });

  it("undoes schema changes: new tables, indexes, dropped and altered tables", async () => {
    let db = await createDb();
    await db.exec(`
      CREATE TABLE scratch (id int);
      CREATE INDEX books_title ON books (title);
      ALTER TABLE authors ADD COLUMN born int;
      DROP TABLE books;
    `);
    db = await createDb();
    const tables = await db.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    expect(tables.rows.map((r) => r.name)).toEqual(["authors", "books"]);
    const indexes = await db.query("SELECT 1 FROM pg_indexes WHERE indexname = 'books_title'");
    expect(indexes.rows).toHaveLength(0);
    await expect(db.query("SELECT born FROM authors")).rejects.toThrow(/born/);
    expect(await count(db, "books")).toBe(2);
  });

  it("closes a transaction a test left open, discarding its work", async () => {
    let db = await createDb();
    await db.exec("BEGIN; INSERT INTO authors (name) VALUES ('Half-done');");
    db = await createDb();
    expect(await count(db, "authors")).toBe(2);
    await db.query("INSERT INTO authors (name) VALUES ('Next')");
    expect(await count(db, "authors")).toBe(3);
  });

  it("recovers from an aborted transaction", async () => {
    let db = await createDb();
    await db.exec("BEGIN");
    await expect(db.query("INSERT INTO authors (name) VALUES ('Ada')")).rejects.toMatchObject({ code: "23505" });
    db = await createDb();
    expect(await count(db, "authors")).toBe(2);
  });

  it("keeps constraints enforced after a reset", async () => {
    const db = await createDb();
    await expect(db.query("INSERT INTO books (author_id, title, price_cents) VALUES (99, 'x', 1)")).rejects.toMatchObject({ code: "23503" });
  });

  it("resets session settings", async () => {
    let db = await createDb();
    await db.exec("SET search_path TO nowhere");
    db = await createDb();
    expect(await count(db, "authors")).toBe(2);
  });

  it("fails fast, instead of hanging, when db is used inside its own transaction", async () => {
    const db = await createDb();
    await expect(db.transaction(async () => db.query("SELECT 1"))).rejects.toThrow(/use the `tx` the callback receives/);
    const { rows } = await db.transaction((tx) => tx.query<{ n: number }>("SELECT 1 AS n"));
    expect(rows[0].n).toBe(1);
  });

  it("reseeds the same instance when the seed changes", async () => {
    configureDb({ seed: "CREATE TABLE other (id int); INSERT INTO other VALUES (7);" });
    const db = await createDb();
    expect(await count(db, "other")).toBe(1);
    await expect(db.query("SELECT 1 FROM authors")).rejects.toThrow(/authors/);
    configureDb({ seed });
    expect(await count(await createDb(), "authors")).toBe(2);
  });

  it("does not expose close()", async () => {
    const db = await createDb();
    expect("close" in db).toBe(false);
  });
});
