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
 * Creates the indexes that make `findRecentOrders` and `findPendingOrders` fast. Safe to run
 * twice, like any migration. Two indexes, no more: each one is extra work on every write.
 */
export async function createIndexes(db: Db): Promise<void> {
  await db.exec(`
    -- Equality column first, then the ORDER BY columns in ORDER BY's order and direction. The
    -- B-tree then holds each customer's orders already sorted, newest first: the query reads the
    -- first \`limit\` entries and stops. Without id, orders with equal created_at would need a
    -- sort step. It also indexes the foreign key, which Postgres does not do on its own.
    CREATE INDEX IF NOT EXISTS orders_customer_recent_idx
      ON orders (customer_id, created_at DESC, id DESC);

    -- Only ~1% of orders are pending, and an order is pending only for a short while. A partial
    -- index holds just those rows: it stays tiny, and writes to orders in any other status
    -- never touch it.
    CREATE INDEX IF NOT EXISTS orders_pending_queue_idx
      ON orders (created_at, id)
      WHERE status = 'pending';
    CREATE INDEX IF NOT EXISTS orders_status_idx ON orders (status);
  `);
}

/**
 * The customer's `limit` most recent orders: newest first, ties on `created_at` broken by the
 * higher id. Unknown customer → []. Throws a RangeError for a bad `limit`.
 */
export async function findRecentOrders(db: Db, customerId: number, limit: number): Promise<OrderSummary[]> {
  assertLimit(limit);
  // LIMIT belongs in SQL: with it, the planner walks the index and stops after `limit` rows.
  // Fetching every order and slicing in JavaScript makes it read and sort all of them.
  const { rows } = await db.query<OrderSummary>(
    `SELECT id, status, total_cents AS "totalCents", created_at AS "createdAt"
       FROM orders
      WHERE customer_id = $1
      ORDER BY created_at DESC, id DESC
      LIMIT $2`,
    [customerId, limit],
  );
  return rows;
}

/**
 * The `limit` oldest pending orders, oldest first (ties: lower id first).
 * Throws a RangeError for a bad `limit`.
 */
export async function findPendingOrders(db: Db, limit: number): Promise<PendingOrder[]> {
  assertLimit(limit);
  // Compare the bare column: `lower(status) = …` hides status from every index on it. The CHECK
  // constraint already guarantees lower-case values, so lower() bought nothing anyway.
  const { rows } = await db.query<PendingOrder>(
    `SELECT id, customer_id AS "customerId", total_cents AS "totalCents", created_at AS "createdAt"
       FROM orders
      WHERE status = 'pending'
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
