import { beforeEach, describe, expect, it } from "vitest";
import { createNetwork, type Network } from "@roadlab/net";
import { createGateway } from "../gateway";
import type { GatewayConfig } from "../types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CLIENT = "203.0.113.5";

let net: Network;
let seen: Record<string, Request[]>;
let clock: number;

/** A service that records what reached it and echoes where it was asked. */
function service(name: string, answer?: (req: Request) => Response | Promise<Response>) {
  net.serve(name, async (req) => {
    (seen[name] ??= []).push(req);
    if (answer) return answer(req);
    const url = new URL(req.url);
    return Response.json({ name, path: url.pathname + url.search });
  });
}

beforeEach(() => {
  net = createNetwork();
  seen = {};
  clock = 1_000_000;
  for (const name of ["users-1", "users-2", "admin", "orders"]) service(name);
});

function gateway(overrides: Partial<GatewayConfig> = {}) {
  const config: GatewayConfig = {
    routes: [
      { prefix: "/users", upstreams: ["http://users-1", "http://users-2"], timeoutMs: 30 },
      { prefix: "/users/admin", upstreams: ["http://admin"] },
      { prefix: "/orders", upstreams: ["http://orders"], auth: true },
    ],
    apiKeys: { "key-acme": "acme", "key-bolt": "bolt" },
    trustedProxies: ["10.0.0.1"],
    rateLimit: { limit: 100, windowMs: 10_000 },
    ...overrides,
  };
  const app = createGateway(config, { fetch: net.fetch, now: () => clock });
  return (path: string, init: RequestInit = {}, peer = CLIENT) => app.request(`https://gw.example${path}`, init, { peer });
}

describe("routing", () => {
  it("sends a request to the longest matching prefix, with the prefix stripped and the query kept", async () => {
    const call = gateway();
    expect(await (await call("/users/42?fields=name")).json()).toEqual({ name: "users-1", path: "/42?fields=name" });
    expect(await (await call("/users/admin/audit")).json()).toEqual({ name: "admin", path: "/audit" });
    expect(await (await call("/users")).json()).toEqual({ name: "users-2", path: "/" });
    // The route's instances are taken in turn.
    const names: string[] = [];
    for (let i = 0; i < 3; i++) names.push((await (await call("/users/1")).json()).name);
    expect(names).toEqual(["users-1", "users-2", "users-1"]);
  });

  it("answers 404 NO_ROUTE for a path no route owns, matching prefixes at segment boundaries", async () => {
    const call = gateway();
    for (const path of ["/usersx/1", "/", "/user"]) {
      const res = await call(path);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ code: "NO_ROUTE" });
    }
    expect(Object.keys(seen)).toEqual([]);
  });

  it("passes the upstream's status, headers and body through, and forwards method and body", async () => {
    service("orders", async (req) => new Response(`got ${req.method} ${await req.text()}`, { status: 201, headers: { "x-order": "o-1" } }));
    const res = await gateway()("/orders", { method: "POST", body: '{"sku":"A"}', headers: { "x-api-key": "key-acme" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-order")).toBe("o-1");
    expect(await res.text()).toBe('got POST {"sku":"A"}');
  });

  it("passes a 5xx answer on as it is, without trying another instance", async () => {
    service("users-1", () => new Response("busy", { status: 503 }));
    const res = await gateway()("/users/1");
    expect(res.status).toBe(503);
    expect(await res.text()).toBe("busy");
    expect(seen["users-2"]).toBeUndefined();
  });
});

describe("at the edge: auth, identity, limits", () => {
  it("answers 401 UNAUTHORIZED without a known key; with one, tells the service the client id, never the key or a client's own x-client-id", async () => {
    const call = gateway();
    for (const headers of [{}, { "x-api-key": "nope" }, { "x-api-key": "toString" }]) {
      const res = await call("/orders/7", { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ code: "UNAUTHORIZED" });
    }
    expect(seen.orders).toBeUndefined();
    await call("/orders/7", { headers: { "x-api-key": "key-acme", "x-client-id": "bolt" } });
    await call("/users/1", { headers: { "x-client-id": "acme" } });
    expect(seen.orders[0].headers.get("x-client-id")).toBe("acme");
    expect(seen.orders[0].headers.get("x-api-key")).toBeNull();
    expect(seen["users-1"][0].headers.get("x-client-id")).toBeNull();
  });

  it("limits each client per window, answering 429 RATE_LIMITED with the seconds left in Retry-After", async () => {
    const call = gateway({ rateLimit: { limit: 2, windowMs: 10_000 } });
    const acme = { headers: { "x-api-key": "key-acme" } };
    expect((await call("/orders/1", acme)).status).toBe(200);
    clock += 1_000;
    expect((await call("/orders/2", acme)).status).toBe(200);
    let res = await call("/orders/3", acme);
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ code: "RATE_LIMITED" });
    expect(res.headers.get("retry-after")).toBe("9");
    clock += 3_500;
    res = await call("/orders/4", acme);
    expect(res.headers.get("retry-after")).toBe("6");
    expect((await call("/orders/5", { headers: { "x-api-key": "key-bolt" } })).status).toBe(200);
    clock += 5_500;
    expect((await call("/orders/6", acme)).status).toBe(200);
    expect(seen.orders).toHaveLength(4);
  });

  it("limits anonymous callers by their address, which a made-up X-Forwarded-For cannot change, and does not count 404s and 401s", async () => {
    const call = gateway({ rateLimit: { limit: 1, windowMs: 10_000 } });
    // Answers 404 and 401 do not use up the allowance.
    expect((await call("/nowhere")).status).toBe(404);
    expect((await call("/orders/1")).status).toBe(401);
    expect((await call("/users/1", { headers: { "x-forwarded-for": "1.1.1.1" } })).status).toBe(200);
    expect((await call("/users/1", { headers: { "x-forwarded-for": "2.2.2.2" } })).status).toBe(429);
    // Behind the trusted load balancer, each real client has its own allowance.
    expect((await call("/users/1", { headers: { "x-forwarded-for": "198.51.100.7" } }, "10.0.0.1")).status).toBe(200);
    expect((await call("/users/1", { headers: { "x-forwarded-for": "198.51.100.8" } }, "10.0.0.1")).status).toBe(200);
    expect((await call("/users/1", { headers: { "x-forwarded-for": "198.51.100.7" } }, "10.0.0.1")).status).toBe(429);
  });
});

