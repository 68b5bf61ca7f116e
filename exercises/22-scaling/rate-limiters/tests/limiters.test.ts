import { beforeEach, describe, expect, it } from "vitest";
import { createRedis, type Redis } from "@roadlab/redis";
import { slidingWindowLog, tokenBucket, type Decision, type Limiter } from "../limiter";
import { withRateLimit } from "../http";

let redis: Redis;
let clock: number;
const now = () => clock;

beforeEach(async () => {
  redis = await createRedis();
  clock = 1_700_000_000_000;
});

async function run(limiter: Limiter, key: string, times: number): Promise<Decision[]> {
  const decisions: Decision[] = [];
  for (let i = 0; i < times; i++) decisions.push(await limiter.check(key));
  return decisions;
}

describe("sliding-window log", () => {
  it("allows limit requests in a window, counting remaining down, then refuses until the oldest leaves", async () => {
    const limiter = slidingWindowLog(redis, { limit: 3, windowMs: 10_000, now });
    const first = await limiter.check("ann");
    expect(first).toEqual({ allowed: true, limit: 3, remaining: 2, resetMs: 10_000, retryAfterMs: 0 });
    clock += 2_000;
    expect((await limiter.check("ann")).remaining).toBe(1);
    clock += 2_000;
    expect((await limiter.check("ann")).remaining).toBe(0);
    clock += 1_000;
    // The first request (5 s ago) leaves the window in 5 s.
    expect(await limiter.check("ann")).toEqual({ allowed: false, limit: 3, remaining: 0, resetMs: 5_000, retryAfterMs: 5_000 });
  });

  it("slides: a request counts until exactly windowMs after it, and no longer", async () => {
    const limiter = slidingWindowLog(redis, { limit: 2, windowMs: 1_000, now });
    await limiter.check("ann");
    clock += 500;
    await limiter.check("ann");
    clock += 499;
    expect((await limiter.check("ann")).allowed).toBe(false);
    clock += 1;
    const back = await limiter.check("ann");
    expect(back.allowed).toBe(true);
    expect(back.remaining).toBe(0);
  });

  it("does not log refused requests: hammering while refused does not push the reset back", async () => {
    const limiter = slidingWindowLog(redis, { limit: 2, windowMs: 1_000, now });
    await run(limiter, "ann", 2);
    for (let i = 0; i < 5; i++) {
      clock += 100;
      expect((await limiter.check("ann")).allowed).toBe(false);
    }
    clock = 1_700_000_000_000 + 1_000;
    expect(await run(limiter, "ann", 3)).toMatchObject([{ allowed: true }, { allowed: true }, { allowed: false }]);
  });

  it("counts every request made in the same millisecond", async () => {
    const limiter = slidingWindowLog(redis, { limit: 5, windowMs: 1_000, now });
    const decisions = await run(limiter, "ann", 6);
    expect(decisions.map((d) => d.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
    expect(decisions[5].allowed).toBe(false);
    expect(await redis.zcard("ratelimit:log:ann")).toBe(5);
  });

  it("is shared by app instances on one Redis, exactly limit allowed under concurrency, per key", async () => {
    const other = redis.duplicate();
    const a = slidingWindowLog(redis, { limit: 5, windowMs: 60_000, now });
    const b = slidingWindowLog(other, { limit: 5, windowMs: 60_000, now });
    const decisions = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).check("ann")));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect((await b.check("bob")).allowed).toBe(true);
  });

  it("keeps its log under ratelimit:log:<key>, expiring once the window has passed", async () => {
    const limiter = slidingWindowLog(redis, { limit: 5, windowMs: 30_000, now });
    await limiter.check("ann");
    const ttl = await redis.pttl("ratelimit:log:ann");
    expect(ttl).toBeGreaterThan(25_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });
});

