import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { createLogger, type Level } from "../logger";
import { requestLogger, type LogEnv } from "../middleware";

const T0 = Date.parse("2026-03-01T12:00:00.000Z");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setup(level: Level = "debug") {
  let t = T0;
  const lines: string[] = [];
  const clock = { now: () => t, advance: (ms: number) => void (t += ms) };
  const log = createLogger({ level, sink: lines, now: clock.now });
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, clock, log, parsed };
}

function server(level: Level = "debug") {
  const s = setup(level);
  const app = new Hono<LogEnv>();
  app.use("*", requestLogger({ logger: s.log, now: s.clock.now }));
  app.get("/users/:id", (c) => {
    c.get("log").info("loading user", { user_id: c.req.param("id") });
    s.clock.advance(42);
    return c.json({ id: c.req.param("id"), request_id: c.get("requestId") });
  });
  app.post("/boom", () => {
    s.clock.advance(7);
    throw new TypeError("cannot read 'total' of undefined");
  });
  app.get("/missing", (c) => c.json({ error: { code: "NOT_FOUND" } }, 404));
  return { ...s, app };
}

describe("the logger", () => {
  it("writes one JSON line per event with time, level, msg and the fields", () => {
    const { lines, log, parsed } = setup();
    log.info("order placed", { order_id: 17, total: 42.5, tags: ["gift"] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("\n");
    expect(parsed()[0]).toEqual({
      time: "2026-03-01T12:00:00.000Z", level: "info", msg: "order placed",
      order_id: 17, total: 42.5, tags: ["gift"],
    });
  });

  it("hands each line to a function sink, and fields cannot overwrite time, level or msg", () => {
    const got: string[] = [];
    const log = createLogger({ level: "info", sink: (line) => got.push(line), now: () => T0 });
    log.warn("disk almost full", { level: "debug", msg: "fake", time: "yesterday", free_mb: 120 });
    expect(got.map((l) => JSON.parse(l))).toEqual([
      { time: "2026-03-01T12:00:00.000Z", level: "warn", msg: "disk almost full", free_mb: 120 },
    ]);
  });

  it("drops events below the configured level", () => {
    const { log, parsed } = setup("warn");
    log.debug("d"); log.info("i"); log.warn("w"); log.error("e");
    expect(parsed().map((l) => l.level)).toEqual(["warn", "error"]);
    const all = setup("debug");
    all.log.debug("d"); all.log.info("i"); all.log.warn("w"); all.log.error("e");
    expect(all.parsed().map((l) => l.msg)).toEqual(["d", "i", "w", "e"]);
    const info = setup("info");
    info.log.debug("d"); info.log.info("i");
    expect(info.parsed().map((l) => l.msg)).toEqual(["i"]);
  });

  it("child loggers carry their bindings, nest, and leave the parent untouched", () => {
    const { log, parsed } = setup();
    const svc = log.child({ service: "billing" });
    const req = svc.child({ request_id: "r-1" });
    const other = svc.child({ request_id: "r-2" });
    req.info("a", { step: 1 });
    other.info("b");
    svc.info("c");
    log.info("d");
    const [a, b, c, d] = parsed();
    expect(a).toMatchObject({ service: "billing", request_id: "r-1", step: 1 });
    expect(b).toMatchObject({ service: "billing", request_id: "r-2" });
    expect(c).toMatchObject({ service: "billing" });
    expect(c).not.toHaveProperty("request_id");
    expect(d).not.toHaveProperty("service");
    expect(d).not.toHaveProperty("request_id");
  });

  it("redacts secret keys at any depth and in any case, without touching the caller's object", () => {
    const { lines, log, parsed } = setup();
    const payload = {
      user: { email: "ana@example.com", Password: "hunter2", profile: { api_token: "tok_live_1" } },
      headers: { Authorization: "Bearer abc.def", COOKIE: "sid=s3cr3t", accept: "application/json" },
      attempts: [{ refreshToken: "rt_9", ok: false }],
      client_secret: "cs_1",
    };
    log.info("login", payload);
    expect(parsed()[0]).toMatchObject({
      user: { email: "ana@example.com", Password: "[REDACTED]", profile: { api_token: "[REDACTED]" } },
      headers: { Authorization: "[REDACTED]", COOKIE: "[REDACTED]", accept: "application/json" },
      attempts: [{ refreshToken: "[REDACTED]", ok: false }],
      client_secret: "[REDACTED]",
    });
    for (const secret of ["hunter2", "tok_live_1", "abc.def", "s3cr3t", "rt_9", "cs_1"]) expect(lines[0]).not.toContain(secret);
    expect(payload.user.Password).toBe("hunter2");
    expect(payload.headers.Authorization).toBe("Bearer abc.def");
  });

  it("redacts secrets in a child's bindings too", () => {
    const { lines, log, parsed } = setup();
    log.child({ session: { cookie: "sid=zz9" }, service: "web" }).info("hi");
    expect(parsed()[0]).toMatchObject({ session: { cookie: "[REDACTED]" }, service: "web" });
    expect(lines[0]).not.toContain("zz9");
  });

  it("writes Error values as name, message and stack, also when nested", () => {
    const { log, parsed } = setup();
    const err = new RangeError("amount must be positive");
    log.error("payment failed", { err, attempt: { cause: new Error("upstream timeout") } });
    const line = parsed()[0] as { err: Record<string, unknown>; attempt: { cause: Record<string, unknown> } };
    expect(line.err).toMatchObject({ name: "RangeError", message: "amount must be positive" });
    expect(line.err.stack).toBe(err.stack);
    expect(line.attempt.cause).toMatchObject({ name: "Error", message: "upstream timeout" });
  });
});

describe("the request middleware", () => {
  it("logs one access line with method, route pattern, status and duration", async () => {
    const { app, parsed } = server();
    const res = await app.request("/users/42", { headers: { "X-Request-Id": "abc-123_x=" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("abc-123_x=");
    const access = parsed().filter((l) => l.msg === "request");
    expect(access).toEqual([{
      time: "2026-03-01T12:00:00.042Z", level: "info", msg: "request", request_id: "abc-123_x=",
      method: "GET", route: "/users/:id", status: 200, duration_ms: 42,
    }]);
  });

  it("gives the handler the request id and a child logger that carries it", async () => {
    const { app, parsed } = server();
    const res = await app.request("/users/7", { headers: { "X-Request-Id": "req-7" } });
    expect(await res.json()).toEqual({ id: "7", request_id: "req-7" });
    const [inHandler, access] = parsed();
    expect(inHandler).toMatchObject({ msg: "loading user", level: "info", request_id: "req-7", user_id: "7" });
    expect(access).toMatchObject({ msg: "request", request_id: "req-7" });
  });

  it("generates a UUID when the header is missing, and a new one per request", async () => {
    const { app, parsed } = server();
    const one = (await app.request("/users/1")).headers.get("x-request-id");
    const two = (await app.request("/users/2")).headers.get("x-request-id");
    expect(one).toMatch(UUID);
    expect(two).toMatch(UUID);
    expect(one).not.toBe(two);
    expect(parsed().filter((l) => l.msg === "request").map((l) => l.request_id)).toEqual([one, two]);
  });

  it("does not trust a malformed incoming request id", async () => {
    const { app, parsed } = server();
    const bad = ["", "a b", "id\";drop", "x".repeat(256), "ünïcode", "a/b"];
    for (const id of bad) {
      const res = await app.request("/users/1", { headers: { "X-Request-Id": id } });
      expect(res.headers.get("x-request-id")).toMatch(UUID);
    }
    const ids = parsed().filter((l) => l.msg === "request").map((l) => l.request_id);
    expect(ids).toHaveLength(bad.length);
    for (const id of ids) expect(id).toMatch(UUID);
    const longest = await app.request("/users/1", { headers: { "X-Request-Id": "y".repeat(255) } });
    expect(longest.headers.get("x-request-id")).toBe("y".repeat(255));
  });

  it("logs a thrown handler error at error level with status 500 and the error", async () => {
    const { app, parsed } = server();
    const res = await app.request("/boom", { method: "POST", headers: { "X-Request-Id": "r-500" } });
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBe("r-500");
    const access = parsed().filter((l) => l.msg === "request");
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      level: "error", method: "POST", route: "/boom", status: 500, duration_ms: 7, request_id: "r-500",
      err: { name: "TypeError", message: "cannot read 'total' of undefined" },
    });
    expect(typeof (access[0].err as { stack?: unknown }).stack).toBe("string");
  });

  it("logs a 4xx answer at warn level, and the threshold applies to access lines", async () => {
    const { app, parsed } = server();
    expect((await app.request("/missing")).status).toBe(404);
    expect(parsed()).toEqual([expect.objectContaining({ level: "warn", msg: "request", status: 404 })]);
    const quiet = server("error");
    await quiet.app.request("/users/1");
    await quiet.app.request("/missing");
    await quiet.app.request("/boom", { method: "POST" });
    expect(quiet.parsed().map((l) => [l.level, l.status])).toEqual([["error", 500]]);
  });
});
