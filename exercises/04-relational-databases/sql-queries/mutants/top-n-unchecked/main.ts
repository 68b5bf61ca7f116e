import type { Db } from "@roadlab/db";

/** One of a customer's orders, with its total worked out from its line items. */
export interface CustomerOrder {
  id: number;
  status: "pending" | "paid" | "cancelled";
  createdAt: Date;
  /** Sum of quantity * unit_price_cents over the order's items; 0 for an order with no items. */
  totalCents: number;
}

/** What one product has earned from PAID orders. */
export interface ProductRevenue {
  productId: number;
  name: string;
  /** Units sold in paid orders (0 if none). */
  unitsSold: number;
  /** Sum of quantity * unit_price_cents over paid orders (0 if none). */
  revenueCents: number;
}

/** A customer ranked by what they have spent on PAID orders. */
export interface TopCustomer {
  customerId: number;
  name: string;
  email: string;
  spentCents: number;
  /** Number of distinct paid orders — not the number of line items. */
  paidOrders: number;
}

export interface OrderRequest {
  customerId: number;
  items: { productId: number; quantity: number }[];
}

export interface PlacedOrder {
  orderId: number;
  totalCents: number;
}

/** Why a call was refused. Callers switch on this (an API would map it to a status code). */
export type ShopErrorCode =
  | "BAD_LIMIT" //          topCustomers: n is not a positive integer
  | "EMPTY_ORDER" //        placeOrder: items is empty
  | "BAD_QUANTITY" //       placeOrder: a quantity is not a positive integer
  | "DUPLICATE_PRODUCT" //  placeOrder: the same productId appears twice in items
  | "UNKNOWN_CUSTOMER" //   placeOrder: no customer has this id (or it is not a positive integer)
  | "UNKNOWN_PRODUCT" //    placeOrder: no product has this id (or it is not a positive integer)
  | "OUT_OF_STOCK"; //      placeOrder: a product has less stock than the quantity asked for

/** The one error type these functions throw on purpose. Already complete: do not change it. */
export class ShopError extends Error {
  override readonly name = "ShopError";

