/**
 * The order API. Placing an order is a saga of local steps, each with an undo:
 *   reserve stock + create the order (one transaction) → charge the card (remote, idempotent)
 *   → mark paid + post to the ledger (one transaction); a failed charge gives the stock back.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { Db } from "@roadlab/db";
import { canonical, claim, complete, release } from "./idempotency";
import { post, reversal } from "./ledger";
import { PaymentError, charge, refund, type Fetch } from "./payments";

export interface AppOptions {
  db: Db;
  /** Reaches the payment provider at http://payments. */
  fetch: Fetch;
  /** How long one call to the provider may take before it is abandoned and retried. */
  paymentTimeoutMs?: number;
}

export const OrderBody = z.object({
  productId: z.number().int().positive(),
  quantity: z.number().int().min(1).max(10),
  card: z.string().min(1),
});

export interface OrderRow { id: number; client_id: string; product_id: number; quantity: number; amount_cents: number; status: string; charge_id: string | null }

export const view = (row: OrderRow) => ({
  id: row.id,
  clientId: row.client_id,
  productId: row.product_id,
  quantity: row.quantity,
  amountCents: row.amount_cents,
  status: row.status,
  chargeId: row.charge_id,
});

export const problem = (code: string, extra: Record<string, unknown> = {}) => ({ error: { code }, ...extra });

export function createApp({ db, fetch, paymentTimeoutMs = 2000 }: AppOptions): Hono {
  const app = new Hono();
  const findOrder = async (id: number) => (await db.query<OrderRow>("SELECT * FROM orders WHERE id = $1", [id])).rows[0];

  app.post("/orders", async (c) => {
    const clientId = c.req.header("x-client-id");
    if (!clientId) return c.json(problem("client_id_required"), 400);
    const key = c.req.header("idempotency-key");
    if (!key) return c.json(problem("idempotency_key_required"), 400);
    const parsed = OrderBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json(problem("validation"), 422);
    const body = parsed.data;
    const product = (await db.query("SELECT 1 FROM products WHERE id = $1", [body.productId])).rows[0];
    if (!product) return c.json(problem("unknown_product"), 422);

    const claimed = await claim(db, clientId, key, canonical(body));
    if (claimed.kind === "mismatch") return c.json(problem("idempotency_key_reused"), 422);
    if (claimed.kind === "in-progress") return c.json(problem("request_in_progress"), 409);
    if (claimed.kind === "replay") {
      c.header("Idempotent-Replayed", "true");
      return c.json(claimed.body as object, claimed.status as 201);
    }
    try {
      const [status, result] = await placeOrder(clientId, body);
      await complete(db, clientId, key, status, result);
      return c.json(result, status);
    } catch (error) {
      await release(db, clientId, key);
      throw error;
    }
  });

  async function placeOrder(clientId: string, body: z.infer<typeof OrderBody>): Promise<[201 | 402 | 409 | 503, object]> {
    // Step 1: take the stock only if enough is left; the WHERE makes check and take one statement.
    const order = await db.transaction(async (tx) => {
      const taken = await tx.query<{ price_cents: number }>(
        "UPDATE products SET stock = stock - $2 WHERE id = $1 AND stock >= $2 RETURNING price_cents",
        [body.productId, body.quantity],
      );
      if (taken.rows.length === 0) return undefined;
      const inserted = await tx.query<OrderRow>(
        "INSERT INTO orders (client_id, product_id, quantity, amount_cents) VALUES ($1, $2, $3, $4) RETURNING *",
        [clientId, body.productId, body.quantity, taken.rows[0]!.price_cents * body.quantity],
      );
      return inserted.rows[0]!;
    });
    if (!order) return [409, problem("out_of_stock")];

    // Step 2: the remote call. The key is the order's, so every retry is the same charge.
    try {
      const paid = await charge(order.amount_cents, body.card, { fetch, idempotencyKey: `order-${order.id}`, timeoutMs: paymentTimeoutMs });
      // Step 3: record the money in the same transaction as the state change.
      const row = await db.transaction(async (tx) => {
        const updated = await tx.query<OrderRow>("UPDATE orders SET status = 'paid', charge_id = $2 WHERE id = $1 AND status = 'pending' RETURNING *", [order.id, paid.id]);
        await post(tx, {
          orderId: order.id,
          memo: "payment",
          entries: [
            { account: "provider_balance", amountCents: order.amount_cents },
            { account: "sales", amountCents: -order.amount_cents },
          ],
        });
        return updated.rows[0]!;
      });
      return [201, view(row)];
    } catch (error) {
      if (!(error instanceof PaymentError)) throw error;
      // Compensation: give the stock back and close the order; no money moved, so no ledger entry.
      await db.transaction(async (tx) => {
        await tx.query("UPDATE products SET stock = stock + $2 WHERE id = $1", [order.product_id, order.quantity]);
        await tx.query("UPDATE orders SET status = 'cancelled' WHERE id = $1 AND status = 'pending'", [order.id]);
      });
      return error.code === "DECLINED"
        ? [402, problem("payment_declined", { orderId: order.id })]
        : [503, problem("payment_unavailable", { orderId: order.id })];
    }
  }

  const orderId = (c: Context) => {
    const id = Number(c.req.param("id"));
    return Number.isSafeInteger(id) && id > 0 ? id : undefined;
  };

  app.get("/orders/:id", async (c) => {
    const id = orderId(c);
    const row = id === undefined ? undefined : await findOrder(id);
    return row ? c.json(view(row)) : c.json(problem("order_not_found"), 404);
  });

  app.post("/orders/:id/ship", async (c) => {
    const id = orderId(c);
    if (id === undefined || !(await findOrder(id))) return c.json(problem("order_not_found"), 404);
    const { rows } = await db.query<OrderRow>("UPDATE orders SET status = 'shipped' WHERE id = $1 AND status = 'paid' RETURNING *", [id]);
    return rows[0] ? c.json(view(rows[0])) : c.json(problem("invalid_transition"), 409);
  });

  app.post("/orders/:id/refund", async (c) => {
    const id = orderId(c);
    const order = id === undefined ? undefined : await findOrder(id);
    if (!order) return c.json(problem("order_not_found"), 404);
    if (order.status !== "paid") return c.json(problem("invalid_transition"), 409);
    try {
      await refund(order.charge_id!, { fetch, idempotencyKey: `refund-${order.id}`, timeoutMs: paymentTimeoutMs });
    } catch (error) {
      if (error instanceof PaymentError) return c.json(problem("refund_unavailable"), 503);
      throw error;
    }
    const row = await db.transaction(async (tx) => {
      const updated = await tx.query<OrderRow>("UPDATE orders SET status = 'refunded' WHERE id = $1 AND status = 'paid' RETURNING *", [order.id]);
      if (!updated.rows[0]) return undefined;
      // Money that moved is never un-written: a new posting reverses the old one.
      const payment = await tx.query<{ id: number }>("SELECT id FROM postings WHERE order_id = $1 AND memo = 'payment'", [order.id]);
      await post(tx, { orderId: order.id, memo: "refund", entries: await reversal(tx, payment.rows[0]!.id) });
      await tx.query("UPDATE products SET stock = stock + $2 WHERE id = $1", [order.product_id, order.quantity]);
      return updated.rows[0];
    });
    return row ? c.json(view(row)) : c.json(problem("invalid_transition"), 409);
  });

  return app;
}
