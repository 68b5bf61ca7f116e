import { beforeEach, describe, expect, it } from "vitest";
import { createNetwork, type Network } from "@roadlab/net";
import { createSidecar } from "../sidecar";

const ID = (sa: string) => `spiffe://cluster.local/ns/shop/sa/${sa}`;

let net: Network;
let seen: Request[];
beforeEach(() => {
  net = createNetwork();
  seen = [];
});

/** payments behind its sidecar, letting only orders in; orders' sidecar for outbound calls. */
function mesh(app: (req: Request) => Response | Promise<Response> = () => Response.json({ ok: true })) {
  const payments = createSidecar({
    name: "payments",
    allow: ["orders"],
    fetch: net.fetch,
    app: (req) => {
      seen.push(req);
      return app(req);
    },
  });
  net.serve("payments", payments.inbound);
  return createSidecar({ name: "orders", allow: [], fetch: net.fetch, app: () => new Response(null, { status: 404 }), perTryTimeoutMs: 40 });
}

const inboundWith = (identity?: string) => {
  mesh();
  return net.fetch("http://payments/balance", identity ? { headers: { "x-mesh-identity": identity } } : {});
};

describe("inbound: who may call", () => {
  it("lets an allowed caller through, with its identity, and marks the answer", async () => {
    const orders = mesh();
    const res = await orders.outbound("http://payments/balance");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get("x-served-by")).toBe("payments");
    expect(seen[0].headers.get("x-mesh-identity")).toBe(ID("orders"));
  });

  it("answers 403 RBAC_DENIED to a caller not on the list, without reaching the app", async () => {
    const res = await inboundWith(ID("catalog"));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: "RBAC_DENIED" });
    expect(seen).toHaveLength(0);
  });

  it("denies a request without an identity, or with one from another trust domain or namespace", async () => {
    for (const identity of [undefined, "orders", "spiffe://evil.example/ns/shop/sa/orders", "spiffe://cluster.local/ns/dev/sa/orders", `${ID("orders")}/extra`]) {
      const res = await inboundWith(identity);
      expect(res.status).toBe(403);
    }
    expect(seen).toHaveLength(0);
  });

  it("lets the allowed caller in when it sends the identity itself", async () => {
    expect((await inboundWith(ID("orders"))).status).toBe(200);
  });
});

describe("outbound: what the mesh does for the caller", () => {
  it("sets its own identity even when the app sent another", async () => {
    const orders = mesh();
    await orders.outbound("http://payments/balance", { headers: { "x-mesh-identity": ID("admin"), "x-trace": "t1" } });
    expect(seen[0].headers.get("x-mesh-identity")).toBe(ID("orders"));
    expect(seen[0].headers.get("x-trace")).toBe("t1");
  });

  it("retries an idempotent request on 503, twice at most", async () => {
    let calls = 0;
    const orders = mesh(() => new Response("busy", { status: ++calls < 3 ? 503 : 200 }));
    expect((await orders.outbound("http://payments/balance")).status).toBe(200);
    expect(net.requests("payments").map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("passes on the last 503 when every try got one", async () => {
    const orders = mesh(() => new Response("busy", { status: 503 }));
    expect((await orders.outbound("http://payments/balance", { method: "DELETE" })).status).toBe(503);
    expect(net.requests("payments")).toHaveLength(3);
  });

  it("does not retry a 500, a 4xx, or a POST", async () => {
    const status = { value: 500 };
    const orders = mesh(() => new Response("x", { status: status.value }));
    expect((await orders.outbound("http://payments/a")).status).toBe(500);
    status.value = 409;
    expect((await orders.outbound("http://payments/b", { method: "PUT" })).status).toBe(409);
    status.value = 503;
    expect((await orders.outbound("http://payments/c", { method: "POST", body: "{}" })).status).toBe(503);
    expect(net.requests("payments").map((r) => r.url)).toEqual(["http://payments/a", "http://payments/b", "http://payments/c"]);
  });

  it("turns a refused connection into 503 UPSTREAM_UNAVAILABLE after the retries", async () => {
    const orders = mesh();
    net.faults("payments", { down: true });
    const res = await orders.outbound("http://payments/balance");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ code: "UPSTREAM_UNAVAILABLE" });
    expect(net.requests("payments")).toHaveLength(3);
  });

  it("times out each try and answers 504 UPSTREAM_TIMEOUT", async () => {
    const orders = mesh();
    net.faults("payments", { hang: true });
    const res = await orders.outbound("http://payments/balance");
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({ code: "UPSTREAM_TIMEOUT" });
    expect(net.requests("payments").map((r) => r.error)).toEqual(["aborted", "aborted", "aborted"]);
  });

  it("tries a refused POST once", async () => {
    const orders = mesh();
    net.faults("payments", { down: true });
    expect((await orders.outbound("http://payments/charge", { method: "post", body: "{}" })).status).toBe(503);
    expect(net.requests("payments")).toHaveLength(1);
  });
});
