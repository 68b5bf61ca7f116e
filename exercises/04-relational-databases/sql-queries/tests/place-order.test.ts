import { describe, it, expect, beforeEach } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { placeOrder, ShopError, type ShopErrorCode } from "../main";

let db: Db;
beforeEach(async () => {
  db = guardTransactions(await createDb());
});

/**
 * The same database, except that using `db` while a transaction is open fails at once with a
 * clear message. Unguarded, that mistake waits forever for the transaction it is part of.
 */
function guardTransactions(inner: Db): Db {
  let open = false;
  const misuse = () =>
    Promise.reject(
      new Error("db.query/db.exec was called inside db.transaction(...): use the callback's tx instead"),
    );
  return {
    query: (sql, params) => (open ? misuse() : inner.query(sql, params)),
    exec: (sql) => (open ? misuse() : inner.exec(sql)),
    transaction: async (fn) => {
      if (open) return misuse();
      open = true;
      try {
        return await inner.transaction(fn);
      } finally {
        open = false;
      }
    },
  };
}

/** Everything a failed order must leave untouched. */
async function snapshot(db: Db) {
  const stock = await db.query<{ id: number; stock: number }>("SELECT id, stock FROM products ORDER BY id");
  const counts = await db.query<{ orders: number; items: number }>(
    "SELECT (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM order_items)::int AS items",
  );
  return { stock: stock.rows, ...counts.rows[0] };
}

/** Asserts that the call is refused with a ShopError carrying this code (not just any error). */
async function expectRefused(call: Promise<unknown>, code: ShopErrorCode): Promise<void> {
  const outcome = await call.then(
    (value) => ({ resolved: value }),
    (err: unknown) => ({ rejected: err }),
  );
  expect(outcome, `expected a ShopError with code ${code}`).toHaveProperty("rejected");
  const err = (outcome as { rejected: unknown }).rejected;
  expect(err, `expected a ShopError with code ${code}`).toBeInstanceOf(ShopError);
  expect(err).toMatchObject({ code });
}

async function stockOf(db: Db, productId: number): Promise<number> {
  const { rows } = await db.query<{ stock: number }>("SELECT stock FROM products WHERE id = $1", [productId]);
  return rows[0].stock;
}

