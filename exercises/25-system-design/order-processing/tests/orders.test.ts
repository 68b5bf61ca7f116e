import { beforeEach, describe, expect, it } from "vitest";
import { count, entriesOf, expectBalanced, stockOf, world, type World } from "./helpers";

let w: World;
beforeEach(async () => {
  w = await world();
});

const mugs = { productId: 1, quantity: 2, card: "tok_visa" };

describe("placing an order", () => {
  it("reserves stock, charges the price from the database once, and posts a balanced payment", async () => {
    const res = await w.order("k-1", mugs);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 1, clientId: "shop-web", productId: 1, quantity: 2, amountCents: 2500, status: "paid", chargeId: "ch_1" });
    expect(await stockOf(w.db, 1)).toBe(8);
    expect(w.provider.charges).toEqual([{ id: "ch_1", key: expect.any(String), amountCents: 2500 }]);
    expect(await entriesOf(w.db, 1)).toEqual([
      { memo: "payment", account: "provider_balance", amountCents: 2500 },
      { memo: "payment", account: "sales", amountCents: -2500 },
    ]);
    expect((await w.send("GET", "/orders/1")).body).toEqual(res.body);
    await expectBalanced(w.db);
  });

  it("answers 400 without the headers and 422 for a bad body or unknown product, and does not store those answers", async () => {
    expect((await w.order(undefined, mugs)).body).toMatchObject({ error: { code: "idempotency_key_required" } });
    expect((await w.order(undefined, mugs)).status).toBe(400);
    const anonymous = await w.order("k-1", mugs, "");
    expect(anonymous.status).toBe(400);
    expect(anonymous.body).toMatchObject({ error: { code: "client_id_required" } });
    for (const body of [{ productId: 1, quantity: 0, card: "tok_visa" }, { productId: 1, quantity: 1.5, card: "tok_visa" }, { productId: 1 }, "{not json"]) {
      const res = await w.order("k-bad", body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body).toMatchObject({ error: { code: "validation" } });
    }
    const ghost = await w.order("k-bad", { productId: 99, quantity: 1, card: "tok_visa" });
    expect(ghost.status).toBe(422);
    expect(ghost.body).toMatchObject({ error: { code: "unknown_product" } });
    expect(await count(w.db, "orders")).toBe(0);
    expect(w.provider.charges).toHaveLength(0);
    // The key was never taken by a rejected request: a good body with it now runs.
    expect((await w.order("k-bad", mugs)).status).toBe(201);
  });
});

describe("idempotency keys", () => {
  it("replays the stored response for the same key and body, without a second order or charge", async () => {
    const first = await w.order("k-1", mugs);
    const again = await w.order("k-1", { card: "tok_visa", quantity: 2, productId: 1 });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await count(w.db, "orders")).toBe(1);
    expect(w.provider.charges).toHaveLength(1);
    expect(await stockOf(w.db, 1)).toBe(8);
    await expectBalanced(w.db);
  });

  it("refuses the same key with a different body: 422, nothing new", async () => {
    await w.order("k-1", mugs);
    const res = await w.order("k-1", { ...mugs, quantity: 3 });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: "idempotency_key_reused" } });
    expect(await count(w.db, "orders")).toBe(1);
    expect(await stockOf(w.db, 1)).toBe(8);
  });

  it("answers 409 to a duplicate sent while the first is still running, then replays once it is done", async () => {
    w.net.faults("payments", { latencyMs: 40 });
    const [a, b] = await Promise.all([w.order("k-1", mugs), w.order("k-1", mugs)]);
    expect([a.status, b.status]).toEqual([201, 409]);
    expect(b.body).toMatchObject({ error: { code: "request_in_progress" } });
    const later = await w.order("k-1", mugs);
    expect(later.status).toBe(201);
    expect(later.body).toEqual(a.body);
    expect(w.provider.charges).toHaveLength(1);
    await expectBalanced(w.db);
  });

  it("scopes keys to the client: the same key from another client is another order", async () => {
    expect((await w.order("k-1", mugs, "shop-web")).status).toBe(201);
    const other = await w.order("k-1", mugs, "shop-ios");
    expect(other.status).toBe(201);
    expect(other.body).toMatchObject({ id: 2, clientId: "shop-ios" });
    expect(w.provider.charges).toHaveLength(2);
    expect(await stockOf(w.db, 1)).toBe(6);
    await expectBalanced(w.db);
  });
});

describe("the payment step", () => {
  it("retries a charge whose answer was lost with the same provider key: one charge", async () => {
    w.provider.loseResponses(1);
    const res = await w.order("k-1", mugs);
    expect(res.status).toBe(201);
    expect(w.net.requests("payments").map((r) => r.error ?? r.status)).toEqual(["aborted", 201]);
    expect(w.provider.keys).toHaveLength(2);
    expect(w.provider.keys[1]).toBe(w.provider.keys[0]);
    expect(w.provider.charges).toHaveLength(1);
    expect(await entriesOf(w.db, 1)).toHaveLength(2);
    await expectBalanced(w.db);
  });

  it("gives each order its own provider key", async () => {
    await w.order("k-1", mugs);
    await w.order("k-2", mugs);
    expect(new Set(w.provider.keys).size).toBe(2);
    expect(w.provider.charges).toHaveLength(2);
  });

  it("on a declined card: 402, stock given back, order cancelled, no ledger posting, no retry; the answer replays", async () => {
    const res = await w.order("k-1", { ...mugs, card: "tok_declined" });
    expect(res.status).toBe(402);
    expect(res.body).toMatchObject({ error: { code: "payment_declined" }, orderId: 1 });
    expect(await stockOf(w.db, 1)).toBe(10);
    expect((await w.send("GET", "/orders/1")).body).toMatchObject({ status: "cancelled", chargeId: null });
    expect(w.net.requests("payments")).toHaveLength(1);
    expect(await count(w.db, "postings")).toBe(0);
    const again = await w.order("k-1", { ...mugs, card: "tok_declined" });
    expect(again.status).toBe(402);
    expect(w.net.requests("payments")).toHaveLength(1);
  });

  it("when the provider never answers: three attempts, then 503 and the same compensation", async () => {
    w.net.faults("payments", { hang: true });
    const res = await w.order("k-1", mugs);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: { code: "payment_unavailable" }, orderId: 1 });
    expect(w.net.requests("payments").map((r) => r.error)).toEqual(["aborted", "aborted", "aborted"]);
    expect(await stockOf(w.db, 1)).toBe(10);
    expect((await w.send("GET", "/orders/1")).body).toMatchObject({ status: "cancelled" });
    expect(await count(w.db, "postings")).toBe(0);
  });
});

describe("stock under concurrency", () => {
  it("sells the last lamp once when two orders race for it", async () => {
    w = await world({ together: 2 });
    const lamp = { productId: 3, quantity: 1, card: "tok_visa" };
    const replies = await Promise.all([w.order("k-a", lamp, "alice"), w.order("k-b", lamp, "bob")]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(replies.find((r) => r.status === 409)!.body).toMatchObject({ error: { code: "out_of_stock" } });
    expect(await stockOf(w.db, 3)).toBe(0);
    expect(w.provider.charges).toHaveLength(1);
    expect(await count(w.db, "orders")).toBe(1);
    await expectBalanced(w.db);
  });
});
