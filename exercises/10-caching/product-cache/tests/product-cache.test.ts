import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { createRedis, type Redis } from "@roadlab/redis";
import { Cache } from "../cache";
import { ProductRepository } from "../repository";
import { ProductError, ProductService } from "../service";
import { brokenRedis, countingDb } from "./helpers";

let raw: Db;
let redis: Redis;
let counted: ReturnType<typeof countingDb>;

beforeEach(async () => {
  raw = await createDb();
  redis = await createRedis();
  counted = countingDb(raw);
});

function service(options: { random?: () => number; client?: Parameters<typeof Cache>[0]; db?: Db } = {}) {
  const cache = new Cache(options.client ?? redis, { random: options.random ?? (() => 0.5) });
  return new ProductService(new ProductRepository(options.db ?? counted.db), cache);
}

async function row(id: number) {
  const { rows } = await raw.query(`SELECT id, name, category, price_cents AS "priceCents" FROM products WHERE id = $1`, [id]);
  return rows[0];
}

async function category(name: string) {
  const { rows } = await raw.query(
    `SELECT id, name, category, price_cents AS "priceCents" FROM products WHERE category = $1 ORDER BY name, id`,
    [name],
  );
  return rows;
}

describe("reads: cache-aside", () => {
  it("loads a product from Postgres once, then serves it from Redis under product:<id>", async () => {
    const products = service();
    expect(await products.getProduct(3)).toEqual(await row(3));
    expect(counted.state.statements).toBe(1);
    expect(await products.getProduct(3)).toEqual(await row(3));
    expect(counted.state.statements).toBe(1);
    expect(JSON.parse((await redis.get("product:3"))!)).toEqual(await row(3));
  });

  it("caches a category list under products:category:<name>, sorted by name then id", async () => {
    const products = service();
    const lamps = await products.listCategory("lamps");
    expect(lamps).toEqual(await category("lamps"));
    expect(lamps).toHaveLength(10);
    await products.listCategory("lamps");
    expect(counted.state.statements).toBe(1);
    expect(JSON.parse((await redis.get("products:category:lamps"))!)).toEqual(lamps);
    expect(await products.listCategory("sofas")).toEqual([]);
    await products.listCategory("sofas");
    expect(counted.state.statements).toBe(2);
  });

  it("remembers a missing product as null for about 30 s (negative caching)", async () => {
    const products = service();
    expect(await products.getProduct(999)).toBeNull();
    expect(await products.getProduct(999)).toBeNull();
    expect(counted.state.statements).toBe(1);
    expect(await redis.get("product:999")).toBe("null");
    const ttl = await redis.ttl("product:999");
    expect(ttl).toBeGreaterThanOrEqual(29);
    expect(ttl).toBeLessThanOrEqual(30);
  });

  it("sets TTLs of 300 s for items and 60 s for lists, ±10 % by round(base × (0.9 + 0.2 × random()))", async () => {
    for (const [random, item, list] of [
      [() => 0, 270, 54],
      [() => 0.999, 330, 66],
    ] as const) {
      await redis.del("product:1", "products:category:chairs");
      const products = service({ random });
      await products.getProduct(1);
      await products.listCategory("chairs");
      expect(await redis.ttl("product:1")).toBeGreaterThanOrEqual(item - 1);
      expect(await redis.ttl("product:1")).toBeLessThanOrEqual(item);
      expect(await redis.ttl("products:category:chairs")).toBeGreaterThanOrEqual(list - 1);
      expect(await redis.ttl("products:category:chairs")).toBeLessThanOrEqual(list);
    }
  });

  it("spreads expiries with the default Math.random, so a warm-up does not expire all at once", async () => {
    const products = new ProductService(new ProductRepository(raw), new Cache(redis));
    const ttls = new Set<number>();
    for (let id = 1; id <= 20; id++) {
      await products.getProduct(id);
      const ttl = await redis.ttl(`product:${id}`);
      expect(ttl).toBeGreaterThanOrEqual(269);
      expect(ttl).toBeLessThanOrEqual(330);
      ttls.add(ttl);
    }
    expect(ttls.size).toBeGreaterThan(3);
  });

  it("lets ten concurrent misses for one key share a single query (no stampede)", async () => {
    const products = service();
    const results = await Promise.all(Array.from({ length: 10 }, () => products.getProduct(7)));
    expect(counted.state.statements).toBe(1);
    for (const r of results) expect(r).toEqual(await row(7));
    const lists = await Promise.all(Array.from({ length: 5 }, () => products.listCategory("desks")));
    expect(counted.state.statements).toBe(2);
    expect(lists[4]).toEqual(await category("desks"));
  });
});

