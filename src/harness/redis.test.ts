import { afterAll, describe, expect, it } from "vitest";
import { closeRedis, createRedis } from "./redis";

// Runs against ioredis-mock, or against the real server when REDIS_URL is set (as in CI).
describe("@roadlab/redis", () => {
  afterAll(() => closeRedis());

  it("gives an empty Redis that speaks ioredis", async () => {
    const redis = await createRedis();
    expect(await redis.dbsize()).toBe(0);
    await redis.set("greeting", "hello", "EX", 60);
    expect(await redis.get("greeting")).toBe("hello");
    expect(await redis.ttl("greeting")).toBeGreaterThan(55);
    expect(await redis.incr("hits")).toBe(1);
    const [[, first], [, second]] = (await redis.multi().incr("n").incr("n").exec())!;
    expect([first, second]).toEqual([1, 2]);
  });

  it("starts each test empty", async () => {
    const redis = await createRedis();
    await redis.set("left-behind", "1");
    const next = await createRedis();
    expect(await next.exists("left-behind")).toBe(0);
  });

  it("closes the previous test's clients, duplicates included", async () => {
    const redis = await createRedis();
    const subscriber = redis.duplicate();
    await subscriber.subscribe("news");
    await createRedis();
    expect(redis.status).not.toBe("ready");
    expect(subscriber.status).not.toBe("ready");
  });

  it("runs sorted sets and Lua scripts", async () => {
    const redis = await createRedis();
    await redis.zadd("board", 3, "c", 1, "a", 2, "b");
    expect(await redis.zrange("board", 0, -1)).toEqual(["a", "b", "c"]);
    const script = "return redis.call('INCRBY', KEYS[1], ARGV[1])";
    expect(await redis.eval(script, 1, "counter", 5)).toBe(5);
  });
});
