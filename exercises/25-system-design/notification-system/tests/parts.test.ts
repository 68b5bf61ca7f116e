import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createNetwork, type Network } from "@roadlab/net";
import { suppressReason } from "../preferences";
import { quietHoursEnd } from "../quiet-hours";
import { render } from "../template";
import { RateLimiter } from "../rate-limit";
import { send } from "../sender";
import type { Delivery, User } from "../types";

const user = (extra: Partial<User> = {}): User => ({
  id: "u1", timeZone: "Europe/Berlin", email: "ada@example.com", phone: "+4915100000", pushToken: "tok-1", ...extra,
});
const at = (iso: string) => new Date(iso).getTime();
/** Marks a promise handled while fake time runs; awaiting it later still throws. */
const later = <T>(promise: Promise<T>) => (promise.catch(() => {}), promise);

describe("preferences", () => {
  it("a channel turned off is off for both categories; marketing needs an opt-in per channel", () => {
    const u = user({ channels: { sms: false }, marketing: { sms: true, email: true } });
    expect(suppressReason(u, "sms", "transactional")).toBe("CHANNEL_OFF");
    expect(suppressReason(u, "sms", "marketing")).toBe("CHANNEL_OFF");
    expect(suppressReason(u, "email", "transactional")).toBeNull();
    // Marketing needs an opt-in per channel; transactional ignores it; no address means NO_ADDRESS.
    const v = user({ marketing: { email: true, push: false }, phone: undefined });
    expect(suppressReason(v, "email", "marketing")).toBeNull();
    expect(suppressReason(v, "push", "marketing")).toBe("MARKETING_OPT_OUT");
    expect(suppressReason(user(), "email", "marketing")).toBe("MARKETING_OPT_OUT");
    expect(suppressReason(v, "push", "transactional")).toBeNull();
    expect(suppressReason(v, "sms", "transactional")).toBe("NO_ADDRESS");
  });
});

describe("quiet hours", () => {
  const quiet = user({ quietHours: { start: "22:00", end: "07:00" } });

  it("are read on the user's own clock and end at the next end time", () => {
    // 21:30 UTC is 22:30 in Berlin in January (UTC+1): inside; it ends 07:00 Berlin = 06:00 UTC.
    expect(quietHoursEnd(at("2026-01-15T21:30:00Z"), quiet)).toBe(at("2026-01-16T06:00:00Z"));
    // After midnight the end is the same morning.
    expect(quietHoursEnd(at("2026-01-16T02:15:30Z"), quiet)).toBe(at("2026-01-16T06:00:00Z"));
    // 20:59 UTC is 21:59 Berlin: outside, and 06:00 Berlin (05:00 UTC) is inside but 06:00 UTC is not.
    expect(quietHoursEnd(at("2026-01-15T20:59:00Z"), quiet)).toBeNull();
    expect(quietHoursEnd(at("2026-01-16T06:00:00Z"), quiet)).toBeNull();
    expect(quietHoursEnd(at("2026-01-16T05:00:00Z"), quiet)).toBe(at("2026-01-16T06:00:00Z"));
    // A window that does not wrap; a user without quiet hours.
    const lunch = user({ timeZone: "Asia/Tokyo", quietHours: { start: "12:00", end: "13:30" } });
    expect(quietHoursEnd(at("2026-01-16T03:10:00Z"), lunch)).toBe(at("2026-01-16T04:30:00Z"));
    expect(quietHoursEnd(at("2026-01-16T02:59:00Z"), lunch)).toBeNull();
    expect(quietHoursEnd(at("2026-01-15T21:30:00Z"), user())).toBeNull();
  });

  it("end at 07:00 local even when the clocks change in the night", () => {
    // New York springs forward at 02:00 on 8 March 2026: 23:00 EST to 07:00 EDT is 7 hours.
    const ny = user({ timeZone: "America/New_York", quietHours: { start: "22:00", end: "07:00" } });
    expect(quietHoursEnd(at("2026-03-08T04:00:00Z"), ny)).toBe(at("2026-03-08T11:00:00Z"));
  });
});

