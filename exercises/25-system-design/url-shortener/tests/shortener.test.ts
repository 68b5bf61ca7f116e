import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { createRedis, type Redis } from "@roadlab/redis";
import { flushClicks } from "../clicks";
import { countingDb, harness } from "./helpers";

let raw: Db;
let redis: Redis;
let counted: ReturnType<typeof countingDb>;
let api: ReturnType<typeof harness>;

beforeEach(async () => {
  raw = await createDb();
  redis = await createRedis();
  counted = countingDb(raw);
  api = harness(counted.db, redis);
});

async function link(code: string) {
  const { rows } = await raw.query<{ url: string; owner: string; custom: boolean; clicks: string; expires_at: Date | null }>(
    "SELECT url, owner, custom, clicks::text AS clicks, expires_at FROM links WHERE code = $1",
    [code],
  );
  return rows[0];
}
const rowCount = async () => Number((await raw.query<{ n: string }>("SELECT count(*)::text AS n FROM links")).rows[0]!.n);

describe("POST /links", () => {
  it("answers 201 with the base62 code of the next id, skipping an id whose code an alias already holds", async () => {
    // The sequence is at 1000003, whose code "4c95" the seed's alias took: the link gets 1000004.
    const res = await api.send("POST", "/links", { url: "https://example.com/a" }, "ada");
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ code: "4c96", shortUrl: "https://sho.rt/4c96" });
    expect(await link("4c96")).toMatchObject({ url: "https://example.com/a", owner: "ada", custom: false, expires_at: null });
    const next = await api.send("POST", "/links", { url: "https://example.com/b" }, "ada");
    expect(next.body).toEqual({ code: "4c97", shortUrl: "https://sho.rt/4c97" });
    const anonymous = await api.send("POST", "/links", { url: "https://example.com/c" });
    expect(anonymous.status).toBe(201);
    expect((await link(anonymous.body.code))?.owner).toBe("anonymous");
  });

  it("takes a custom alias, answers 409 ALIAS_TAKEN for one in use (alias or generated code), case-sensitively", async () => {
    const res = await api.send("POST", "/links", { url: "https://example.com/talk", alias: "my-Talk_2026" }, "ada");
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ code: "my-Talk_2026", shortUrl: "https://sho.rt/my-Talk_2026" });
    expect(await link("my-Talk_2026")).toMatchObject({ custom: true, owner: "ada" });
    for (const alias of ["my-Talk_2026", "old-promo", "4c92"]) {
      const taken = await api.send("POST", "/links", { url: "https://example.com/other", alias }, "grace");
      expect(taken.status, alias).toBe(409);
      expect(taken.body.error.code, alias).toBe("ALIAS_TAKEN");
    }
    expect((await api.send("POST", "/links", { url: "https://example.com/other", alias: "OLD-PROMO" }, "grace")).status).toBe(201);
  });

  it("answers 422 ALIAS_INVALID outside 3–32 of [A-Za-z0-9_-], and ALIAS_RESERVED for api, links, admin, static, health in any case", async () => {
    const before = await rowCount();
    for (const alias of ["ab", "a".repeat(33), "has space", "slash/es", "dot.s", "émoji", "", 42]) {
      const res = await api.send("POST", "/links", { url: "https://example.com/", alias });
      expect(res.status, String(alias)).toBe(422);
      expect(res.body.error.code, String(alias)).toBe("ALIAS_INVALID");
    }
    for (const alias of ["api", "API", "links", "Admin", "static", "health"]) {
      const res = await api.send("POST", "/links", { url: "https://example.com/", alias });
      expect(res.status, alias).toBe(422);
      expect(res.body.error.code, alias).toBe("ALIAS_RESERVED");
    }
    expect((await api.send("POST", "/links", { url: "https://example.com/", alias: "abc" })).status).toBe(201);
    expect((await api.send("POST", "/links", { url: "https://example.com/", alias: "b".repeat(32) })).status).toBe(201);
    expect(await rowCount()).toBe(before + 2);
  });

  it("accepts only absolute http(s) URLs of at most 2048 characters: 422 URL_INVALID, and 400 INVALID_JSON for a body that is not JSON", async () => {
    const before = await rowCount();
    const long = "https://example.com/" + "x".repeat(2048 - 20);
    const bad = [
      "javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
      "ftp://files.example.com/a", "file:///etc/passwd", "/relative/path", "example.com", "http://", "", long + "y", 7, null,
    ];
    for (const url of bad) {
      const res = await api.send("POST", "/links", { url });
      expect(res.status, String(url)).toBe(422);
      expect(res.body.error.code, String(url)).toBe("URL_INVALID");
    }
    expect((await api.send("POST", "/links", {})).body.error.code).toBe("URL_INVALID");
    const notJson = await api.send("POST", "/links", "{\"url\": ");
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe("INVALID_JSON");
    expect(await rowCount()).toBe(before);
    expect(long).toHaveLength(2048);
    expect((await api.send("POST", "/links", { url: long })).status).toBe(201);
    expect((await api.send("POST", "/links", { url: "HTTP://Example.com:8080/p?q=1#f" })).status).toBe(201);
  });

  it("answers 422 EXPIRES_INVALID for an expiresAt that is not an ISO date-time or not in the future", async () => {
    for (const expiresAt of ["tomorrow", "2026-13-01T00:00:00Z", 1780000000000, api.inSeconds(0), "2026-05-31T12:00:00Z"]) {
      const res = await api.send("POST", "/links", { url: "https://example.com/", expiresAt });
      expect(res.status, String(expiresAt)).toBe(422);
      expect(res.body.error.code, String(expiresAt)).toBe("EXPIRES_INVALID");
    }
    const offsetNow = await api.send("POST", "/links", { url: "https://example.com/", expiresAt: "2026-06-01T14:00:00+02:00" });
    expect(offsetNow.status).toBe(422); // 14:00+02:00 is 12:00Z: now, not after it
    const later = await api.send("POST", "/links", { url: "https://example.com/", expiresAt: "2026-06-02T00:00:00Z" });
    expect(later.status).toBe(201);
    expect(new Date((await link(later.body.code))!.expires_at!).toISOString()).toBe("2026-06-02T00:00:00.000Z");
  });

  it("is idempotent per owner: the same URL again answers 200 with the existing unexpired generated code", async () => {
    const again = await api.send("POST", "/links", { url: "https://example.com/docs/getting-started" }, "ada");
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ code: "4c92", shortUrl: "https://sho.rt/4c92" });
    const before = await rowCount();
    expect((await api.send("POST", "/links", { url: "https://example.com/docs/getting-started" }, "grace")).status).toBe(201);
    expect((await api.send("POST", "/links", { url: "https://example.com/docs/getting-started", alias: "start" }, "ada")).status).toBe(201);
    // An alias is not what a plain request for the same URL gets back.
    expect((await api.send("POST", "/links", { url: "https://example.org/" }, "linus")).status).toBe(201);
    const short = await api.send("POST", "/links", { url: "https://example.com/soon", expiresAt: api.inSeconds(60) }, "ada");
    expect((await api.send("POST", "/links", { url: "https://example.com/soon" }, "ada")).body.code).toBe(short.body.code);
    api.advance(61);
    const fresh = await api.send("POST", "/links", { url: "https://example.com/soon" }, "ada");
    expect(fresh.status).toBe(201);
    expect(fresh.body.code).not.toBe(short.body.code);
    expect(await rowCount()).toBe(before + 5);
  });
});

