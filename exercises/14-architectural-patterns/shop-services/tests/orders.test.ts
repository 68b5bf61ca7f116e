import { beforeEach, describe, expect, it } from "vitest";
import { createNetwork, type Network } from "@roadlab/net";
import { createCatalog } from "../catalog";
import { createOrders } from "../orders";
import { createPayments } from "../payments";

let net: Network;
let payments: ReturnType<typeof createPayments>;
let catalogCorrelation: (string | null)[];

beforeEach(() => {
  net = createNetwork();
  payments = createPayments();
  catalogCorrelation = [];
  const catalog = createCatalog([
    { sku: "mug", name: "Mug", priceCents: 1200, stock: 5 },
    { sku: "lamp", name: "Lamp", priceCents: 4500, stock: 1 },
  ]);
  net.serve("catalog", (req) => {
    catalogCorrelation.push(req.headers.get("x-correlation-id"));
    return catalog.fetch(req);
  });
  net.serve("payments", payments.app.fetch);
  net.serve("orders", createOrders({ fetch: net.fetch, timeoutMs: 50 }).fetch);
});

function order(body: unknown, headers: Record<string, string> = {}) {
  return net.fetch("http://orders/orders", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

async function stock(sku: string): Promise<number> {
  return ((await (await net.fetch(`http://catalog/products/${sku}`)).json()) as { stock: number }).stock;
}

describe("the order saga", () => {
  it("confirms an order: stock reserved, the catalog's price charged, the order readable", async () => {
    const res = await order({ sku: "mug", qty: 2, card: "tok_ok", priceCents: 1 });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string };
    expect(created).toMatchObject({ sku: "mug", qty: 2, totalCents: 2400, status: "confirmed" });
    expect(payments.charges).toEqual([{ chargeId: "ch_1", orderId: created.id, amountCents: 2400 }]);
    expect(await stock("mug")).toBe(3);
    const read = await net.fetch(`http://orders/orders/${created.id}`);
    expect(await read.json()).toEqual(created);
  });

  it("gives every order its own id, and 404 UNKNOWN_ORDER for one it never made", async () => {
    const a = (await (await order({ sku: "mug", qty: 1, card: "tok_ok" })).json()) as { id: string };
    const b = (await (await order({ sku: "mug", qty: 1, card: "tok_ok" })).json()) as { id: string };
    expect(a.id).not.toBe(b.id);
    const res = await net.fetch("http://orders/orders/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "UNKNOWN_ORDER" });
  });

  it("refuses a malformed order with 400 INVALID_ORDER before calling anyone", async () => {
    for (const body of [{ sku: "mug", qty: 0, card: "tok_ok" }, { sku: "mug", qty: 1.5, card: "tok_ok" }, { qty: 1, card: "tok_ok" }, { sku: "mug", qty: 1 }]) {
      const res = await order(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: "INVALID_ORDER" });
    }
    expect(net.requests("catalog")).toHaveLength(0);
  });

  it("passes on the catalog's refusals and never charges for them", async () => {
    const gone = await order({ sku: "teapot", qty: 1, card: "tok_ok" });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ code: "UNKNOWN_PRODUCT" });
    const short = await order({ sku: "lamp", qty: 2, card: "tok_ok" });
    expect(short.status).toBe(409);
    expect(await short.json()).toMatchObject({ code: "OUT_OF_STOCK" });
    expect(net.requests("payments")).toHaveLength(0);
  });

  it("answers 503 CATALOG_UNAVAILABLE when the catalog is down, without charging", async () => {
    net.faults("catalog", { down: true });
    const res = await order({ sku: "mug", qty: 1, card: "tok_ok" });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: "CATALOG_UNAVAILABLE" });
    expect(net.requests("payments")).toHaveLength(0);
  });

  it("compensates a declined card: the stock goes back and the order is cancelled", async () => {
    const res = await order({ sku: "mug", qty: 2, card: "tok_stolen" });
    expect(res.status).toBe(402);
    const body = (await res.json()) as { code: string; orderId: string };
    expect(body.code).toBe("CARD_DECLINED");
    expect(await stock("mug")).toBe(5);
    expect(net.requests("payments")).toHaveLength(1);
    const read = await net.fetch(`http://orders/orders/${body.orderId}`);
    expect(await read.json()).toMatchObject({ id: body.orderId, status: "cancelled", reason: "CARD_DECLINED", totalCents: 2400 });
  });

  it("compensates when payments is down: 503 PAYMENT_UNAVAILABLE after one retry, stock back", async () => {
    net.faults("payments", { down: true });
    const res = await order({ sku: "lamp", qty: 1, card: "tok_ok" });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { code: string; orderId: string };
    expect(body.code).toBe("PAYMENT_UNAVAILABLE");
    expect(net.requests("payments")).toHaveLength(2);
    expect(await stock("lamp")).toBe(1);
    expect(await (await net.fetch(`http://orders/orders/${body.orderId}`)).json()).toMatchObject({ status: "cancelled", reason: "PAYMENT_UNAVAILABLE" });
    net.faults("payments", {});
    expect((await order({ sku: "lamp", qty: 1, card: "tok_ok" })).status).toBe(201);
  });

  it("gives up on a payments service slower than the timeout and releases the stock", async () => {
    net.faults("payments", { latencyMs: 2000 });
    const res = await order({ sku: "mug", qty: 1, card: "tok_ok" });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: "PAYMENT_UNAVAILABLE" });
    expect(net.requests("payments").map((r) => r.error)).toEqual(["aborted", "aborted"]);
    expect(await stock("mug")).toBe(5);
  });

  it("survives one lost payment answer by retrying with the same idempotency key: charged once", async () => {
    let calls = 0;
    net.serve("payments", async (req) => {
      const res = await payments.app.fetch(req);
      return ++calls === 1 ? new Response("gateway timeout", { status: 504 }) : res;
    });
    const res = await order({ sku: "mug", qty: 1, card: "tok_ok" });
    expect(res.status).toBe(201);
    expect(calls).toBe(2);
    expect(payments.charges).toHaveLength(1);
  });
});

describe("correlation ids", () => {
  it("forwards the caller's x-correlation-id to every call and echoes it back", async () => {
    const res = await order({ sku: "mug", qty: 1, card: "tok_stolen" }, { "x-correlation-id": "req-42" });
    expect(res.headers.get("x-correlation-id")).toBe("req-42");
    expect(catalogCorrelation).toEqual(["req-42", "req-42", "req-42"]);
    expect(payments.correlationIds).toEqual(["req-42"]);
  });

  it("makes one up when the caller sent none, and uses that same one everywhere", async () => {
    const res = await order({ sku: "mug", qty: 1, card: "tok_ok" });
    const id = res.headers.get("x-correlation-id");
    expect(id).toBeTruthy();
    expect(catalogCorrelation).toEqual([id, id]);
    expect(payments.correlationIds).toEqual([id]);
    const other = await order({ sku: "mug", qty: 1, card: "tok_ok" });
    expect(other.headers.get("x-correlation-id")).not.toBe(id);
  });

  it("echoes it on errors and reads, too", async () => {
    const res = await net.fetch("http://orders/orders/nope", { headers: { "x-correlation-id": "req-7" } });
    expect(res.headers.get("x-correlation-id")).toBe("req-7");
  });
});
