import { describe, expect, it } from "vitest";
import { order, shop } from "./setup";

describe("an order through the broker", () => {
  it("is placed, reserved, paid, confirmed and mailed", () => {
    const s = shop();
    s.orders.place(order());
    expect(s.orders.status("o1")).toBe("placed");
    expect(s.types()).toEqual(["order.placed"]);
    s.broker.drain();
    expect(s.orders.status("o1")).toBe("confirmed");
    expect(s.inventory.stock("mug")).toBe(3);
    expect(s.payments.balance("ann")).toBe(7600);
    expect(s.types()).toEqual(["order.placed", "inventory.reserved", "payment.succeeded", "order.confirmed"]);
    expect(s.taken("payment.succeeded").data).toEqual({ amountCents: 2400 });
    expect(s.taken("order.placed").data).toEqual({ customer: "ann", email: "ann@example.com", items: [{ sku: "mug", qty: 2 }], totalCents: 2400 });
    expect(s.emails).toEqual([{ to: "ann@example.com", subject: "Order o1 confirmed" }]);
  });

  it("is cancelled when the stock is short: the payment is refunded and the customer told", () => {
    const s = shop();
    s.orders.place(order({ items: [{ sku: "lamp", qty: 2 }], totalCents: 9000 }));
    s.broker.drain();
    expect(s.orders.status("o1")).toBe("cancelled");
    expect(s.taken("inventory.failed").data).toEqual({ reason: "OUT_OF_STOCK" });
    expect(s.taken("order.cancelled").data).toEqual({ email: "ann@example.com", reason: "OUT_OF_STOCK" });
    expect(s.taken("payment.refunded").data).toEqual({ amountCents: 9000 });
    expect(s.payments.balance("ann")).toBe(10_000);
    expect(s.inventory.stock("lamp")).toBe(1);
    expect(s.types()).not.toContain("inventory.released");
    expect(s.emails).toEqual([{ to: "ann@example.com", subject: "Order o1 cancelled" }]);
  });

  it("is cancelled when the money is short: the stock goes back", () => {
    const s = shop();
    s.orders.place(order({ customer: "bob", email: "bob@example.com" }));
    s.broker.drain();
    expect(s.orders.status("o1")).toBe("cancelled");
    expect(s.taken("order.cancelled").data).toEqual({ email: "bob@example.com", reason: "INSUFFICIENT_FUNDS" });
    expect(s.types()).toContain("inventory.released");
    expect(s.types()).not.toContain("payment.refunded");
    expect(s.inventory.stock("mug")).toBe(5);
    expect(s.payments.balance("bob")).toBe(500);
  });

  it("reserves all lines or none, counting a SKU listed twice", () => {
    const s = shop();
    s.orders.place(order({ items: [{ sku: "mug", qty: 1 }, { sku: "lamp", qty: 1 }, { sku: "lamp", qty: 1 }] }));
    s.broker.drain();
    expect(s.orders.status("o1")).toBe("cancelled");
    expect(s.inventory.stock("mug")).toBe(5);
    expect(s.inventory.stock("lamp")).toBe(1);
  });

  it("keeps orders apart and ignores a second place() with the same id", () => {
    const s = shop();
    s.orders.place(order());
    s.orders.place(order());
    s.orders.place(order({ orderId: "o2", customer: "bob", email: "bob@example.com", totalCents: 100_000 }));
    s.broker.drain();
    expect(s.orders.status("o1")).toBe("confirmed");
    expect(s.orders.status("o2")).toBe("cancelled");
    expect(s.orders.status("o3")).toBeUndefined();
    expect(s.types("o1").filter((t) => t === "order.placed")).toHaveLength(1);
    expect(s.inventory.stock("mug")).toBe(3);
  });
});
