import { describe, expect, it } from "vitest";
import { LruCache } from "../cache";

/** A clock the test moves by hand. */
function fakeClock(start = 1_000) {
  let now = start;
  return { clock: () => now, advance: (ms: number) => void (now += ms) };
}

describe("size bound and LRU order", () => {
  it("keeps at most maxEntries and evicts the least recently set entry", () => {
    const cache = new LruCache<number>({ maxEntries: 3 });
    for (const [i, k] of ["a", "b", "c", "d"].entries()) cache.set(k, i);
    expect(cache.size).toBe(3);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.keys()).toEqual(["d", "c", "b"]);
    expect(cache.stats().evictions).toBe(1);
  });

  it("counts a get as a use: the key read last survives, the one not read goes", () => {
    const cache = new LruCache<string>({ maxEntries: 3 });
    cache.set("a", "A");
    cache.set("b", "B");
    cache.set("c", "C");
    expect(cache.get("a")).toBe("A");
    cache.set("d", "D");
    expect(cache.has("a")).toBe(true);
    expect(cache.has("b")).toBe(false);
    expect(cache.keys()).toEqual(["d", "a", "c"]);
  });

  it("overwriting a key updates the value, makes it most recent and evicts nobody", () => {
    const cache = new LruCache<number>({ maxEntries: 2 });
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("a", 10);
    expect(cache.keys()).toEqual(["a", "b"]);
    expect(cache.get("a")).toBe(10);
    expect(cache.get("b")).toBe(2);
    expect(cache.stats().evictions).toBe(0);
  });

  it("has() is not a use: it moves nothing and counts nothing", () => {
    const cache = new LruCache<number>({ maxEntries: 2 });
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.has("a")).toBe(true);
    expect(cache.has("zzz")).toBe(false);
    cache.set("c", 3);
    expect(cache.keys()).toEqual(["c", "b"]);
    expect(cache.stats()).toEqual({ hits: 0, misses: 0, evictions: 1 });
  });

  it("delete removes the entry and frees its slot", () => {
    const cache = new LruCache<number>({ maxEntries: 2 });
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.delete("a")).toBe(true);
    expect(cache.delete("a")).toBe(false);
    cache.set("c", 3);
    expect(cache.keys()).toEqual(["c", "b"]);
    expect(cache.stats().evictions).toBe(0);
  });
});

describe("expiry on an injected clock", () => {
  it("an entry with ttl 100 is there at +99 ms and gone at +100 ms", () => {
    const t = fakeClock();
    const cache = new LruCache<string>({ maxEntries: 5, clock: t.clock });
    cache.set("k", "v", 100);
    t.advance(99);
    expect(cache.get("k")).toBe("v");
    t.advance(1);
    expect(cache.get("k")).toBeUndefined();
    expect(cache.has("k")).toBe(false);
    expect(cache.keys()).toEqual([]);
  });

  it("uses defaultTtlMs when set() has no ttl, and a per-entry ttl overrides it", () => {
    const t = fakeClock();
    const cache = new LruCache<string>({ maxEntries: 5, defaultTtlMs: 50, clock: t.clock });
    cache.set("short", "s");
    cache.set("long", "l", 500);
    t.advance(60);
    expect(cache.get("short")).toBeUndefined();
    expect(cache.get("long")).toBe("l");
  });

  it("never expires entries when there is no ttl at all", () => {
    const t = fakeClock();
    const cache = new LruCache<string>({ maxEntries: 5, clock: t.clock });
    cache.set("k", "v");
    t.advance(10 * 365 * 24 * 3600 * 1000);
    expect(cache.get("k")).toBe("v");
  });

  it("overwriting restarts the ttl from the new set()", () => {
    const t = fakeClock();
    const cache = new LruCache<string>({ maxEntries: 5, defaultTtlMs: 100, clock: t.clock });
    cache.set("k", "old");
    t.advance(80);
    cache.set("k", "new");
    t.advance(80);
    expect(cache.get("k")).toBe("new");
  });

  it("a get does not extend the ttl (recency is not freshness)", () => {
    const t = fakeClock();
    const cache = new LruCache<string>({ maxEntries: 5, clock: t.clock });
    cache.set("k", "v", 100);
    t.advance(90);
    expect(cache.get("k")).toBe("v");
    t.advance(10);
    expect(cache.get("k")).toBeUndefined();
  });

  it("a full cache drops expired entries before it evicts a live one", () => {
    const t = fakeClock();
    const cache = new LruCache<number>({ maxEntries: 3, clock: t.clock });
    cache.set("old", 1); // no ttl, least recently used
    cache.set("brief", 2, 10);
    cache.set("mid", 3);
    t.advance(10);
    cache.set("new", 4);
    expect(cache.keys()).toEqual(["new", "mid", "old"]);
    expect(cache.stats().evictions).toBe(0);
    expect(cache.delete("brief")).toBe(false);
  });
});

describe("stats", () => {
  it("counts hits and misses; a read of an expired entry is a miss", () => {
    const t = fakeClock();
    const cache = new LruCache<number>({ maxEntries: 2, clock: t.clock });
    cache.set("a", 1, 100);
    cache.get("a");
    cache.get("a");
    cache.get("nope");
    t.advance(100);
    cache.get("a");
    expect(cache.stats()).toEqual({ hits: 2, misses: 2, evictions: 0 });
  });

  it("stats() returns a copy the caller cannot use to change the counts", () => {
    const cache = new LruCache<number>({ maxEntries: 1 });
    cache.get("x");
    const s = cache.stats();
    s.misses = 100;
    expect(cache.stats().misses).toBe(1);
  });

  it("stores falsy values (0, '', false) like any other", () => {
    const cache = new LruCache<unknown>({ maxEntries: 3 });
    cache.set("zero", 0);
    cache.set("empty", "");
    cache.set("no", false);
    expect([cache.get("zero"), cache.get("empty"), cache.get("no")]).toEqual([0, "", false]);
    expect(cache.stats().hits).toBe(3);
  });
});

describe("bad options", () => {
  it.each([0, -1, 2.5, Number.NaN])("throws a RangeError for maxEntries %s", (maxEntries) => {
    expect(() => new LruCache({ maxEntries })).toThrow(RangeError);
  });

  it.each([0, -5, Number.POSITIVE_INFINITY, Number.NaN])("throws a RangeError for ttl %s", (ttl) => {
    expect(() => new LruCache({ maxEntries: 1, defaultTtlMs: ttl })).toThrow(RangeError);
    const cache = new LruCache<number>({ maxEntries: 1 });
    expect(() => cache.set("k", 1, ttl)).toThrow(RangeError);
    expect(cache.has("k")).toBe(false);
  });
});
