import { beforeEach, describe, expect, it } from "vitest";
import { readSSE } from "@roadlab/realtime";
import { createService, type Service } from "../service";

let service: Service;
beforeEach(() => {
  service = createService({ pageSize: 2, maxPollMs: 10_000 });
});

function call(path: string, { user, body, headers = {}, signal }: { user?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {}) {
  const all: Record<string, string> = { ...headers };
  if (user) all["x-user"] = user;
  if (body !== undefined) all["content-type"] = "application/json";
  const init: RequestInit = { headers: all, signal };
  if (body !== undefined) Object.assign(init, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });
  return service.app.request(path, init);
}
const notify = async (users: string[], title: string) => expect((await call("/notifications", { user: "ops", body: { users, title } })).status).toBe(201);
const list = async (user: string, after: number) => (await call(`/notifications?after=${after}`, { user })).json();
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
const titles = (page: { notifications: { title: string }[] }) => page.notifications.map((n) => n.title);

describe("creating and short polling", () => {
  it("asks every route for a user", async () => {
    for (const path of ["/notifications", "/notifications/poll", "/notifications/stream"]) {
      const res = await call(path);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: "UNAUTHENTICATED" } });
    }
    expect((await call("/notifications/read", { body: { ids: [1] } })).status).toBe(401);
  });

  it("fans a notification out to each distinct user, numbered per user", async () => {
    await notify(["ann"], "welcome");
    const res = await call("/notifications", { user: "ops", body: { users: ["ann", "bob", "ann"], title: "deploy done" } });
    expect(await res.json()).toEqual({ created: 2 });
    expect(await list("ann", 0)).toEqual({
      notifications: [{ id: 1, title: "welcome", read: false }, { id: 2, title: "deploy done", read: false }],
      cursor: 2,
      unread: 2,
    });
    expect(await list("bob", 0)).toEqual({ notifications: [{ id: 1, title: "deploy done", read: false }], cursor: 1, unread: 1 });
    expect(await (await call("/notifications", { user: "bob" })).json()).toEqual(await list("bob", 0));
  });

  it.each([
    ["no users", { title: "x" }],
    ["an empty user list", { users: [], title: "x" }],
    ["an empty user name", { users: ["ann", ""], title: "x" }],
    ["an empty title", { users: ["ann"], title: "" }],
    ["a 201-character title", { users: ["ann"], title: "x".repeat(201) }],
    ["an extra field", { users: ["ann"], title: "x", urgent: true }],
    ["a body that is not JSON", "{users"],
  ])("answers 400 BAD_REQUEST to %s", async (_name, body) => {
    const res = await call("/notifications", { user: "ops", body });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "BAD_REQUEST" } });
  });

  it("pages through notifications with the cursor, losing and repeating none", async () => {
    for (const title of ["a", "b", "c", "d", "e"]) await notify(["ann"], title);
    const seen: string[] = [];
    let cursor = 0;
    for (const expected of [2, 4, 5, 5]) {
      const page = await list("ann", cursor);
      seen.push(...titles(page));
      expect(page.cursor).toBe(expected);
      cursor = page.cursor;
    }
    expect(seen).toEqual(["a", "b", "c", "d", "e"]);
  });

  it.each(["-1", "x", "1.5"])("answers 400 BAD_CURSOR to after=%s", async (after) => {
    const res = await call(`/notifications?after=${after}`, { user: "ann" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "BAD_CURSOR" } });
  });
});