  constructor(
    readonly code: ShopErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * All orders of the customer with this email, newest first (ties: higher id first), each with
 * its total. Includes pending and cancelled orders; an order with no items has total 0.
 * Unknown email → [].
 */
export async function ordersForCustomer(db: Db, email: string): Promise<CustomerOrder[]> {
  // LEFT JOIN order_items so an order with no items yet still appears (total 0).
  // The email travels as $1, never inside the SQL text.
  const { rows } = await db.query<CustomerOrder>(
    `SELECT o.id,
            o.status,
            o.created_at AS "createdAt",
            COALESCE(SUM(oi.quantity * oi.unit_price_cents), 0)::int AS "totalCents"
       FROM customers c
       JOIN orders o ON o.customer_id = c.id
       LEFT JOIN order_items oi ON oi.order_id = o.id
      WHERE c.email = $1
      GROUP BY o.id
      ORDER BY o.created_at DESC, o.id DESC`,
    [email],
  );
  return rows;
}

/**
 * Every product with its units sold and revenue from paid orders, including products that
 * earned nothing. Sorted by revenue (highest first), then by name.
 */
export async function revenueByProduct(db: Db): Promise<ProductRevenue[]> {
  // Aggregate paid sales first, then LEFT JOIN products to them. Filtering status in a WHERE
  // after a LEFT JOIN would throw away the unsold products — the classic LEFT JOIN trap.
  const { rows } = await db.query<ProductRevenue>(
    `WITH paid_sales AS (
       SELECT oi.product_id,
              SUM(oi.quantity) AS units,
              SUM(oi.quantity * oi.unit_price_cents) AS revenue
         FROM order_items oi
         JOIN orders o ON o.id = oi.order_id
        WHERE o.status = 'paid'
        GROUP BY oi.product_id
     )
     SELECT p.id AS "productId",
            p.name,
            COALESCE(s.units, 0)::int AS "unitsSold",
            COALESCE(s.revenue, 0)::int AS "revenueCents"
       FROM products p
       LEFT JOIN paid_sales s ON s.product_id = p.id
      ORDER BY "revenueCents" DESC, p.name ASC`,
  );
  return rows;
}

/**
 * The `n` customers who spent the most on paid orders. Customers with no paid orders are not
 * listed. Ties on spend are broken by email (ascending), which is unique, so the order is stable.
 * Throws ShopError "BAD_LIMIT" unless `n` is a positive integer.
 */
export async function topCustomers(db: Db, n: number): Promise<TopCustomer[]> {
  if (n === 0) {
    throw new ShopError("BAD_LIMIT", `topCustomers: n must be a positive integer, got ${n}`);
  }
  // Joining items multiplies order rows, so orders are counted with COUNT(DISTINCT o.id).
  const { rows } = await db.query<TopCustomer>(
    `SELECT c.id AS "customerId",
            c.name,
            c.email,
            SUM(oi.quantity * oi.unit_price_cents)::int AS "spentCents",
            COUNT(DISTINCT o.id)::int AS "paidOrders"
       FROM customers c
       JOIN orders o ON o.customer_id = c.id AND o.status = 'paid'
       JOIN order_items oi ON oi.order_id = o.id
      GROUP BY c.id
      ORDER BY "spentCents" DESC, c.email ASC
      LIMIT $1`,
    [n],
  );
  return rows;
}

/**
 * Places a pending order at today's prices and takes the items out of stock — all in one
 * transaction. If anything is wrong (no items, bad quantity, repeated product, unknown customer
 * or product, not enough stock) it throws a ShopError and the database is left exactly as it was.
 */
export async function placeOrder(db: Db, request: OrderRequest): Promise<PlacedOrder> {
  validate(request);

  return db.transaction(async (tx) => {
    // Inside the callback every statement goes through `tx`: `db` would wait for this
    // transaction to finish, and this transaction would wait for it.
    // INSERT … SELECT inserts nothing for an unknown customer, so no foreign-key error to decode.
    const order = await tx.query<{ id: number }>(
      `INSERT INTO orders (customer_id, status)
       SELECT id, 'pending' FROM customers WHERE id = $1
       RETURNING id`,
      [request.customerId],
    );
    if (order.rows.length === 0) {
      throw new ShopError("UNKNOWN_CUSTOMER", `placeOrder: customer ${request.customerId} does not exist`);
    }
    const orderId = order.rows[0].id;

    let totalCents = 0;
    for (const { productId, quantity } of request.items) {
      // Check and take stock in ONE statement: a separate SELECT-then-UPDATE lets two
      // concurrent orders both see "enough" and oversell.
      const taken = await tx.query<{ price_cents: number }>(
        `UPDATE products SET stock = stock - $2
          WHERE id = $1 AND stock >= $2
          RETURNING price_cents`,
        [productId, quantity],
      );
      if (taken.rows.length === 0) {
        throw await whyUnavailable(tx, productId, quantity);
      }
      const price = taken.rows[0].price_cents;
      await tx.query(
        `INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
         VALUES ($1, $2, $3, $4)`,
        [orderId, productId, quantity, price],
      );
      totalCents += price * quantity;
    }
    return { orderId, totalCents };
  });
}

const isPositiveInteger = (n: number) => Number.isInteger(n) && n > 0;

/**
 * Rejects what the database would reject anyway (a CHECK or a type error), but with a code the
 * caller can act on, and without a round trip.
 */
function validate({ customerId, items }: OrderRequest): void {
  if (!isPositiveInteger(customerId)) {
    throw new ShopError("UNKNOWN_CUSTOMER", `placeOrder: customerId must be a positive integer, got ${customerId}`);
  }
  if (items.length === 0) throw new ShopError("EMPTY_ORDER", "placeOrder: an order needs at least one item");
  const seen = new Set<number>();
  for (const { productId, quantity } of items) {
    if (!isPositiveInteger(productId)) {
      throw new ShopError("UNKNOWN_PRODUCT", `placeOrder: productId must be a positive integer, got ${productId}`);
    }
    if (!isPositiveInteger(quantity)) {
      throw new ShopError(
        "BAD_QUANTITY",
        `placeOrder: quantity for product ${productId} must be a positive integer, got ${quantity}`,
      );
    }
    if (seen.has(productId)) {
      throw new ShopError("DUPLICATE_PRODUCT", `placeOrder: product ${productId} appears twice in the order`);
    }
    seen.add(productId);
  }
}

/** Builds the error for a product the conditional UPDATE could not take stock from. */
async function whyUnavailable(
  tx: Pick<Db, "query">,
  productId: number,
  quantity: number,
): Promise<ShopError> {
  const { rows } = await tx.query<{ stock: number }>(`SELECT stock FROM products WHERE id = $1`, [productId]);
  if (rows.length === 0) return new ShopError("UNKNOWN_PRODUCT", `placeOrder: product ${productId} does not exist`);
  return new ShopError(
    "OUT_OF_STOCK",
    `placeOrder: not enough stock for product ${productId}: wanted ${quantity}, have ${rows[0].stock}`,
  );
}