describe("token bucket", () => {
  it("starts full: capacity requests at once, then refuses until one token is back", async () => {
    const limiter = tokenBucket(redis, { capacity: 3, refillPerSecond: 2, now });
    const decisions = await run(limiter, "ann", 4);
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([[true, 2], [true, 1], [true, 0], [false, 0]]);
    expect(decisions[3]).toMatchObject({ limit: 3, retryAfterMs: 500, resetMs: 1_500 });
    expect(decisions[0]).toMatchObject({ limit: 3, retryAfterMs: 0, resetMs: 500 });
  });

  it("refills continuously, keeping fractions of a token between requests", async () => {
    const limiter = tokenBucket(redis, { capacity: 2, refillPerSecond: 4, now });
    await run(limiter, "ann", 2);
    clock += 100; // 0.4 of a token
    expect(await limiter.check("ann")).toMatchObject({ allowed: false, retryAfterMs: 150 });
    clock += 100; // 0.8
    expect((await limiter.check("ann")).allowed).toBe(false);
    clock += 50; // 1.0
    expect(await limiter.check("ann")).toMatchObject({ allowed: true, remaining: 0 });
  });

  it("never holds more than capacity, however long the key was idle", async () => {
    const limiter = tokenBucket(redis, { capacity: 3, refillPerSecond: 10, now });
    await limiter.check("ann");
    clock += 3_600_000;
    const decisions = await run(limiter, "ann", 4);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
  });

  it("is shared by app instances on one Redis, exactly capacity allowed under concurrency", async () => {
    const other = redis.duplicate();
    const a = tokenBucket(redis, { capacity: 4, refillPerSecond: 1, now });
    const b = tokenBucket(other, { capacity: 4, refillPerSecond: 1, now });
    const decisions = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).check("ann")));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(4);
    clock += 1_000;
    expect(await run(a, "ann", 2)).toMatchObject([{ allowed: true }, { allowed: false }]);
  });

  it("keeps its state under ratelimit:bucket:<key>, expiring once the bucket would be full", async () => {
    const limiter = tokenBucket(redis, { capacity: 10, refillPerSecond: 1, now });
    await run(limiter, "ann", 4);
    const ttl = await redis.pttl("ratelimit:bucket:ann");
    expect(ttl).toBeGreaterThan(3_000);
    expect(ttl).toBeLessThanOrEqual(4_000);
  });
});

describe("options", () => {
  it("refuses a limit, window or capacity that is not a positive integer, and a rate that is not above 0", () => {
    expect(() => slidingWindowLog(redis, { limit: 0, windowMs: 1_000, now })).toThrow(RangeError);
    expect(() => slidingWindowLog(redis, { limit: 2.5, windowMs: 1_000, now })).toThrow(RangeError);
    expect(() => slidingWindowLog(redis, { limit: 2, windowMs: -1, now })).toThrow(RangeError);
    expect(() => tokenBucket(redis, { capacity: 0, refillPerSecond: 1, now })).toThrow(RangeError);
    expect(() => tokenBucket(redis, { capacity: 3, refillPerSecond: 0, now })).toThrow(RangeError);
  });
});

describe("HTTP", () => {
  const key = (request: Request) => request.headers.get("x-api-key") ?? "anonymous";

  it("passes an allowed request through, adding RateLimit-Limit, -Remaining and -Reset (seconds, rounded up)", async () => {
    const limiter = tokenBucket(redis, { capacity: 5, refillPerSecond: 0.4, now });
    const app = withRateLimit(limiter, key, () => new Response("hello", { status: 201, headers: { "x-from": "app" } }));
    const res = await app(new Request("http://api/items", { headers: { "x-api-key": "k1" } }));
    expect(res.status).toBe(201);
    expect(await res.text()).toBe("hello");
    expect(res.headers.get("x-from")).toBe("app");
    expect(res.headers.get("ratelimit-limit")).toBe("5");
    expect(res.headers.get("ratelimit-remaining")).toBe("4");
    expect(res.headers.get("ratelimit-reset")).toBe("3"); // 2.5 s to full
    expect(res.headers.get("retry-after")).toBeNull();
  });

  it("answers 429 with Retry-After rounded up and a RATE_LIMITED body, without calling the handler", async () => {
    const limiter = slidingWindowLog(redis, { limit: 2, windowMs: 10_000, now });
    let calls = 0;
    const app = withRateLimit(limiter, key, () => (calls++, new Response("ok")));
    const ask = () => app(new Request("http://api/items", { headers: { "x-api-key": "k1" } }));
    await ask();
    clock += 1_500;
    await ask();
    clock += 1_000;
    const res = await ask();
    expect(res.status).toBe(429);
    expect(calls).toBe(2);
    expect(res.headers.get("retry-after")).toBe("8"); // 7.5 s left
    expect(res.headers.get("ratelimit-remaining")).toBe("0");
    expect(res.headers.get("ratelimit-limit")).toBe("2");
    expect(res.headers.get("ratelimit-reset")).toBe("8");
    expect(await res.json()).toEqual({ error: "RATE_LIMITED" });
    const other = await app(new Request("http://api/items", { headers: { "x-api-key": "k2" } }));
    expect(other.status).toBe(200);
  });
});
