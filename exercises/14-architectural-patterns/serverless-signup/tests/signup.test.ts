import { beforeEach, describe, expect, it } from "vitest";
import { createRedis, type Redis } from "@roadlab/redis";
import { createPlatform, type Deps } from "../platform";
import { signupFunction } from "../signup";

let redis: Redis;
let sent: { to: string; subject: string }[];
let templateLoads: number;
let failNextMail: boolean;
let deps: Deps;

beforeEach(async () => {
  redis = await createRedis();
  sent = [];
  templateLoads = 0;
  failNextMail = false;
  deps = {
    redis,
    env: { MAIL_FROM: "hello@shop.example" },
    async loadTemplates() {
      templateLoads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { welcomeSubject: "Welcome to the shop" };
    },
    mailer: {
      async send(to, subject) {
        await Promise.resolve();
        if (failNextMail) {
          failNextMail = false;
          throw new Error("SMTP 421: try again later");
        }
        sent.push({ to, subject });
      },
    },
  };
});

const signup = (id: string, email = `${id}@example.com`) => ({ id, email });

describe("the signup function", () => {
  it("sends the welcome mail and counts the signup", async () => {
    const platform = createPlatform(signupFunction, deps);
    expect(await platform.invoke(signup("u1", "ann@example.com"))).toEqual({ statusCode: 202, duplicate: false, total: 1 });
    expect(sent).toEqual([{ to: "ann@example.com", subject: "Welcome to the shop" }]);
  });

  it("loads the templates once per instance, not once per invocation", async () => {
    const platform = createPlatform(signupFunction, deps);
    for (const id of ["u1", "u2", "u3"]) await platform.invoke(signup(id));
    expect(platform.stats.coldStarts).toBe(1);
    expect(templateLoads).toBe(1);
    platform.recycle();
    await platform.invoke(signup("u4"));
    expect(templateLoads).toBe(2);
  });

  it("refuses to start without MAIL_FROM, with code MISSING_CONFIG", async () => {
    const platform = createPlatform(signupFunction, { ...deps, env: { MAIL_FROM: "" } });
    await expect(platform.invoke(signup("u1"))).rejects.toMatchObject({ code: "MISSING_CONFIG" });
    expect(sent).toEqual([]);
  });

  it("keeps the count in Redis, so every instance and every cold start sees the same total", async () => {
    const platform = createPlatform(signupFunction, deps);
    const results = await Promise.all([platform.invoke(signup("u1")), platform.invoke(signup("u2"))]);
    expect(platform.stats.coldStarts).toBe(2);
    expect(results.map((r) => (r as { total: number }).total).sort()).toEqual([1, 2]);
    platform.recycle();
    expect(await platform.invoke(signup("u3"))).toMatchObject({ total: 3 });
    expect(await redis.get("signup:total")).toBe("3");
  });

  it("treats a redelivered event as a duplicate: no second mail, no second count", async () => {
    const platform = createPlatform(signupFunction, deps);
    await platform.invoke(signup("u1"));
    platform.recycle(); // the retry may well land on a fresh instance
    expect(await platform.invoke(signup("u1"))).toEqual({ statusCode: 200, duplicate: true });
    expect(sent).toHaveLength(1);
    expect(await redis.get("signup:total")).toBe("1");
  });

  it("lets only one of two concurrent copies of an event through", async () => {
    const platform = createPlatform(signupFunction, deps);
    await Promise.all([platform.invoke(signup("warm-1")), platform.invoke(signup("warm-2"))]); // two warm instances
    sent = [];
    const results = await Promise.all([platform.invoke(signup("u1")), platform.invoke(signup("u1"))]);
    expect(platform.stats.coldStarts).toBe(2);
    expect(results.filter((r) => (r as { duplicate: boolean }).duplicate)).toHaveLength(1);
    expect(sent).toHaveLength(1);
  });

  it("remembers processed ids in signup:processed:<id> for one day", async () => {
    const platform = createPlatform(signupFunction, deps);
    await platform.invoke(signup("u1"));
    const ttl = await redis.ttl("signup:processed:u1");
    expect(ttl).toBeGreaterThan(86_390);
    expect(ttl).toBeLessThanOrEqual(86_400);
  });

  it("gives the id back when the mail fails, so the platform's retry succeeds", async () => {
    const platform = createPlatform(signupFunction, deps);
    failNextMail = true;
    await expect(platform.invoke(signup("u1"))).rejects.toThrow();
    expect(await redis.get("signup:total")).toBeNull();
    expect(await platform.invoke(signup("u1"))).toEqual({ statusCode: 202, duplicate: false, total: 1 });
    expect(sent).toHaveLength(1);
  });

  it("answers 400 BAD_EVENT for an event without a string id or a plausible email, and claims nothing", async () => {
    const platform = createPlatform(signupFunction, deps);
    for (const event of [null, {}, { id: "", email: "a@b" }, { id: 7, email: "a@b" }, { id: "u1", email: "nobody" }, { id: "u1" }]) {
      expect(await platform.invoke(event)).toEqual({ statusCode: 400, code: "BAD_EVENT" });
    }
    expect(await redis.get("signup:processed:u1")).toBeNull();
    expect(sent).toEqual([]);
  });
});
