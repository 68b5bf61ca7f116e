import type { Db } from "@roadlab/db";

export type OrderStatus = "pending" | "paid" | "shipped" | "delivered" | "cancelled";

/** One row of a customer's order history. */
export interface OrderSummary {
  id: number;
  status: OrderStatus;
  totalCents: number;
  createdAt: Date;
}

/** One order waiting in the fulfilment queue. */
export interface PendingOrder {
  id: number;
  customerId: number;
  totalCents: number;
  createdAt: Date;
}

/** The largest page either query may be asked for. */
export const MAX_LIMIT = 50;

/**
 * Creates the indexes that make `findRecentOrders` and `findPendingOrders` fast. It runs like a
 * migration: once before the queries, and it must also succeed when run a second time.
 * Add at most TWO indexes to `orders`: every index makes every INSERT (and many UPDATEs) slower.
 */
export async function createIndexes(db: Db): Promise<void> {
  // TODO: one CREATE INDEX IF NOT EXISTS … for each query below. Think about which columns the
  // query filters on with `=`, which it sorts by (and in which direction), and in what order the
  // index should list them. Try your ideas with EXPLAIN in the SQL console first.
  throw new Error("TODO: implement createIndexes");
}

/**
 * The customer's `limit` most recent orders: newest first, and among orders with the same
 * `created_at` the higher id first. Unknown customer → [].
 * Throws a RangeError unless `limit` is an integer from 1 to MAX_LIMIT.
 */
export async function findRecentOrders(db: Db, customerId: number, limit: number): Promise<OrderSummary[]> {
  assertLimit(limit);
  // TODO: the results are right, but run EXPLAIN on this query. How many rows does the database
  // fetch and sort when the page only shows `limit` of them? Rewrite it so an index can help.
  const { rows } = await db.query<OrderSummary>(
    `SELECT id, status, total_cents AS "totalCents", created_at AS "createdAt"
       FROM orders
      WHERE customer_id = $1
      ORDER BY created_at DESC, id DESC`,
    [customerId],
  );
  return rows.slice(0, limit);
}

/**
 * The `limit` oldest pending orders (oldest first; the same `created_at` → lower id first):
 * the queue a fulfilment worker takes its next jobs from.
 * Throws a RangeError unless `limit` is an integer from 1 to MAX_LIMIT.
 */
export async function findPendingOrders(db: Db, limit: number): Promise<PendingOrder[]> {
  assertLimit(limit);
  // TODO: the results are right, but look at the WHERE clause through the eyes of an index.
  // (The CHECK constraint on orders.status only allows lower-case values.)
  const { rows } = await db.query<PendingOrder>(
    `SELECT id, customer_id AS "customerId", total_cents AS "totalCents", created_at AS "createdAt"
       FROM orders
      WHERE lower(status) = 'pending'
      ORDER BY created_at, id
      LIMIT $1`,
    [limit],
  );
  return rows;
}

function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_LIMIT}, got ${limit}`);
  }
}
