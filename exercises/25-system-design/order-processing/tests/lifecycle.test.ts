import { beforeEach, describe, expect, it } from "vitest";
import { count, entriesOf, expectBalanced, stockOf, world, type World } from "./helpers";
import { balance } from "../ledger";

let w: World;
beforeEach(async () => {
  w = await world();
});

const tea = { productId: 2, quantity: 2, card: "tok_visa" };

describe("order states", () => {
  it("ships a paid order once; every other move from shipped or cancelled is 409", async () => {
    await w.order("k-1", tea);
    const shipped = await w.send("POST", "/orders/1/ship");
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ id: 1, status: "shipped" });
    for (const path of ["/orders/1/ship", "/orders/1/refund"]) {
      const res = await w.send("POST", path);
      expect(res.status, path).toBe(409);
      expect(res.body, path).toMatchObject({ error: { code: "invalid_transition" } });
    }
    await w.order("k-2", { ...tea, card: "tok_declined" });
    for (const path of ["/orders/2/ship", "/orders/2/refund"]) {
      expect((await w.send("POST", path)).status, path).toBe(409);
    }
    expect(w.provider.refunds).toHaveLength(0);
    expect((await w.send("GET", "/orders/1")).body.status).toBe("shipped");
    for (const path of ["/orders/99/ship", "/orders/99/refund", "/orders/abc/ship"]) {
      const res = await w.send("POST", path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toMatchObject({ error: { code: "order_not_found" } });
    }
    expect((await w.send("GET", "/orders/99")).status).toBe(404);
    await expectBalanced(w.db);
  });

  it("refunds a paid order with reversing entries, keeping the payment's, and gives the stock back", async () => {
    await w.order("k-1", tea);
    const res = await w.send("POST", "/orders/1/refund");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 1, status: "refunded", chargeId: "ch_1" });
    expect(w.provider.refunds).toEqual([{ id: "re_1", key: expect.any(String), chargeId: "ch_1", amountCents: 4798 }]);
    expect(await entriesOf(w.db, 1)).toEqual([
      { memo: "payment", account: "provider_balance", amountCents: 4798 },
      { memo: "payment", account: "sales", amountCents: -4798 },
      { memo: "refund", account: "provider_balance", amountCents: -4798 },
      { memo: "refund", account: "sales", amountCents: 4798 },
    ]);
    expect(await balance(w.db, "sales")).toBe(0);
    expect(await balance(w.db, "provider_balance")).toBe(0);
    expect(await stockOf(w.db, 2)).toBe(5);
    const twice = await w.send("POST", "/orders/1/refund");
    expect(twice.status).toBe(409);
    expect(w.provider.refunds).toHaveLength(1);
    expect(await count(w.db, "postings")).toBe(2);
    await expectBalanced(w.db);
  });

  it("keeps the order paid while the provider is down, and refunds once when it is back", async () => {
    await w.order("k-1", tea);
    w.net.faults("payments", { down: true });
    const down = await w.send("POST", "/orders/1/refund");
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ error: { code: "refund_unavailable" } });
    expect((await w.send("GET", "/orders/1")).body.status).toBe("paid");
    expect(await count(w.db, "postings")).toBe(1);
    w.net.faults("payments", {});
    expect((await w.send("POST", "/orders/1/refund")).status).toBe(200);
    expect(w.provider.refunds).toHaveLength(1);
    await expectBalanced(w.db);
  });
});