describe("headers the gateway owns", () => {
  it("keeps a well-formed X-Request-Id, and makes a new one for a missing or malformed id, on every answer", async () => {
    const call = gateway();
    let res = await call("/users/1", { headers: { "x-request-id": "req-abc_12=" } });
    expect(res.headers.get("x-request-id")).toBe("req-abc_12=");
    expect(seen["users-1"][0].headers.get("x-request-id")).toBe("req-abc_12=");
    res = await call("/users/1", { headers: { "x-request-id": "bad id; drop table" } });
    const made = res.headers.get("x-request-id");
    expect(made).toMatch(UUID);
    expect(seen["users-2"][0].headers.get("x-request-id")).toBe(made);
    res = await call("/users/1", { headers: { "x-request-id": "a".repeat(256) } });
    expect(res.headers.get("x-request-id")).toMatch(UUID);
    for (const path of ["/nowhere", "/orders/1"]) expect((await call(path)).headers.get("x-request-id")).toMatch(UUID);
    expect((await call("/orders/1", { headers: { "x-request-id": "r-9" } })).headers.get("x-request-id")).toBe("r-9");
  });

  it("sets the forwarding headers from the connection, believing only a trusted proxy's", async () => {
    const call = gateway();
    await call("/users/1", { headers: { "x-forwarded-for": "1.2.3.4", "x-forwarded-proto": "http", forwarded: "for=1.2.3.4" } });
    await call("/users/1", { headers: { "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "http" } }, "10.0.0.1");
    const [direct] = seen["users-1"];
    expect(direct.headers.get("x-forwarded-for")).toBe(CLIENT);
    expect(direct.headers.get("x-forwarded-proto")).toBe("https");
    expect(direct.headers.get("forwarded")).toBe(`for=${CLIENT};host=gw.example;proto=https`);
    const [viaProxy] = seen["users-2"];
    expect(viaProxy.headers.get("x-forwarded-for")).toBe("198.51.100.7, 10.0.0.1");
    expect(viaProxy.headers.get("x-forwarded-proto")).toBe("http");
  });

  it("strips hop-by-hop headers from the upstream's answer", async () => {
    service("users-1", () => new Response("ok", { headers: { connection: "x-debug", "x-debug": "1", "keep-alive": "timeout=5", "x-kept": "yes" } }));
    const res = await gateway()("/users/1");
    expect(res.headers.get("x-debug")).toBeNull();
    expect(res.headers.get("keep-alive")).toBeNull();
    expect(res.headers.get("connection")).toBeNull();
    expect(res.headers.get("x-kept")).toBe("yes");
  });
});

describe("when an upstream fails", () => {
  it("moves on to the next instance after a refused connection, for a POST too, and answers 502 when all refuse", async () => {
    net.faults("users-1", { down: true });
    const call = gateway();
    const res = await call("/users", { method: "POST", body: "new-user" });
    expect(res.status).toBe(200);
    expect(await seen["users-2"][0].text()).toBe("new-user");
    net.faults("users-2", { down: true });
    const failed = await call("/users/1");
    expect(failed.status).toBe(502);
    expect(await failed.json()).toEqual({ code: "UPSTREAM_UNAVAILABLE" });
    expect(net.requests("users-1")).toHaveLength(2);
    expect(net.requests("users-2")).toHaveLength(2);
  });

  it("after a timeout, moves a GET or DELETE on but answers a POST 504 UPSTREAM_TIMEOUT at once", async () => {
    net.faults("users-1", { hang: true });
    const call = gateway();
    expect(await (await call("/users/1")).json()).toEqual({ name: "users-2", path: "/1" });
    await call("/users/2"); // users-2's turn
    const res = await call("/users", { method: "POST", body: "x" });
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({ code: "UPSTREAM_TIMEOUT" });
    expect(net.requests("users-2")).toHaveLength(2);
    expect(net.requests("users-1").map((r) => r.error)).toEqual(["aborted", "aborted"]);
    // Every instance timing out: each tried once, then 504.
    net.faults("users-2", { hang: true });
    expect((await call("/users/3", { method: "DELETE" })).status).toBe(504);
    expect(net.requests("users-1")).toHaveLength(3);
    expect(net.requests("users-2")).toHaveLength(3);
  });
});
