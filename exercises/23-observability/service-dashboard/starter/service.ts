import { Hono } from "hono";
import { Registry } from "./registry";

export interface Product { id: string; name: string; priceCents: number }

/** What the service depends on; the tests pass fakes. */
export interface Deps {
  /** Milliseconds; the only clock the service reads. */
  now: () => number;
  db: {
    findProduct(id: string): Promise<Product | undefined>;
    pool: { max: number; inUse(): number };
  };
  cache: Map<string, Product>;
  /** Per partition: the log end offset and the group's committed offset. */
  consumer: { positions(): { topic: string; partition: number; endOffset: number; committedOffset: number }[] };
}

export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createService(deps: Deps) {
  const registry = new Registry();
  // TODO: declare the metrics of the README's table on the registry.
  registry.counter({ name: "http_requests_total", help: "HTTP requests answered.", labelNames: ["method", "route", "status"] });

  const app = new Hono();

  app.get("/metrics", (c) => {
    // TODO: read the pool and the consumer's positions into their gauges first.
    return c.body(registry.metrics(), 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
  });

  // TODO: a middleware that counts, times and tracks in-flight requests (not /metrics).

  app.get("/products/:id", async (c) => {
    const id = c.req.param("id");
    const cached = deps.cache.get(id);
    if (cached) return c.json(cached); // TODO: count a hit
    const product = await deps.db.findProduct(id); // TODO: count a miss
    if (!product) return c.json({ error: "NOT_FOUND" }, 404);
    deps.cache.set(id, product);
    return c.json(product);
  });

  app.onError((_err, c) => c.json({ error: "INTERNAL" }, 500));

  return { app, registry };
}
