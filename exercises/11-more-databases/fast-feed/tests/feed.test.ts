import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { createFeedApi } from "../api";
import { feedPage, FeedError } from "../feed";
import { createIndexes } from "../migrations";
import { explain, recording, theSelect } from "./helpers";

let db: Db;
beforeEach(async () => {
  db = await createDb();
});

/** The feed as it must come out, written without any concern for speed. */
async function expected(limit: number, offset = 0) {
  const { rows } = await db.query<{ id: number; title: string; publishedAt: Date; authorId: number; name: string; n: number }>(
    `SELECT p.id, p.title, p.published_at AS "publishedAt", a.id AS "authorId", a.name,
            (SELECT count(*)::int FROM comments WHERE post_id = p.id) AS n
       FROM posts p JOIN authors a ON a.id = p.author_id
      WHERE p.status = 'published'
      ORDER BY p.published_at DESC, p.id DESC LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    publishedAt: r.publishedAt,
    author: { id: r.authorId, name: r.name },
    commentCount: r.n,
  }));
}

async function migrate() {
  await createIndexes(db);
  await db.exec("ANALYZE");
}

/** Follows nextCursor `pages` times and returns the cursor of the last page reached. */
async function cursorAfter(pages: number, limit: number): Promise<string> {
  let cursor: string | undefined;
  for (let i = 0; i < pages; i++) cursor = (await feedPage(db, { limit, cursor })).nextCursor!;
  return cursor!;
}

describe("results", () => {
  it("returns the newest published posts with author and comment count", async () => {
    const page = await feedPage(db, { limit: 20 });
    expect(page.items).toEqual(await expected(20));
    expect(page.items[0].publishedAt).toBeInstanceOf(Date);
    expect(typeof page.nextCursor).toBe("string");
  });

  it("pages through with nextCursor: the same rows as OFFSET, ties on published_at by higher id", async () => {
    let cursor: string | undefined;
    for (let i = 0; i < 4; i++) {
      const page = await feedPage(db, { limit: 25, cursor });
      expect(page.items, `page ${i + 1}`).toEqual(await expected(25, 25 * i));
      cursor = page.nextCursor!;
    }
  });

  it("ends with nextCursor null, even when the last page is exactly full", async () => {
    await db.exec("TRUNCATE comments, posts");
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO posts (author_id, title, status, published_at)
       SELECT 1, 'P' || i, 'published', timestamptz '2024-05-01 00:00:00+00' + i * interval '1 day'
         FROM generate_series(1, 6) AS i RETURNING id`,
    );
    const first = await feedPage(db, { limit: 3 });
    const second = await feedPage(db, { limit: 3, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((p) => p.id)).toEqual(rows.map((r) => r.id).reverse());
    expect(second.nextCursor).toBeNull();
    expect(second.items.every((p) => p.commentCount === 0)).toBe(true);
  });

  it("keeps a page stable when a newer post is published meanwhile", async () => {
    const first = await feedPage(db, { limit: 10 });
    await db.query(
      "INSERT INTO posts (author_id, title, status, published_at) VALUES (1, 'Breaking', 'published', now())",
    );
    const second = await feedPage(db, { limit: 10, cursor: first.nextCursor! });
    expect(second.items).toEqual((await expected(21)).slice(11, 21));
  });

  it.each([0, 51, 2.5, -1])("throws FeedError BAD_LIMIT for limit %s", async (limit) => {
    await expect(feedPage(db, { limit })).rejects.toMatchObject({ code: "BAD_LIMIT" });
  });

  it.each(["", "not-a-cursor", btoa("[1,2,3]"), btoa('["yesterday", 5]'), btoa('["2024-01-01T00:00:00.000Z", "5"]')])(
    "throws FeedError BAD_CURSOR for cursor %j",
    async (cursor) => {
      const error = await feedPage(db, { limit: 5, cursor }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FeedError);
      expect(error).toMatchObject({ code: "BAD_CURSOR" });
    },
  );
});

describe("no N+1, no over-fetch", () => {
  it("sends one statement per page and fetches at most limit + 1 rows", async () => {
    const spy = recording(db);
    const first = await feedPage(spy.db, { limit: 20 });
    await feedPage(spy.db, { limit: 20, cursor: first.nextCursor! });
    expect(spy.sent.map((s) => s.sql.trim().split(/\s+/)[0].toUpperCase())).toEqual(["SELECT", "SELECT"]);
    for (const s of spy.sent) expect(s.rows).toBeLessThanOrEqual(21);
  });

  it("shows the same in pg_stat_statements: one statement, two calls, few rows", async () => {
    const first = await feedPage(db, { limit: 10 });
    await feedPage(db, { limit: 10, cursor: first.nextCursor! });
    await feedPage(db, { limit: 10, cursor: first.nextCursor! });
    const { rows } = await db.query<{ query: string; calls: number; rows: number }>(
      `SELECT query, calls::int, rows::int FROM pg_stat_statements
        WHERE query ~* '\\m(posts|comments|authors)\\M' AND query !~* 'pg_stat_statements'`,
    );
    const calls = rows.reduce((n, r) => n + r.calls, 0);
    const returned = rows.reduce((n, r) => n + r.rows, 0);
    expect(calls, JSON.stringify(rows, null, 1)).toBe(3);
    expect(returned).toBeLessThanOrEqual(33);
  });
});

