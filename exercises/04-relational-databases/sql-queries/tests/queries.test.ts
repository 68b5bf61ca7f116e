import { describe, it, expect, beforeEach } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { ordersForCustomer, revenueByProduct, topCustomers, ShopError } from "../main";

let db: Db;
beforeEach(async () => {
  db = await createDb();
});

const at = (iso: string) => new Date(iso);

describe("ordersForCustomer", () => {
  it("returns every order of the customer, newest first, with totals from unit_price_cents", async () => {
    // Order 1 was bought at the old espresso price (2200), so prices come from order_items.
    expect(await ordersForCustomer(db, "ada@example.com")).toEqual([
      { id: 17, status: "paid", createdAt: at("2024-04-10T14:00:00Z"), totalCents: 1800 },
      { id: 10, status: "pending", createdAt: at("2024-03-05T16:30:00Z"), totalCents: 3500 },
      { id: 4, status: "paid", createdAt: at("2024-02-01T12:00:00Z"), totalCents: 4500 },
      { id: 1, status: "paid", createdAt: at("2024-01-05T09:15:00Z"), totalCents: 5000 },
    ]);
  });

  it("keeps an order that has no items yet, with a total of 0", async () => {
    expect(await ordersForCustomer(db, "grace@example.com")).toEqual([
      { id: 13, status: "pending", createdAt: at("2024-03-20T22:05:00Z"), totalCents: 0 },
      { id: 2, status: "paid", createdAt: at("2024-01-08T18:02:00Z"), totalCents: 15100 },
    ]);
  });

  it("includes cancelled orders — this is the customer's history, not a revenue report", async () => {
    expect(await ordersForCustomer(db, "radia@example.com")).toEqual([
      { id: 8, status: "cancelled", createdAt: at("2024-02-20T09:00:00Z"), totalCents: 29300 },
    ]);
  });

  it("breaks ties on created_at by id, higher id first", async () => {
    // The seed has no two orders of one customer at the same instant, so make three.
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO orders (customer_id, status, created_at)
       SELECT 10, 'paid', '2024-05-01 12:00:00+00' FROM generate_series(1, 3)
       RETURNING id`,
    );
    const ids = rows.map((r) => r.id).sort((a, b) => a - b);
    await db.query(
      `INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
       VALUES ($1, 4, 1, 600), ($2, 4, 2, 600), ($3, 4, 3, 600)`,
      ids,
    );
    const tied = at("2024-05-01T12:00:00Z");
    expect(await ordersForCustomer(db, "linus@example.com")).toEqual([
      { id: ids[2], status: "paid", createdAt: tied, totalCents: 1800 },
      { id: ids[1], status: "paid", createdAt: tied, totalCents: 1200 },
      { id: ids[0], status: "paid", createdAt: tied, totalCents: 600 },
    ]);
  });

  it("returns [] for a customer who has never ordered, and for an unknown email", async () => {
    expect(await ordersForCustomer(db, "linus@example.com")).toEqual([]);
    expect(await ordersForCustomer(db, "nobody@example.com")).toEqual([]);
  });

  it("finds a customer whose email contains an apostrophe (the value is a parameter, not SQL text)", async () => {
    expect(await ordersForCustomer(db, "siobhan.o'brien@example.com")).toEqual([
      { id: 7, status: "paid", createdAt: at("2024-02-14T20:14:00Z"), totalCents: 5200 },
    ]);
  });

  it("returns [] for an injection attempt like ' OR 1=1 -- instead of everyone's orders", async () => {
    expect(await ordersForCustomer(db, "' OR 1=1 --")).toEqual([]);
    expect(await ordersForCustomer(db, "x' OR 'a'='a")).toEqual([]);
  });
});

describe("revenueByProduct", () => {
  it("counts paid orders only, keeps unsold products at 0, and sorts by revenue then name", async () => {
    // Burr Grinder also sits in two cancelled orders; Milk Frother only in cancelled/pending ones;
    // Cleaning Tablets were never ordered. Kettle and Mug tie at 9000, so name decides.
    expect(await revenueByProduct(db)).toEqual([
      { productId: 1, name: "Espresso Beans 1kg", unitsSold: 10, revenueCents: 23400 },
      { productId: 5, name: "Burr Grinder", unitsSold: 1, revenueCents: 12900 },
      { productId: 2, name: "Pour-over Kettle", unitsSold: 2, revenueCents: 9000 },
      { productId: 6, name: "Travel Mug", unitsSold: 5, revenueCents: 9000 },
      { productId: 3, name: "Ceramic Dripper", unitsSold: 3, revenueCents: 6600 },
      { productId: 4, name: "Paper Filters (100)", unitsSold: 9, revenueCents: 5400 },
      { productId: 8, name: "Cleaning Tablets", unitsSold: 0, revenueCents: 0 },
      { productId: 7, name: "Milk Frother", unitsSold: 0, revenueCents: 0 },
    ]);
  });

  it("uses the price paid at the time, not today's product price", async () => {
    await db.query("UPDATE products SET price_cents = 99999");
    const espresso = (await revenueByProduct(db)).find((p) => p.name === "Espresso Beans 1kg");
    expect(espresso).toEqual({ productId: 1, name: "Espresso Beans 1kg", unitsSold: 10, revenueCents: 23400 });
  });
});

describe("topCustomers", () => {
  it("ranks by paid spend, ignoring pending and cancelled orders, and counts orders not items", async () => {
    // Radia's and Edsger's cancelled grinders would put them on top if status were ignored;
    // Ada has 3 paid orders but 4 line items.
    expect(await topCustomers(db, 2)).toEqual([
      { customerId: 2, name: "Grace Hopper", email: "grace@example.com", spentCents: 15100, paidOrders: 1 },
      { customerId: 1, name: "Ada Lovelace", email: "ada@example.com", spentCents: 11300, paidOrders: 3 },
    ]);
  });

  it("breaks ties on spend by email, so the cut-off is deterministic", async () => {
    // Barbara and Ken both spent 9000: barbara@ sorts before ken@ (even though Ken's id is lower).
    expect(await topCustomers(db, 3)).toEqual([
      { customerId: 2, name: "Grace Hopper", email: "grace@example.com", spentCents: 15100, paidOrders: 1 },
      { customerId: 1, name: "Ada Lovelace", email: "ada@example.com", spentCents: 11300, paidOrders: 3 },
      { customerId: 7, name: "Barbara Liskov", email: "barbara@example.com", spentCents: 9000, paidOrders: 2 },
    ]);
  });

  it("breaks ties by email, not by name", async () => {
    // A new customer ties Barbara and Ken at 9000. By email (ahmed@ < barbara@ < ken@) she comes
    // first; by name (Barbara < Ken < Yusra) she would come last.
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO customers (email, name) VALUES ('ahmed@example.com', 'Yusra Ahmed') RETURNING id`,
    );
    const yusra = rows[0].id;
    const order = await db.query<{ id: number }>(
      `INSERT INTO orders (customer_id, status, created_at) VALUES ($1, 'paid', '2024-04-20 10:00:00+00') RETURNING id`,
      [yusra],
    );
    await db.query(
      `INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) VALUES ($1, 2, 2, 4500)`,
      [order.rows[0].id],
    );
    expect(await topCustomers(db, 3)).toEqual([
      { customerId: 2, name: "Grace Hopper", email: "grace@example.com", spentCents: 15100, paidOrders: 1 },
      { customerId: 1, name: "Ada Lovelace", email: "ada@example.com", spentCents: 11300, paidOrders: 3 },
      { customerId: yusra, name: "Yusra Ahmed", email: "ahmed@example.com", spentCents: 9000, paidOrders: 1 },
    ]);
    expect((await topCustomers(db, 5)).map((c) => c.email)).toEqual([
      "grace@example.com",
      "ada@example.com",
      "ahmed@example.com",
      "barbara@example.com",
      "ken@example.com",
    ]);
  });

  it("returns only customers with paid orders when n is larger than that", async () => {
    const all = await topCustomers(db, 100);
    expect(all.map((c) => [c.email, c.spentCents])).toEqual([
      ["grace@example.com", 15100],
      ["ada@example.com", 11300],
      ["barbara@example.com", 9000],
      ["ken@example.com", 9000],
      ["margaret@example.com", 6700],
      ["alan@example.com", 5200],
      ["siobhan.o'brien@example.com", 5200],
      ["edsger@example.com", 4800],
    ]);
  });

  it("throws ShopError BAD_LIMIT for n = 0, negative n and non-integer n", async () => {
    for (const n of [0, -1, 1.5, Number.NaN]) {
      const outcome = await topCustomers(db, n).then(
        (value) => ({ resolved: value }),
        (err: unknown) => ({ rejected: err }),
      );
      expect(outcome, `topCustomers(db, ${n}) must throw`).toHaveProperty("rejected");
      const err = (outcome as { rejected: unknown }).rejected;
      expect(err, `topCustomers(db, ${n})`).toBeInstanceOf(ShopError);
      expect(err).toMatchObject({ code: "BAD_LIMIT" });
    }
  });
});
