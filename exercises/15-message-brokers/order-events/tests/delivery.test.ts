import { describe, expect, it } from "vitest";
import { order, shop } from "./setup";

describe("at-least-once delivery", () => {
  it("handles order.placed delivered twice: one reservation, one charge", () => {
    const s = shop();
    s.orders.place(order());
    const [placed] = s.broker.take();
    s.broker.deliver(placed);
    s.broker.deliver(placed);
    s.broker.drain();
    expect(s.inventory.stock("mug")).toBe(3);
    expect(s.payments.balance("ann")).toBe(7600);
    expect(s.types().filter((t) => t === "payment.succeeded")).toHaveLength(1);
  });

  it("confirms once, and mails once, when payment.succeeded comes twice", () => {
    const s = shop();
    s.orders.place(order());
    s.broker.deliver(s.broker.take()[0]);
    const [reserved, paid] = s.broker.take();
    s.broker.deliver(reserved);
    s.broker.deliver(paid);
    s.broker.deliver(paid);
    s.broker.drain();
    expect(s.types().filter((t) => t === "order.confirmed")).toHaveLength(1);
    expect(s.emails).toHaveLength(1);
  });

  it("sends one email for an order.confirmed delivered three times", () => {
    const s = shop();
    s.orders.place(order());
    s.broker.drain();
    const confirmed = s.taken("order.confirmed");
    s.broker.deliver(confirmed);
    s.broker.deliver(confirmed);
    expect(s.emails).toEqual([{ to: "ann@example.com", subject: "Order o1 confirmed" }]);
  });

  it("refunds and releases once when order.cancelled is redelivered", () => {
    const s = shop();
    s.orders.place(order({ items: [{ sku: "mug", qty: 1 }, { sku: "lamp", qty: 5 }] }));
    s.broker.drain();
    const cancelled = s.taken("order.cancelled");
    s.broker.deliver(cancelled);
    s.broker.drain();
    expect(s.payments.balance("ann")).toBe(10_000);
    expect(s.types().filter((t) => t === "payment.refunded")).toHaveLength(1);
    expect(s.emails).toHaveLength(1);
  });
});

describe("out-of-order delivery", () => {
  it("confirms whichever of paid and reserved arrives first", () => {
    const s = shop();
    s.orders.place(order());
    s.broker.deliver(s.broker.take()[0]);
    const [reserved, paid] = s.broker.take();
    s.broker.deliver(paid);
    expect(s.orders.status("o1")).toBe("placed");
    s.broker.deliver(reserved);
    expect(s.orders.status("o1")).toBe("confirmed");
  });

  it("does not reserve or charge for an order whose cancellation overtook it", () => {
    const s = shop();
    s.orders.place(order());
    const [placed] = s.broker.take();
    s.broker.deliver({ id: "evt-x", type: "order.cancelled", orderId: "o1", data: { email: "ann@example.com", reason: "CUSTOMER_CANCELLED" } });
    s.broker.deliver(placed);
    s.broker.drain();
    expect(s.inventory.stock("mug")).toBe(5);
    expect(s.payments.balance("ann")).toBe(10_000);
    expect(s.types()).not.toContain("inventory.reserved");
    expect(s.types()).not.toContain("payment.succeeded");
  });

  it("ignores a success that arrives after the order was cancelled", () => {
    const s = shop();
    s.orders.place(order({ customer: "bob", email: "bob@example.com", totalCents: 400 }));
    s.broker.deliver(s.broker.take()[0]);
    const [reserved, paid] = s.broker.take();
    s.broker.deliver({ id: "evt-y", type: "inventory.failed", orderId: "o1", data: { reason: "OUT_OF_STOCK" } });
    s.broker.deliver(reserved);
    s.broker.deliver(paid);
    expect(s.orders.status("o1")).toBe("cancelled");
    expect(s.types()).not.toContain("order.confirmed");
  });

  it("ignores events about orders it never placed", () => {
    const s = shop();
    s.broker.deliver({ id: "evt-z", type: "payment.succeeded", orderId: "ghost", data: { amountCents: 1 } });
    s.broker.deliver({ id: "evt-w", type: "inventory.reserved", orderId: "ghost", data: {} });
    expect(s.orders.status("ghost")).toBeUndefined();
    expect(s.broker.published).toEqual([]);
  });
});

describe("the audit trail", () => {
  it("records every event once, in the order first delivered, filterable by order", () => {
    const s = shop();
    s.orders.place(order());
    s.orders.place(order({ orderId: "o2", items: [{ sku: "lamp", qty: 1 }], totalCents: 4500 }));
    s.broker.drain();
    for (const event of [...s.broker.published]) s.broker.deliver(event);
    const all = s.audit.entries();
    expect(all.map((e) => e.eventId)).toEqual(s.broker.published.map((e) => e.id));
    expect(s.audit.entries("o2")).toEqual(
      s.broker.published.filter((e) => e.orderId === "o2").map((e) => ({ eventId: e.id, type: e.type, orderId: "o2" })),
    );
  });
});
