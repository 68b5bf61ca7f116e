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
  const requests = registry.counter({ name: "http_requests_total", help: "HTTP requests answered.", labelNames: ["method", "route", "status"] });
  const duration = registry.histogram({
    name: "http_request_duration_seconds", help: "Time to answer an HTTP request.", labelNames: ["method", "route"], buckets: DURATION_BUCKETS,
  });
  const inFlight = registry.gauge({ name: "http_requests_in_flight", help: "HTTP requests being served now." });
  const hits = registry.counter({ name: "cache_hits_total", help: "Product lookups answered from the cache." });
  const misses = registry.counter({ name: "cache_misses_total", help: "Product lookups that went to the database." });
  const poolInUse = registry.gauge({ name: "db_pool_connections_in_use", help: "Database connections checked out." });
  const poolMax = registry.gauge({ name: "db_pool_connections_max", help: "Database pool size." });
  const lag = registry.gauge({ name: "consumer_lag_messages", help: "Messages not yet consumed, per partition.", labelNames: ["topic", "partition"] });

  const app = new Hono();

  // Gauges of the dependencies are read when Prometheus asks, so a scrape always sees the present.
  app.get("/metrics", (c) => {
    poolInUse.set({}, deps.db.pool.inUse());
    poolMax.set({}, deps.db.pool.max);
    for (const p of deps.consumer.positions()) {
      lag.set({ topic: p.topic, partition: String(p.partition) }, p.endOffset - p.committedOffset);
    }
    return c.body(registry.metrics(), 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
  });

  app.use("*", async (c, next) => {
    if (c.req.path === "/metrics") return next();
    const start = deps.now();
    inFlight.inc();
    try {
      await next();
    } finally {
      inFlight.dec();
      // The route template, never the raw path: one series per route, not one per product id.
      const route = c.req.routePath === "/*" ? "unmatched" : c.req.routePath;
      const method = c.req.method;
      requests.inc({ method, route, status: String(c.res.status) });
      duration.observe({ method, route }, (deps.now() - start) / 1000);
    }
  });

  app.get("/products/:id", async (c) => {
    const id = c.req.param("id");
    const cached = deps.cache.get(id);
    if (cached) {
      hits.inc();
      return c.json(cached);
    }
    misses.inc();
    const product = await deps.db.findProduct(id);
    if (!product) return c.json({ error: "NOT_FOUND" }, 404);
    deps.cache.set(id, product);
    return c.json(product);
  });

  app.onError((_err, c) => c.json({ error: "INTERNAL"}, 500));

  return { app, registry };
}
