import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { searchArticles, setup } from "../search";

let db: Db;
/** Every statement the learner's searchArticles sends, so its plan can be read. */
let sent: { sql: string; params?: unknown[] }[];

beforeEach(async () => {
  const real = await createDb();
  db = real;
  await setup(db);
  sent = [];
  db = {
    query: (sql, params) => {
      sent.push({ sql, params });
      return real.query(sql, params);
    },
    exec: (sql) => real.exec(sql),
    transaction: (fn) => real.transaction(fn),
  } as Db;
});

async function ids(q: string, limit?: number): Promise<number[]> {
  return (await searchArticles(db, q, limit)).map((h) => h.id);
}

describe("setup", () => {
  it("adds a generated tsvector column and a GIN index on it", async () => {
    const { rows } = await db.query<{ data_type: string; is_generated: string }>(
      "SELECT data_type, is_generated FROM information_schema.columns WHERE table_name = 'articles' AND column_name = 'search'",
    );
    expect(rows).toEqual([{ data_type: "tsvector", is_generated: "ALWAYS" }]);
    const idx = await db.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE tablename = 'articles' AND indexname = 'articles_search_idx'",
    );
    expect(idx.rows[0]?.indexdef ?? "no index named articles_search_idx").toMatch(/USING gin \(search\)/);
  });
});

describe("searchArticles", () => {
  it("returns id, title and rank, matching stemmed words", async () => {
    const hits = await searchArticles(db, "Running");
    expect(hits.map((h) => h.id)).toEqual([1, 5]);
    expect(hits[0]).toEqual({ id: 1, title: "Running a database in production", rank: expect.any(Number) });
    expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
  });

  it("ranks a title match above body matches and breaks ties by id", async () => {
    await db.query(`INSERT INTO articles VALUES (20, 'Sharding', 'Split the data.'),
                                                (21, 'Scaling notes', 'Sharding, and then more sharding, helps.')`);
    expect(await ids("sharding")).toEqual([20, 21]);
    expect(await ids("index")).toEqual([2, 7, 8]);
  });

  it("understands quotes, or and a leading minus", async () => {
    expect(await ids('"write-ahead log"')).toEqual([6]);
    expect((await ids("redis or elasticsearch")).sort((a, b) => a - b)).toEqual([3, 4]);
    expect(await ids("replicas")).toEqual([1, 6]);
    expect(await ids("replicas -streaming")).toEqual([1]);
  });

  it("finds nothing for stop words alone or an unknown word", async () => {
    expect(await ids("the and of")).toEqual([]);
    expect(await ids("kubernetes")).toEqual([]);
  });

  it("keeps the search text up to date as rows are inserted and updated", async () => {
    await db.query("INSERT INTO articles VALUES (9, 'Vector search', 'Embeddings find similar rows.')");
    await db.query("UPDATE articles SET body = 'Put a cache in front of the service.' WHERE id = 3");
    expect(await ids("embeddings")).toEqual([9]);
    expect(await ids("latency")).toEqual([]);
    expect(await ids("service")).toEqual([3]);
  });

  it("treats the search text as data, never as SQL", async () => {
    for (const q of ["x'); DROP TABLE articles; --", "' OR 1=1 --", "\\'; SELECT 1"]) {
      await expect(searchArticles(db, q), q).resolves.toEqual(expect.any(Array));
    }
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM articles");
    expect(rows[0]!.n).toBe(8);
    expect(sent.some((s) => s.params?.includes("' OR 1=1 --")), "the text is sent as a parameter").toBe(true);
  });

  it("returns at most `limit` hits, 10 by default", async () => {
    await db.query(`INSERT INTO articles SELECT g, 'Log ' || g, 'Another log line.' FROM generate_series(100, 111) AS g`);
    expect(await ids("index", 2)).toEqual([2, 7]);
    expect(await ids("log")).toHaveLength(10);
  });

  it("lets the planner use the GIN index", async () => {
    await searchArticles(db, "index");
    const search = sent.find((s) => /@@/.test(s.sql));
    expect(search, "a query with @@").toBeDefined();
    // Eight rows make a sequential scan cheapest, so it is switched off to ask what else is possible.
    const plan = await db.transaction(async (tx) => {
      await tx.query("SET LOCAL enable_seqscan = off");
      const { rows } = await tx.query<{ "QUERY PLAN": string }>(`EXPLAIN ${search!.sql}`, search!.params);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(/articles_search_idx/);
  });
});
