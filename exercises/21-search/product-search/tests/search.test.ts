import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { createSearchApp } from "../api";
import { CatalogIndex } from "../catalog-index";
import { IndexPipeline } from "../pipeline";

let db: Db;
let index: CatalogIndex;
let pipeline: IndexPipeline;
let app: { fetch: (req: Request) => Response | Promise<Response> };

beforeEach(async () => {
  db = await createDb();
  index = new CatalogIndex();
  pipeline = new IndexPipeline(db, index);
  await pipeline.bulkLoad();
  app = createSearchApp(index);
});

async function search(query: string): Promise<{ status: number; type: string; body: any }> {
  const res = await app.fetch(new Request(`http://localhost/search?${query}`));
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`GET /search?${query} answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: res.status, type: res.headers.get("content-type") ?? "", body };
}

async function ids(query: string): Promise<number[]> {
  const { status, body } = await search(query);
  expect(status, `status of ?${query} (body: ${JSON.stringify(body).slice(0, 300)})`).toBe(200);
  return body.hits.map((h: { id: number }) => h.id);
}

function sorted(list: number[]): number[] {
  return [...list].sort((a, b) => a - b);
}

async function lastSeq(): Promise<number> {
  const { rows } = await db.query<{ seq: string }>("SELECT max(seq) AS seq FROM product_changes");
  return Number(rows[0]!.seq);
}

describe("bulk load", () => {
  it("indexes every live product and starts from the last change in the log", async () => {
    expect(index.size).toBe(12);
    expect(pipeline.position).toBe(await lastSeq());
    expect(await pipeline.catchUp(), "nothing new to apply").toBe(0);
    const { body } = await search("q=wireless");
    expect(body.hits).toEqual([
      {
        id: 1,
        name: "Wireless Headphones",
        description: "Over-ear headphones with noise cancelling and a 30 hour battery",
        brand: "Sonora",
        category: "audio",
        priceCents: 10900,
        inStock: true,
        score: expect.any(Number),
      },
    ]);
    expect(await ids("q=vinyl"), "product 13 was deleted before the load").toEqual([]);
  });
});

describe("search", () => {
  it("needs every query word, forgives a typo and matches a prefix", async () => {
    expect(await ids("q=coffee+grinder")).toEqual([6]);
    expect(sorted(await ids("q=hedphones"))).toEqual(sorted(await ids("q=headphones")));
    expect(await ids("q=hedphones")).toContain(1);
    expect(sorted(await ids("q=espres"))).toEqual([5, 6]);
  });

  it("filters by category, brand, stock and an inclusive price range", async () => {
    expect(sorted(await ids("q=coffee&category=kitchen"))).toEqual([6, 11]);
    expect(sorted(await ids("q=headphones&brand=Sonora"))).toEqual([1, 2]);
    expect(await ids("q=speaker&inStock=false")).toEqual([3]);
    expect(sorted(await ids("q=headphones&minPrice=3900&maxPrice=10900"))).toEqual([1, 2]);
  });

  it("counts facets over all matches after the filters, not over the page", async () => {
    const { body } = await search("q=coffee&perPage=1");
    expect(body.total).toBe(3);
    expect(body.hits).toHaveLength(1);
    expect(body.facets).toEqual({
      category: { kitchen: 2, books: 1 },
      brand: { Crema: 1, Steamwell: 1, Inkhouse: 1 },
    });
    const filtered = await search("q=coffee&category=kitchen");
    expect(filtered.body.facets).toEqual({ category: { kitchen: 2 }, brand: { Crema: 1, Steamwell: 1 } });
  });

  it("pages through one ranking without gaps or repeats", async () => {
    const all = await ids("q=with&perPage=50");
    expect(all.length).toBe(5);
    const pages = [await search("q=with&perPage=2"), await search("q=with&perPage=2&page=2"), await search("q=with&perPage=2&page=3")];
    expect(pages.map((p) => p.body.hits.map((h: { id: number }) => h.id)).flat()).toEqual(all);
    expect(pages.map((p) => [p.body.total, p.body.page, p.body.perPage])).toEqual([[5, 1, 2], [5, 2, 2], [5, 3, 2]]);
    const beyond = await search("q=with&perPage=2&page=4");
    expect([beyond.status, beyond.body.total, beyond.body.hits]).toEqual([200, 5, []]);
    expect(await ids("q=with"), "perPage defaults to 10").toEqual(all);
  });

  it("ranks higher scores first and breaks ties by id", async () => {
    await db.query(`INSERT INTO products VALUES (61, 'Zebra Blanket', 'Soft', 'Cosy', 'home', 2000, true),
                                                (60, 'Zebra Blanket', 'Soft', 'Cosy', 'home', 2000, true)`);
    await pipeline.catchUp();
    expect(await ids("q=zebra")).toEqual([60, 61]);
    const { body } = await search("q=headphones&perPage=50");
    const scores = body.hits.map((h: { score: number }) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe("incremental updates", () => {
  it("shows a write only after catchUp, like a search engine before its refresh", async () => {
    await db.query("UPDATE products SET price_cents = 4100 WHERE id = 2");
    await db.query(`INSERT INTO products VALUES (20, 'Record Player', 'Belt drive turntable', 'Sonora', 'audio', 15900, true)`);
    await db.query("DELETE FROM products WHERE id = 3");
    expect((await search("q=wired")).body.hits[0].priceCents).toBe(3900);
    expect(await ids("q=turntable")).toEqual([]);
    expect(await ids("q=bluetooth")).toEqual([3]);

    expect(await pipeline.catchUp()).toBe(3);
    expect(pipeline.position).toBe(await lastSeq());
    expect((await search("q=wired")).body.hits[0].priceCents).toBe(4100);
    expect(await ids("q=turntable")).toEqual([20]);
    expect(await ids("q=bluetooth")).toEqual([]);
  });

  it("applies changes in the order they were made", async () => {
    await db.query("UPDATE products SET price_cents = 4100 WHERE id = 2");
    await db.query("UPDATE products SET price_cents = 4200, name = 'Wired Headphones II' WHERE id = 2");
    await db.query(`INSERT INTO products VALUES (21, 'Desk Lamp', 'Warm light', 'Glow', 'home', 3000, true)`);
    await db.query("DELETE FROM products WHERE id = 21");
    await db.query(`INSERT INTO products VALUES (21, 'Desk Lamp', 'Warm light, now dimmable', 'Glow', 'home', 3300, true)`);
    await pipeline.catchUp();
    expect((await search("q=wired")).body.hits[0]).toMatchObject({ name: "Wired Headphones II", priceCents: 4200 });
    expect((await search("q=lamp")).body.hits).toEqual([expect.objectContaining({ id: 21, priceCents: 3300 })]);
  });

  it("reads the change log in batches until it is empty", async () => {
    await db.query(`INSERT INTO products
      SELECT g, 'Sticker ' || g, 'Vinyl sticker', 'Inkhouse', 'gifts', 100, true FROM generate_series(100, 349) AS g`);
    expect(await pipeline.catchUp()).toBe(250);
    expect((await search("q=sticker")).body.total).toBe(250);
    expect(pipeline.position).toBe(await lastSeq());
  });

  it("can replay the whole log over a loaded index and end in the same state", async () => {
    const queries = ["q=headphones&perPage=50", "q=coffee", "q=vinyl", "q=speaker&inStock=true"];
    // Scores may drift (MiniSearch, like Lucene, keeps a replaced document's old terms in its
    // statistics until it vacuums), so compare what a client sees apart from the score.
    const snapshot = async () =>
      Promise.all(
        queries.map(async (q) => {
          const { body } = await search(q);
          return { ...body, hits: body.hits.map(({ score: _, ...hit }: { score: number }) => hit).sort((a: { id: number }, b: { id: number }) => a.id - b.id) };
        }),
      );
    const before = await snapshot();
    expect(await pipeline.catchUp({ from: 0 })).toBe(await lastSeq());
    expect(index.size).toBe(12);
    expect(await snapshot()).toEqual(before);
  });

  it("can apply the same insert or delete twice", async () => {
    await db.query(`INSERT INTO products VALUES (22, 'Teapot', 'Glass teapot', 'Steamwell', 'kitchen', 2900, true)`);
    await db.query("DELETE FROM products WHERE id = 3");
    await pipeline.catchUp();
    const end = pipeline.position;
    expect(await pipeline.catchUp({ from: end - 2 })).toBe(2);
    expect(await pipeline.catchUp({ from: end - 1 })).toBe(1);
    expect(await ids("q=teapot")).toEqual([22]);
    expect(await ids("q=bluetooth")).toEqual([]);
    expect(index.size).toBe(12);
  });
});

describe("query validation", () => {
  async function expectInvalid(query: string, params: string[]): Promise<void> {
    const { status, type, body } = await search(query);
    expect(status, `status of ?${query}`).toBe(400);
    expect(type).toMatch(/^application\/problem\+json/);
    expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400, detail: expect.any(String) });
    expect(Object.keys(body.errors ?? {}).sort(), `parameters named for ?${query}`).toEqual([...params].sort());
  }

  it("requires a search text of 1 to 100 characters", async () => {
    await expectInvalid("", ["q"]);
    await expectInvalid("q=+++", ["q"]);
    await expectInvalid(`q=${"a".repeat(101)}`, ["q"]);
    expect((await search(`q=${"a".repeat(100)}`)).status).toBe(200);
  });

  it("rejects unknown and repeated parameters", async () => {
    await expectInvalid("q=kettle&colour=red", ["colour"]);
    await expectInvalid("q=kettle&brand=Crema&brand=Sonora", ["brand"]);
  });

  it("checks every filter and paging value and names all bad ones at once", async () => {
    await expectInvalid("q=kettle&inStock=yes&minPrice=-1&page=0&perPage=51", ["inStock", "minPrice", "page", "perPage"]);
    await expectInvalid("q=kettle&minPrice=1.5&maxPrice=abc&category=", ["minPrice", "maxPrice", "category"]);
    await expectInvalid("q=kettle&minPrice=500&maxPrice=400", ["maxPrice"]);
    expect((await search("q=kettle&minPrice=4900&maxPrice=4900&perPage=50&page=1")).body.hits).toHaveLength(1);
  });
});
