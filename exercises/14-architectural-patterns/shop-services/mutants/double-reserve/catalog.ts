import { Hono } from "hono";
import type { Product } from "./types";

export function createCatalog(products: Product[]) {
  const stock = new Map(products.map((product) => [product.sku, { ...product }]));
  const reservations = new Map<string, { sku: string; qty: number }>();
  const app = new Hono();

  app.get("/products/:sku", (c) => {
    const product = stock.get(c.req.param("sku"));
    return product ? c.json(product) : c.json({ code: "UNKNOWN_PRODUCT" }, 404);
  });

  app.post("/reservations", async (c) => {
    const { orderId, sku, qty } = await c.req.json<{ orderId: string; sku: string; qty: number }>();
    const product = stock.get(sku);
    if (!product) return c.json({ code: "UNKNOWN_PRODUCT" }, 404);
    // Keyed by order id: a retried request finds its reservation and takes nothing more.
    if (product.stock < qty) return c.json({ code: "OUT_OF_STOCK" }, 409);
    product.stock -= qty;
    reservations.set(orderId, { sku, qty });
    return c.json({ orderId, sku, qty }, 201);
  });

  app.delete("/reservations/:orderId", (c) => {
    const reservation = reservations.get(c.req.param("orderId"));
    if (reservation) {
      stock.get(reservation.sku)!.stock += reservation.qty;
      reservations.delete(c.req.param("orderId"));
    }
    return c.body(null, 204);
  });

  return app;
}
