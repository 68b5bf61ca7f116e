import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createNetwork, type Network } from "@roadlab/net";
import { Notifier } from "../notifier";
import type { Channel, NotificationEvent, User } from "../types";

const users: User[] = [
  { id: "ada", timeZone: "Europe/Berlin", email: "ada@example.com", phone: "+4915100001", pushToken: "tok-ada", marketing: { email: true, sms: true, push: true } },
  { id: "bo", timeZone: "Europe/Berlin", email: "bo@example.com", channels: { sms: false }, marketing: { email: true } },
  { id: "cy", timeZone: "Europe/Berlin", email: "cy@example.com", pushToken: "tok-cy", quietHours: { start: "22:00", end: "07:00" } },
  { id: "di", timeZone: "Europe/Berlin", email: "di@example.com", pushToken: "tok-di", channels: { email: false } },
];
const templates = {
  shipped: { email: "<p>Hi {{name}}, order {{order}} has shipped.</p>", sms: "Order {{order}} shipped", push: "{{name}}, {{order}} is on its way" },
  promo: { email: "<p>{{offer}}</p>", sms: "{{offer}}", push: "{{offer}}" },
  promoPush: { push: "{{offer}}" },
  arriving: { push: "Courier in {{minutes}} min <3" },
};

let net: Network;
let notifier: Notifier;
let received: Record<Channel, { to: string; body: string; at: number }[]>;
let statuses: Partial<Record<Channel, number[]>>;

function make(marketingPerHour = 2) {
  notifier = new Notifier({ fetch: net.fetch, users, templates, retry: { attempts: 3, baseMs: 100, timeoutMs: 5_000 }, marketingPerHour });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-01-15T10:00:00Z")); // 11:00 in Berlin
  net = createNetwork();
  received = { email: [], sms: [], push: [] };
  statuses = {};
  for (const channel of ["email", "sms", "push"] as const) {
    net.serve(channel, async (req) => {
      const status = statuses[channel]?.shift() ?? 202;
      if (status < 300) received[channel].push({ ...(await req.json()), at: Date.now() });
      return new Response("{}", { status });
    });
  }
  make();
});
afterEach(() => vi.useRealTimers());

const flush = () => vi.advanceTimersByTimeAsync(0);
const shipped = (key: string, userId = "ada", extra: Partial<NotificationEvent> = {}): NotificationEvent =>
  ({ key, userId, template: "shipped", category: "transactional", data: { name: "Ada & Co", order: "A-17" }, ...extra });
const promo = (key: string, userId = "ada", template = "promo"): NotificationEvent =>
  ({ key, userId, template, category: "marketing", data: { offer: "20% off" } });
const logOf = (eventKey: string) => notifier.log().filter((d) => d.eventKey === eventKey);

