import { Hono } from "hono";
import { createClient } from "./client";
import type { Fetch, Order } from "./types";

export interface OrdersOptions {
  fetch: Fetch;
  timeoutMs?: number;
}

/** The orders service: runs the order saga against http://catalog and http://payments. */
export function createOrders(options: OrdersOptions) {
  const app = new Hono();
  const orders = new Map<string, Order>();
  // TODO: POST /orders and GET /orders/:id (see the README).
  void createClient, options, orders;
  return app;
}
