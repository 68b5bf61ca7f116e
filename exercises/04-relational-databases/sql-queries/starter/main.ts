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
  // TODO: join customers → orders → order_items, filter on the email passed as $1,
  // GROUP BY the order, and ORDER BY created_at DESC, id DESC.
  // Alias columns to the camelCase names above, e.g. o.created_at AS "createdAt".
  throw new Error("TODO: implement ordersForCustomer");
}

/**
 * Every product with its units sold and revenue from PAID orders, including products that
 * earned nothing (unitsSold 0, revenueCents 0). Sorted by revenue (highest first), then by name.
 */
export async function revenueByProduct(db: Db): Promise<ProductRevenue[]> {
  // TODO: start FROM products and LEFT JOIN the paid sales, with COALESCE(…, 0) for the
  // products that have none. Careful where the status = 'paid' filter goes.
  throw new Error("TODO: implement revenueByProduct");
}

/**
 * The `n` customers who spent the most on paid orders. Customers with no paid orders are not
 * listed. Ties on spend are broken by email (ascending).
 * Throws ShopError "BAD_LIMIT" unless `n` is a positive integer.
 */
export async function topCustomers(db: Db, n: number): Promise<TopCustomer[]> {
  // TODO: validate n, then aggregate paid spend per customer, ORDER BY spend DESC, email ASC,
  // and LIMIT $1. Count orders with COUNT(DISTINCT …) — the join with items repeats them.
  throw new Error("TODO: implement topCustomers");
}

/**
 * Places a 'pending' order for `customerId` at today's product prices and takes the items out
 * of stock, all inside ONE transaction: `db.transaction(async (tx) => { ... })`.
 * Throws a ShopError — leaving the database exactly as it was — when: there are no items
 * (EMPTY_ORDER), a quantity is not a positive integer (BAD_QUANTITY), a product appears twice
 * (DUPLICATE_PRODUCT), the customer or a product does not exist (UNKNOWN_CUSTOMER,
 * UNKNOWN_PRODUCT), or a product has less stock than asked for (OUT_OF_STOCK).
 */
export async function placeOrder(db: Db, request: OrderRequest): Promise<PlacedOrder> {
  // TODO: 1. validate the request; throw new ShopError(code, message) for each refusal.
  //       2. db.transaction(async (tx) => { … }) — and inside it use tx.query, never db.query.
  //       3. INSERT the order (RETURNING id); for each item take the stock and read the price,
  //          INSERT the order_item with that price, and add up the total.
  //       4. Throw a ShopError inside the callback to roll everything back. An UPDATE that
  //          matched no row does not tell you why: was the product missing or short of stock?
  throw new Error("TODO: implement placeOrder");
}