describe("fan-out", () => {
  it("turns one event into a delivery per templated channel, rendered and sent, with a log", async () => {
    const returned = notifier.notify(shipped("e1"));
    expect(returned.map((d) => [d.id, d.channel, d.status])).toEqual([
      ["e1:email", "email", "queued"], ["e1:sms", "sms", "queued"], ["e1:push", "push", "queued"],
    ]);
    expect(returned.map((d) => d.attempts)).toEqual([0, 0, 0]);
    await flush();
    expect(received.email).toMatchObject([{ to: "ada@example.com", body: "<p>Hi Ada &amp; Co, order A-17 has shipped.</p>" }]);
    expect(received.sms).toMatchObject([{ to: "+4915100001", body: "Order A-17 shipped" }]);
    expect(received.push).toMatchObject([{ to: "tok-ada", body: "Ada & Co, A-17 is on its way" }]);
    expect(notifier.log()).toMatchObject(["email", "sms", "push"].map((channel) =>
      ({ channel, userId: "ada", eventKey: "e1", status: "sent", history: ["queued", "sent"], attempts: 1 })));
    expect(notifier.deadLetters()).toEqual([]);
  });

  it("sends the same event key once per channel, however often it arrives", async () => {
    const first = notifier.notify(shipped("e1"));
    const again = notifier.notify(shipped("e1"));
    expect(again.map((d) => d.id)).toEqual(first.map((d) => d.id));
    await flush();
    expect(notifier.notify(shipped("e1")).map((d) => d.status)).toEqual(["sent", "sent", "sent"]);
    await flush();
    expect([received.email.length, received.sms.length, received.push.length]).toEqual([1, 1, 1]);
    expect(notifier.log()).toHaveLength(3);
  });

  it("logs suppressed deliveries with their reason and sends nothing for them", async () => {
    notifier.notify(promo("p1", "bo"));
    notifier.notify(shipped("s1", "bo"));
    await flush();
    expect(logOf("p1").map((d) => [d.channel, d.status, d.reason])).toEqual([
      ["email", "sent", undefined], ["sms", "suppressed", "CHANNEL_OFF"], ["push", "suppressed", "MARKETING_OPT_OUT"],
    ]);
    expect(logOf("s1").map((d) => [d.channel, d.status, d.reason])).toEqual([
      ["email", "sent", undefined], ["sms", "suppressed", "CHANNEL_OFF"], ["push", "suppressed", "NO_ADDRESS"],
    ]);
    expect(logOf("s1")[2]).toMatchObject({ history: ["suppressed"], to: "", attempts: 0 });
    expect([received.email.length, net.requests("sms").length, net.requests("push").length]).toEqual([2, 0, 0]);
  });

  it("raises UNKNOWN_USER, UNKNOWN_TEMPLATE and MISSING_VARIABLE and logs nothing for that event", async () => {
    expect(() => notifier.notify(shipped("x1", "nobody"))).toThrow(expect.objectContaining({ code: "UNKNOWN_USER" }));
    expect(() => notifier.notify({ ...shipped("x2"), template: "shiped" })).toThrow(expect.objectContaining({ code: "UNKNOWN_TEMPLATE" }));
    expect(() => notifier.notify({ ...shipped("x3"), data: { name: "Ada" } })).toThrow(expect.objectContaining({ code: "MISSING_VARIABLE" }));
    await flush();
    expect(notifier.log()).toEqual([]);
    expect(net.requests("email")).toHaveLength(0);
    // The key was never taken: the corrected event goes out.
    notifier.notify(shipped("x3"));
    await flush();
    expect(logOf("x3").map((d) => d.status)).toEqual(["sent", "sent", "sent"]);
  });
});

describe("quiet hours and rate limits", () => {
  it("defers a non-urgent notification to the end of quiet hours; an urgent one goes now", async () => {
    vi.setSystemTime(new Date("2026-01-15T21:30:00Z")); // 22:30 in Berlin
    const [email, sms, push] = notifier.notify(shipped("night", "cy")); // cy has no phone
    expect([email.status, sms.status, push.status]).toEqual(["deferred", "suppressed", "deferred"]);
    expect(email.notBefore).toBe(new Date("2026-01-16T06:00:00Z").getTime());
    notifier.notify(shipped("alarm", "cy", { urgent: true }));
    await flush();
    expect(received.email.map((m) => m.at)).toEqual([new Date("2026-01-15T21:30:00Z").getTime()]);
    await vi.advanceTimersByTimeAsync(8.5 * 3_600_000 - 1);
    expect(received.email).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(received.email).toHaveLength(2);
    expect(received.push).toHaveLength(2);
    expect(logOf("night").map((d) => d.history)).toEqual([["deferred", "queued", "sent"], ["suppressed"], ["deferred", "queued", "sent"]]);
  });

  it("lets a user get at most marketingPerHour marketing events in a rolling hour; transactional is never limited", async () => {
    notifier.notify(promo("m1"));
    await vi.advanceTimersByTimeAsync(60_000);
    notifier.notify(promo("m2"));
    notifier.notify(promo("pp", "bo", "promoPush")); // bo has not opted in to push: not sent, not counted
    notifier.notify(promo("b1", "bo"));
    const third = notifier.notify(promo("m3"));
    expect(third.map((d) => [d.status, d.reason])).toEqual(Array(3).fill(["suppressed", "RATE_LIMITED"]));
    notifier.notify(shipped("t1"));
    notifier.notify(promo("b2", "bo"));
    await flush();
    expect(logOf("t1").map((d) => d.status)).toEqual(["sent", "sent", "sent"]);
    expect(logOf("b2").map((d) => d.status)).toEqual(["sent", "suppressed", "suppressed"]);
    expect(received.push).toHaveLength(3); // m1, m2, t1
    await vi.advanceTimersByTimeAsync(3_600_000 - 60_000);
    expect(notifier.notify(promo("m4"))[0].status).toBe("queued");
    expect(notifier.notify(promo("m5"))[0].reason).toBe("RATE_LIMITED");
  });
});