describe("writes: invalidate what they make stale", () => {
  it("an update is seen at once by the item and by its category list", async () => {
    const products = service();
    await products.getProduct(1);
    await products.listCategory("lamps");
    const updated = await products.updateProduct(1, { priceCents: 999 });
    expect(updated).toEqual({ ...(await row(1)), priceCents: 999 });
    expect((await products.getProduct(1))?.priceCents).toBe(999);
    expect((await products.listCategory("lamps")).find((p) => p.id === 1)?.priceCents).toBe(999);
  });

  it("moving a product to another category refreshes both lists", async () => {
    const products = service();
    await products.listCategory("lamps");
    await products.listCategory("desks");
    await products.getProduct(5);
    await products.updateProduct(5, { category: "desks" });
    expect((await products.listCategory("lamps")).map((p) => p.id)).not.toContain(5);
    expect((await products.listCategory("desks")).map((p) => p.id)).toContain(5);
    expect(await products.listCategory("desks")).toEqual(await category("desks"));
    expect((await products.getProduct(5))?.category).toBe("desks");
  });

  it("a delete removes the product from its item key and its list", async () => {
    const products = service();
    await products.getProduct(2);
    await products.listCategory("kettles");
    await products.deleteProduct(2);
    expect(await products.getProduct(2)).toBeNull();
    expect((await products.listCategory("kettles")).map((p) => p.id)).not.toContain(2);
  });

  it("a create shows up in its list and replaces a cached 'missing' for its id", async () => {
    const products = service();
    const { rows } = await raw.query<{ next: number }>(
      "SELECT (CASE WHEN is_called THEN last_value + 1 ELSE last_value END)::int AS next FROM products_id_seq",
    );
    const nextId = rows[0].next;
    await products.listCategory("chairs");
    expect(await products.getProduct(nextId)).toBeNull();
    const created = await products.createProduct({ name: "Aaa stool", category: "chairs", priceCents: 4500 });
    expect(created.id).toBe(nextId);
    expect(await products.getProduct(nextId)).toEqual(created);
    expect((await products.listCategory("chairs"))[0]).toEqual(created);
  });

  it("invalidates after the write: a read that runs during the UPDATE cannot leave the old row cached", async () => {
    const writer = service();
    const reader = service({ db: raw }); // another instance of the service, sharing Redis
    await reader.getProduct(9);
    counted.state.beforeUpdate = async () => {
      // A request on the other instance, while the write is on its way to Postgres.
      await reader.getProduct(9);
    };
    await writer.updateProduct(9, { priceCents: 1234 });
    expect((await reader.getProduct(9))?.priceCents).toBe(1234);
  });

  it("throws ProductError NOT_FOUND for an update or delete of an unknown product", async () => {
    const products = service();
    await expect(products.updateProduct(999, { priceCents: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(products.deleteProduct(999)).rejects.toBeInstanceOf(ProductError);
    await expect(products.deleteProduct(999)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("Redis outage", () => {
  it("falls back to Postgres for every read and still completes every write", async () => {
    const products = service({ client: brokenRedis() });
    expect(await products.getProduct(4)).toEqual(await row(4));
    expect(await products.listCategory("desks")).toEqual(await category("desks"));
    expect(await products.getProduct(999)).toBeNull();
    expect((await products.updateProduct(4, { priceCents: 10 })).priceCents).toBe(10);
    const created = await products.createProduct({ name: "Zed desk", category: "desks", priceCents: 100 });
    expect(await products.getProduct(created.id)).toEqual(created);
    await products.deleteProduct(created.id);
    expect(await row(created.id)).toBeUndefined();
  });
});

describe("hit ratio", () => {
  it("counts hits and misses in Redis, shared by every instance", async () => {
    const a = service();
    const b = service();
    expect(await new Cache(redis).stats()).toEqual({ hits: 0, misses: 0, hitRatio: 0 });
    await a.getProduct(1); // miss
    await b.getProduct(1); // hit
    await a.getProduct(1); // hit
    await b.getProduct(999); // miss
    await a.getProduct(999); // hit: a cached "missing" is a hit too
    await a.listCategory("lamps"); // miss
    await b.listCategory("lamps"); // hit
    const stats = await new Cache(redis).stats();
    expect(stats).toEqual({ hits: 4, misses: 3, hitRatio: 4 / 7 });
    expect(await redis.hgetall("cache:stats")).toEqual({ hits: "4", misses: "3" });
  });
});