describe("indexes and plans", () => {
  it("creates at most three indexes, and can run twice", async () => {
    await createIndexes(db);
    await createIndexes(db);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relname IN ('posts', 'comments', 'authors') AND NOT i.indisprimary`,
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
    expect(rows[0].n).toBeLessThanOrEqual(3);
  });

  it.each([
    ["the first page", 0],
    ["a page 800 posts deep", 16],
  ])("reads %s through indexes: no Seq Scan on posts or comments, no sort", async (_label, pages) => {
    await migrate();
    const cursor = pages === 0 ? undefined : await cursorAfter(pages, 50);
    const spy = recording(db);
    await feedPage(spy.db, { limit: 20, cursor });
    const plan = await explain(db, theSelect(spy.sent));
    const seq = plan.nodes.filter((n) => n["Node Type"] === "Seq Scan" && ["posts", "comments"].includes(n["Relation Name"] ?? ""));
    expect(seq, `a Seq Scan reads the whole table:${plan.text}`).toEqual([]);
    expect(plan.nodes.filter((n) => /sort/i.test(n["Node Type"])), `the index should deliver feed order:${plan.text}`).toEqual([]);
  });

  it("reads only about limit + 1 posts for a deep page (keyset, not OFFSET)", async () => {
    await migrate();
    const cursor = await cursorAfter(24, 50); // 1,200 posts deep
    const spy = recording(db);
    await feedPage(spy.db, { limit: 20, cursor });
    const plan = await explain(db, theSelect(spy.sent));
    const postScans = plan.nodes.filter((n) => n["Relation Name"] === "posts" && /Scan/.test(n["Node Type"]));
    expect(postScans.length, plan.text).toBeGreaterThan(0);
    for (const scan of postScans) {
      expect((scan["Actual Rows"] ?? 0) * (scan["Actual Loops"] ?? 1), `rows read from posts:${plan.text}`).toBeLessThanOrEqual(21);
    }
  });

  it("leaves the planner settings alone", async () => {
    await migrate();
    await feedPage(db, { limit: 20 });
    const { rows } = await db.query<{ name: string }>(
      "SELECT name FROM pg_settings WHERE name LIKE 'enable\\_%' AND setting <> boot_val",
    );
    expect(rows).toEqual([]);
  });
});

describe("a cache for the first page", () => {
  it("serves the first page from memory for 5 s, then reads it again", async () => {
    let now = Date.parse("2030-01-01T00:00:00Z");
    const spy = recording(db);
    const api = createFeedApi(spy.db, () => now);
    const first = await api.page({ limit: 20 });
    expect(first.items).toEqual(await expected(20));
    now += 4_999;
    expect(await api.page({ limit: 20 })).toEqual(first);
    expect(spy.sent).toHaveLength(1);
    now += 1;
    await api.page({ limit: 20 });
    expect(spy.sent).toHaveLength(2);
  });

  it("keys the cache by limit and never caches deeper pages", async () => {
    const spy = recording(db);
    const api = createFeedApi(spy.db, () => 0);
    const ten = await api.page({ limit: 10 });
    expect((await api.page({ limit: 5 })).items).toEqual(ten.items.slice(0, 5));
    await api.page({ limit: 10, cursor: ten.nextCursor! });
    await api.page({ limit: 10, cursor: ten.nextCursor! });
    expect(spy.sent).toHaveLength(4);
    await expect(api.page({ limit: 0 })).rejects.toMatchObject({ code: "BAD_LIMIT" });
  });

  it("shows a post published through the API at once", async () => {
    const now = Date.parse("2030-01-01T00:00:00Z");
    const api = createFeedApi(db, () => now);
    await api.page({ limit: 20 });
    const id = await api.publish({ authorId: 7, title: "Hello" });
    const page = await api.page({ limit: 20 });
    expect(page.items[0]).toMatchObject({ id, title: "Hello", author: { id: 7, name: "Author 7" }, commentCount: 0 });
    expect(page.items[0].publishedAt.getTime()).toBe(now);
  });
});