describe("failures", () => {
  it("dead-letters a 4xx at once and a 5xx after its retries, each with its reason", async () => {
    statuses.email = [400];
    statuses.sms = [503, 500, 502];
    notifier.notify(shipped("f1"));
    await flush();
    expect(notifier.deadLetters().map((d) => [d.id, d.reason, d.attempts])).toEqual([["f1:email", "PROVIDER_REJECTED", 1]]);
    await vi.advanceTimersByTimeAsync(300);
    expect(notifier.deadLetters().map((d) => [d.id, d.status, d.reason, d.attempts])).toEqual([
      ["f1:email", "failed", "PROVIDER_REJECTED", 1], ["f1:sms", "failed", "RETRIES_EXHAUSTED", 3],
    ]);
    expect(logOf("f1").map((d) => d.status)).toEqual(["failed", "failed", "sent"]);
    expect(net.requests("email")).toHaveLength(1);
  });

  it("falls back to email when a push fails for good, unless the event already emailed or email is off", async () => {
    statuses.push = [410, 410, 410];
    notifier.notify({ key: "c1", userId: "cy", template: "arriving", category: "transactional", urgent: true, data: { minutes: "5" } });
    await flush();
    await flush();
    expect(logOf("c1").map((d) => [d.id, d.status, d.reason, d.fallbackFor])).toEqual([
      ["c1:push", "failed", "PROVIDER_REJECTED", undefined], ["c1:email", "sent", undefined, "c1:push"],
    ]);
    expect(received.email).toMatchObject([{ to: "cy@example.com", body: "Courier in 5 min &lt;3" }]);
    notifier.notify(shipped("c2", "cy", { urgent: true }));
    notifier.notify({ key: "d1", userId: "di", template: "arriving", category: "transactional", data: { minutes: "5" } });
    await flush();
    await flush();
    expect(received.email).toHaveLength(2);
    expect(logOf("c2").map((d) => d.status)).toEqual(["sent", "suppressed", "failed"]);
    expect(logOf("d1").map((d) => [d.channel, d.status, d.reason])).toEqual([["push", "failed", "PROVIDER_REJECTED"], ["email", "suppressed", "CHANNEL_OFF"]]);
  });

  it("keeps a queue per channel: a slow SMS provider delays only SMS, which still go in order", async () => {
    net.faults("sms", { latencyMs: 1_000 });
    notifier.notify(shipped("q1"));
    notifier.notify({ ...shipped("q2"), data: { name: "Ada", order: "B-2" } });
    await flush();
    expect(received.push.map((m) => m.body)).toEqual(["Ada & Co, A-17 is on its way", "Ada, B-2 is on its way"]);
    expect(received.sms).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(received.sms.map((m) => m.body)).toEqual(["Order A-17 shipped"]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(received.sms.map((m) => m.body)).toEqual(["Order A-17 shipped", "Order B-2 shipped"]);
    expect(net.requests("sms")).toHaveLength(2); // one worker: never both at once
  });
});