describe("templates", () => {
  it("escape values for email, leave SMS and push plain, and reject a missing variable", () => {
    const data = { name: `Tom & "Jerry" <b>`, order: "A-1" };
    expect(render("<p>Hi {{name}}, order {{ order }} shipped</p>", data, { html: true }))
      .toBe("<p>Hi Tom &amp; &quot;Jerry&quot; &lt;b&gt;, order A-1 shipped</p>");
    expect(render("Hi {{name}}, {{order}} shipped", data, { html: false })).toBe(`Hi Tom & "Jerry" <b>, A-1 shipped`);
    expect(render("it's {{x}}", { x: "'" }, { html: true })).toBe("it's &#39;");
    expect(() => render("Hi {{name}}, see {{link}}", data, { html: false })).toThrow(expect.objectContaining({ code: "MISSING_VARIABLE" }));
  });
});

describe("rate limiter", () => {
  it("allows `limit` takes in any rolling window, per key", () => {
    const limiter = new RateLimiter(2, 3_600_000);
    const t = at("2026-01-15T10:00:00Z");
    expect([limiter.tryTake("u1", t), limiter.tryTake("u1", t + 1_000), limiter.tryTake("u1", t + 2_000)]).toEqual([true, true, false]);
    expect(limiter.tryTake("u2", t + 2_000)).toBe(true);
    // The first take counts for exactly one hour; the refused one never counted.
    expect(limiter.tryTake("u1", t + 3_599_999)).toBe(false);
    expect(limiter.tryTake("u1", t + 3_600_000)).toBe(true);
    expect(limiter.tryTake("u1", t + 3_600_500)).toBe(false);
  });
});

describe("sender", () => {
  let net: Network;
  let answers: number[];
  let seen: { key: string | null; body: unknown }[];
  const delivery: Delivery = {
    id: "e1:sms", eventKey: "e1", userId: "u1", channel: "sms", category: "transactional",
    to: "+4915100000", body: "Shipped", status: "queued", history: ["queued"], attempts: 0,
  };
  const retry = { attempts: 3, baseMs: 100, timeoutMs: 50 };

  beforeEach(() => {
    vi.useFakeTimers();
    net = createNetwork();
    answers = [];
    seen = [];
    net.serve("sms", async (req) => {
      seen.push({ key: req.headers.get("idempotency-key"), body: await req.json() });
      return new Response("{}", { status: answers.shift() ?? 202 });
    });
  });
  afterEach(() => vi.useRealTimers());

  it("retries 5xx, 429, timeouts and refused connections after baseMs × 2^(n−1), with one Idempotency-Key", async () => {
    answers = [503, 429];
    const outcome = later(send(net.fetch, delivery, retry));
    await vi.advanceTimersByTimeAsync(99);
    expect(net.requests("sms")).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(net.requests("sms")).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(net.requests("sms")).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toEqual({ ok: true, attempts: 3 });
    expect(net.requests("sms")[0]).toMatchObject({ method: "POST", url: "http://sms/send" });
    expect(seen).toEqual(Array(3).fill({ key: "e1:sms", body: { to: "+4915100000", body: "Shipped" } }));

    net.faults("sms", { latencyMs: 60 });
    const slow = later(send(net.fetch, delivery, retry));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await slow).toMatchObject({ ok: false, attempts: 3, reason: "RETRIES_EXHAUSTED" });
    expect(net.requests("sms").slice(3).map((r) => r.error)).toEqual(["aborted", "aborted", "aborted"]);

    net.faults("sms", { down: true });
    const down = later(send(net.fetch, delivery, { ...retry, attempts: 2 }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await down).toMatchObject({ ok: false, attempts: 2, reason: "RETRIES_EXHAUSTED" });
  });

  it("does not retry another 4xx: the provider said the request itself is wrong", async () => {
    for (const status of [400, 404, 410]) {
      answers = [status];
      const outcome = later(send(net.fetch, delivery, retry));
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await outcome).toMatchObject({ ok: false, attempts: 1, reason: "PROVIDER_REJECTED", status });
    }
    expect(net.requests("sms")).toHaveLength(3);
  });
});