describe("long polling", () => {
  it("answers at once when something is already there", async () => {
    await notify(["ann"], "a");
    const page = await (await call("/notifications/poll?after=0&timeoutMs=5000", { user: "ann" })).json();
    expect(page).toEqual({ notifications: [{ id: 1, title: "a", read: false }], cursor: 1, unread: 1 });
  });

  it("holds the request until a notification for that user arrives", async () => {
    await notify(["ann"], "old");
    const pending = call("/notifications/poll?after=1&timeoutMs=5000", { user: "ann" });
    await tick();
    expect(service.listeners).toBe(1);
    await notify(["bob"], "not for ann");
    await tick();
    expect(service.listeners).toBe(1);
    await notify(["ann"], "new");
    expect(await (await pending).json()).toEqual({ notifications: [{ id: 2, title: "new", read: false }], cursor: 2, unread: 2 });
    expect(service.listeners).toBe(0);
  });

  it("answers an empty page with the same cursor when the timeout passes", async () => {
    await notify(["ann"], "a");
    const res = await call("/notifications/poll?after=1&timeoutMs=20", { user: "ann" });
    expect(await res.json()).toEqual({ notifications: [], cursor: 1, unread: 1 });
    expect(service.listeners).toBe(0);
  });

  it("lets go of a poll whose client went away", async () => {
    const controller = new AbortController();
    const pending = call("/notifications/poll?after=0&timeoutMs=5000", { user: "ann", signal: controller.signal });
    await tick();
    expect(service.listeners).toBe(1);
    controller.abort();
    await pending.catch(() => {});
    await tick();
    expect(service.listeners).toBe(0);
  });

  it("waits options.maxPollMs when the client names no timeout, and checks its cursor", async () => {
    service = createService({ pageSize: 2, maxPollMs: 20 });
    const res = await call("/notifications/poll", { user: "ann" });
    expect(await res.json()).toEqual({ notifications: [], cursor: 0, unread: 0 });
    const bad = await call("/notifications/poll?after=x&timeoutMs=20", { user: "ann" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: "BAD_CURSOR" } });
  });

  it.each(["10001", "soon", "-5"])("answers 400 BAD_TIMEOUT to timeoutMs=%s", async (timeoutMs) => {
    const res = await call(`/notifications/poll?after=0&timeoutMs=${timeoutMs}`, { user: "ann" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "BAD_TIMEOUT" } });
  });
});

describe("the event stream and read receipts", () => {
  it("replays what came after Last-Event-ID, then pushes new notifications", async () => {
    for (const title of ["a", "b", "c"]) await notify(["ann"], title);
    const res = await call("/notifications/stream", { user: "ann", headers: { "Last-Event-ID": "1" } });
    await notify(["bob"], "not for ann");
    await notify(["ann"], "d");
    const events = await readSSE(res, { count: 3 });
    expect(events).toEqual(
      ["b", "c", "d"].map((title, i) => ({ id: String(i + 2), event: "notification", data: JSON.stringify({ id: i + 2, title, read: false }) })),
    );
    await tick();
    expect(service.listeners).toBe(0);
  });

  it("replays everything to a stream without Last-Event-ID", async () => {
    await notify(["ann"], "a");
    await notify(["ann"], "b");
    const events = await readSSE(await call("/notifications/stream", { user: "ann" }), { count: 2 });
    expect(events.map((e) => e.id)).toEqual(["1", "2"]);
  });

  it("answers 400 BAD_CURSOR to a Last-Event-ID that is not a number", async () => {
    const res = await call("/notifications/stream", { user: "ann", headers: { "Last-Event-ID": "abc" } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "BAD_CURSOR" } });
  });

  it("marks the user's own notifications read and tells their open streams, without an id", async () => {
    for (const title of ["a", "b", "c"]) await notify(["ann", "bob"], title);
    const stream = await call("/notifications/stream", { user: "ann", headers: { "Last-Event-ID": "3" } });
    const res = await call("/notifications/read", { user: "ann", body: { ids: [3, 1, 3, 99] } });
    expect(await res.json()).toEqual({ read: [1, 3], unread: 1 });
    const again = await call("/notifications/read", { user: "ann", body: { ids: [1] } });
    expect(await again.json()).toEqual({ read: [], unread: 1 });
    await notify(["ann"], "d");
    expect(await readSSE(stream, { count: 2 })).toEqual([
      { event: "read", data: JSON.stringify({ ids: [1, 3] }) },
      { id: "4", event: "notification", data: JSON.stringify({ id: 4, title: "d", read: false }) },
    ]);
    expect((await list("ann", 0)).notifications.map((n: { read: boolean }) => n.read)).toEqual([true, false]);
    expect((await list("bob", 0)).unread).toBe(3);
  });

  it("answers 400 BAD_REQUEST to read ids that are not positive integers", async () => {
    for (const body of [{ ids: [] }, { ids: [0] }, { ids: ["1"] }, {}]) {
      const res = await call("/notifications/read", { user: "ann", body });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: "BAD_REQUEST" } });
    }
  });
});