describe("GET /:code", () => {
  it("redirects with 302 and Location; 404 NOT_FOUND for an unknown code, 410 GONE for an expired one", async () => {
    const res = await api.send("GET", "/4c92");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://example.com/docs/getting-started");
    const created = await api.send("POST", "/links", { url: "https://example.com/x?y=1&z=%20" });
    expect((await api.send("GET", `/${created.body.code}`)).headers.get("location")).toBe("https://example.com/x?y=1&z=%20");
    const unknown = await api.send("GET", "/nope42");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("NOT_FOUND");
    const expired = await api.send("GET", "/old-promo");
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe("GONE");
  });

  it("reads Postgres once, then serves from Redis under link:<code> for up to 3600 s", async () => {
    counted.reset();
    expect((await api.send("GET", "/4c92")).status).toBe(302);
    expect(counted.counts.total).toBe(1);
    for (let i = 0; i < 3; i++) expect((await api.send("GET", "/4c92")).status).toBe(302);
    expect(counted.counts.total).toBe(1);
    expect(await redis.exists("link:4c92")).toBe(1);
    const ttl = await redis.ttl("link:4c92");
    expect(ttl).toBeGreaterThanOrEqual(3590);
    expect(ttl).toBeLessThanOrEqual(3600);
    // Unknown and expired codes are not cached as links.
    await api.send("GET", "/nope42");
    await api.send("GET", "/old-promo");
    expect(await redis.exists("link:nope42", "link:old-promo")).toBe(0);
  });

  it("caches an expiring link no longer than it lives, and answers 410 from the cache once it has expired", async () => {
    const created = await api.send("POST", "/links", { url: "https://example.com/flash", expiresAt: api.inSeconds(100) });
    expect((await api.send("GET", `/${created.body.code}`)).status).toBe(302);
    const ttl = await redis.ttl(`link:${created.body.code}`);
    expect(ttl).toBeGreaterThanOrEqual(90);
    expect(ttl).toBeLessThanOrEqual(100);
    api.advance(30);
    counted.reset();
    expect((await api.send("GET", `/${created.body.code}`)).status).toBe(302);
    api.advance(71);
    expect((await api.send("GET", `/${created.body.code}`)).status).toBe(410);
    expect(counted.counts.total).toBe(0);
  });
});