describe("placeOrder", () => {
  it("creates a pending order at current prices, returns its id and total, and takes the stock", async () => {
    // Espresso is 2400 today (older orders paid 2200); filters are 600.
    const placed = await placeOrder(db, {
      customerId: 10,
      items: [
        { productId: 1, quantity: 2 },
        { productId: 4, quantity: 3 },
      ],
    });
    expect(placed).toEqual({ orderId: 19, totalCents: 6600 });

    const order = await db.query("SELECT customer_id, status FROM orders WHERE id = $1", [placed.orderId]);
    expect(order.rows).toEqual([{ customer_id: 10, status: "pending" }]);
    const items = await db.query(
      "SELECT product_id, quantity, unit_price_cents FROM order_items WHERE order_id = $1 ORDER BY product_id",
      [placed.orderId],
    );
    expect(items.rows).toEqual([
      { product_id: 1, quantity: 2, unit_price_cents: 2400 },
      { product_id: 4, quantity: 3, unit_price_cents: 600 },
    ]);
    expect(await stockOf(db, 1)).toBe(38);
    expect(await stockOf(db, 4)).toBe(197);
  });

  it("may sell the very last unit in stock", async () => {
    const placed = await placeOrder(db, { customerId: 3, items: [{ productId: 5, quantity: 3 }] });
    expect(placed).toEqual({ orderId: 19, totalCents: 38700 });
    expect(await stockOf(db, 5)).toBe(0);
  });

  it("rejects an order when one item lacks stock (OUT_OF_STOCK), and leaves stock and orders exactly as they were", async () => {
    const before = await snapshot(db);
    // The espresso line is fine; the grinder line (only 3 left) is not. Nothing may stick.
    await expectRefused(
      placeOrder(db, {
        customerId: 1,
        items: [
          { productId: 1, quantity: 1 },
          { productId: 5, quantity: 4 },
        ],
      }),
      "OUT_OF_STOCK",
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it("rejects a sold-out product (OUT_OF_STOCK)", async () => {
    const before = await snapshot(db);
    await expectRefused(placeOrder(db, { customerId: 1, items: [{ productId: 7, quantity: 1 }] }), "OUT_OF_STOCK");
    expect(await snapshot(db)).toEqual(before);
  });

  it("rejects an unknown product after a valid item (UNKNOWN_PRODUCT), and rolls the valid item back", async () => {
    const before = await snapshot(db);
    await expectRefused(
      placeOrder(db, {
        customerId: 2,
        items: [
          { productId: 6, quantity: 2 },
          { productId: 999, quantity: 1 },
        ],
      }),
      "UNKNOWN_PRODUCT",
    );
    // An id that is not a positive integer cannot name a product either.
    await expectRefused(placeOrder(db, { customerId: 2, items: [{ productId: 2.5, quantity: 1 }] }), "UNKNOWN_PRODUCT");
    expect(await snapshot(db)).toEqual(before);
  });

  it("rejects an unknown customer (UNKNOWN_CUSTOMER) without creating anything", async () => {
    const before = await snapshot(db);
    await expectRefused(placeOrder(db, { customerId: 999, items: [{ productId: 1, quantity: 1 }] }), "UNKNOWN_CUSTOMER");
    await expectRefused(placeOrder(db, { customerId: 1.5, items: [{ productId: 1, quantity: 1 }] }), "UNKNOWN_CUSTOMER");
    expect(await snapshot(db)).toEqual(before);
  });

  it("rejects an empty order, zero, negative or fractional quantities, and a product listed twice", async () => {
    const before = await snapshot(db);
    await expectRefused(placeOrder(db, { customerId: 1, items: [] }), "EMPTY_ORDER");
    for (const quantity of [0, -5, 1.5, Number.NaN]) {
      await expectRefused(placeOrder(db, { customerId: 1, items: [{ productId: 1, quantity }] }), "BAD_QUANTITY");
    }
    await expectRefused(
      placeOrder(db, {
        customerId: 1,
        items: [
          { productId: 1, quantity: 1 },
          { productId: 1, quantity: 1 },
        ],
      }),
      "DUPLICATE_PRODUCT",
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it("rolls back everything when the database itself fails halfway through the order", async () => {
    // A trigger makes inserting the dripper line fail, as a crash or a new constraint might.
    // Checking stock up front is not enough: only a transaction undoes the espresso line.
    // The database's own error is passed on unchanged: it is not one of the ShopError refusals.
    await db.exec(`
      CREATE FUNCTION fail_on_dripper() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.product_id = 3 THEN RAISE EXCEPTION 'simulated failure while saving an item'; END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER fail_on_dripper BEFORE INSERT ON order_items
        FOR EACH ROW EXECUTE FUNCTION fail_on_dripper();
    `);
    const before = await snapshot(db);
    await expect(
      placeOrder(db, {
        customerId: 4,
        items: [
          { productId: 1, quantity: 1 },
          { productId: 3, quantity: 1 },
        ],
      }),
    ).rejects.toThrow(/simulated failure while saving an item/);
    expect(await snapshot(db)).toEqual(before);
  });

  it("still accepts orders after a failed one (the failed transaction was closed)", async () => {
    await expectRefused(placeOrder(db, { customerId: 1, items: [{ productId: 7, quantity: 1 }] }), "OUT_OF_STOCK");
    const placed = await placeOrder(db, { customerId: 1, items: [{ productId: 8, quantity: 2 }] });
    expect(placed.totalCents).toBe(1800);
    expect(await stockOf(db, 8)).toBe(58);
  });
});
