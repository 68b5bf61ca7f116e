import { describe, it, expect, beforeEach } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { ordersForCustomer, revenueByProduct, topCustomers } from "../main";

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

  it("throws for n = 0, negative n and non-integer n", async () => {
    await expect(topCustomers(db, 0)).rejects.toThrow();
    await expect(topCustomers(db, -1)).rejects.toThrow();
    await expect(topCustomers(db, 1.5)).rejects.toThrow();
    await expect(topCustomers(db, Number.NaN)).rejects.toThrow();
  });
});