describe("DELETE /links/:code", () => {
  it("lets only the owner delete (204), drops the cached entry and pending clicks; others get 404", async () => {
    expect((await api.send("GET", "/4c92")).status).toBe(302);
    expect(await redis.exists("link:4c92")).toBe(1);
    const stranger = await api.send("DELETE", "/links/4c92", undefined, "grace");
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe("NOT_FOUND");
    expect((await api.send("GET", "/4c92")).status).toBe(302);
    const res = await api.send("DELETE", "/links/4c92", undefined, "ada");
    expect(res.status).toBe(204);
    expect(await link("4c92")).toBeUndefined();
    expect(await redis.exists("link:4c92", "clicks:4c92")).toBe(0);
    expect((await api.send("GET", "/4c92")).status).toBe(404);
    expect((await api.send("DELETE", "/links/4c92", undefined, "ada")).status).toBe(404);
  });
});

describe("clicks", () => {
  it("counts each redirect in Redis, not Postgres; stats add the pending clicks; 404 and 410 do not count", async () => {
    const created = await api.send("POST", "/links", { url: "https://example.com/counted" });
    const code = created.body.code;
    for (let i = 0; i < 3; i++) await api.send("GET", `/${code}`);
    for (let i = 0; i < 2; i++) await api.send("GET", "/4c92");
    await api.send("GET", "/old-promo");
    await api.send("GET", "/nope42");
    counted.reset();
    for (let i = 0; i < 5; i++) await api.send("GET", "/4c92");
    expect(counted.counts.total).toBe(0); // cached redirects touch no table, not even to count
    expect((await link(code))?.clicks).toBe("0");
    expect((await link("4c92"))?.clicks).toBe("40");
    expect(await redis.get(`clicks:${code}`)).toBe("3");
    const stats = await api.send("GET", `/links/${code}/stats`);
    expect(stats.status).toBe(200);
    expect(stats.body).toEqual({ code, url: "https://example.com/counted", clicks: 3, createdAt: "2026-06-01T12:00:00.000Z", expiresAt: null });
    expect((await api.send("GET", "/links/4c92/stats")).body.clicks).toBe(47);
    expect((await api.send("GET", "/links/old-promo/stats")).body).toMatchObject({ clicks: 7, expiresAt: "2026-04-30T23:59:59.000Z" });
    const unknown = await api.send("GET", "/links/nope42/stats");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("NOT_FOUND");
  });

  it("flushClicks moves every pending count to Postgres in one UPDATE and resets Redis, so nothing counts twice", async () => {
    const a = (await api.send("POST", "/links", { url: "https://example.com/a" })).body.code;
    for (let i = 0; i < 4; i++) await api.send("GET", `/${a}`);
    for (let i = 0; i < 2; i++) await api.send("GET", "/4c92");
    await api.send("GET", "/4c95");
    counted.reset();
    expect(await flushClicks(counted.db, redis)).toEqual({ links: 3, clicks: 7 });
    expect(counted.counts.byVerb.UPDATE).toBe(1);
    expect((await link(a))?.clicks).toBe("4");
    expect((await link("4c92"))?.clicks).toBe("42");
    expect((await link("4c95"))?.clicks).toBe("1");
    expect(await redis.exists(`clicks:${a}`, "clicks:4c92", "clicks:4c95")).toBe(0);
    expect((await api.send("GET", "/links/4c92/stats")).body.clicks).toBe(42);

    expect(await flushClicks(counted.db, redis)).toEqual({ links: 0, clicks: 0 });
    await api.send("GET", "/4c92");
    expect(await flushClicks(counted.db, redis)).toEqual({ links: 1, clicks: 1 });
    expect((await link("4c92"))?.clicks).toBe("43");
    expect((await api.send("GET", "/links/4c92/stats")).body.clicks).toBe(43);
  });
});
