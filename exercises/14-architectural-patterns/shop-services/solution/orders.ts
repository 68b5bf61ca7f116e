import { Hono } from "hono";
import { createClient } from "./client";
import { CORRELATION_HEADER, ServiceError, type Fetch, type Order, type Product } from "./types";

export interface OrdersOptions {
  fetch: Fetch;
  timeoutMs?: number;
}

const CATALOG = "http://catalog";
const PAYMENTS = "http://payments";

/** Status and body for a step that failed; the downstream service's name goes into UNAVAILABLE. */
function failure(error: unknown, service: "CATALOG" | "PAYMENT") {
  if (!(error instanceof ServiceError)) throw error;
  if (error.code === "TIMEOUT" || error.code === "UNAVAILABLE") return { status: 503 as const, code: `${service}_UNAVAILABLE` };
  return { status: (error.status === 404 ? 404 : error.status === 402 ? 402 : 409) as 404 | 402 | 409, code: error.code };
}

export function createOrders(options: OrdersOptions) {
  const client = createClient(options.fetch, { timeoutMs: options.timeoutMs ?? 1000 });
  const orders = new Map<string, Order>();
  const app = new Hono<{ Variables: { correlationId: string } }>();

  app.use(async (c, next) => {
    const correlationId = c.req.header(CORRELATION_HEADER) || crypto.randomUUID();
    c.set("correlationId", correlationId);
    await next();
    c.header(CORRELATION_HEADER, correlationId);
  });

  app.post("/orders", async (c) => {
    const correlationId = c.get("correlationId");
    const { sku, qty, card } = await c.req.json<{ sku: string; qty: number; card: string }>();
    if (typeof sku !== "string" || !Number.isInteger(qty) || qty < 1 || typeof card !== "string") {
      return c.json({ code: "INVALID_ORDER" }, 400);
    }
    const id = crypto.randomUUID();

    // Step 1: the price comes from the catalog, never from the client.
    let product: Product;
    try {
      product = await client.call<Product>("GET", `${CATALOG}/products/${encodeURIComponent(sku)}`, { correlationId });
      await client.call("POST", `${CATALOG}/reservations`, { correlationId, body: { orderId: id, sku, qty } });
    } catch (error) {
      const { status, code } = failure(error, "CATALOG");
      return c.json({ code }, status);
    }
    const order: Order = { id, sku, qty, totalCents: product.priceCents * qty, status: "confirmed" };

    // Step 2: charge. If it fails, compensate step 1: give the stock back.
    try {
      await client.call("POST", `${PAYMENTS}/charges`, {
        correlationId,
        idempotencyKey: id,
        body: { orderId: id, amountCents: order.totalCents, card },
      });
    } catch (error) {
      const { status, code } = failure(error, "PAYMENT");
      await client.call("DELETE", `${CATALOG}/reservations/${id}`, { correlationId }).catch(() => {
        // The reservation stays held; a real system would retry the release from a queue.
      });
      orders.set(id, { ...order, status: "cancelled", reason: code });
      return c.json({ code, orderId: id }, status);
    }
    orders.set(id, order);
    return c.json(order, 201);
  });

  app.get("/orders/:id", (c) => {
    const order = orders.get(c.req.param("id"));
    return order ? c.json(order) : c.json({ code: "UNKNOWN_ORDER" }, 404);
  });

  return app;
}
