import { Hono } from "hono";
import type { Product } from "./types";

/** The catalog service: products, their stock, and reservations keyed by order id. */
export function createCatalog(products: Product[]) {
  const app = new Hono();
  // TODO: GET /products/:sku, POST /reservations, DELETE /reservations/:orderId (see the README).
  void products;
  return app;
}
