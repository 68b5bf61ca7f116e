import { describe, expect, it } from "vitest";
import { createService, type Deps, type Product } from "../service";

/** A service over fakes: a controllable clock, a product table, a pool and a consumer. */
function setup(opts: { dbMs?: number; inUse?: number } = {}) {
  let now = 1_000_000;
  const table = new Map<string, Product>([["7", { id: "7", name: "Kettle", priceCents: 3900 }], ["8", { id: "8", name: "Mug", priceCents: 900 }]]);
  const waiting: (() => void)[] = [];
  const positions = [
    { topic: "orders", partition: 0, endOffset: 120, committedOffset: 100 },
    { topic: "orders", partition: 1, endOffset: 50, committedOffset: 50 },
  ];
  const deps: Deps = {
    now: () => now,
    db: {
      async findProduct(id) {
        if (id === "hang") await new Promise<void>((resolve) => waiting.push(resolve));
        now += opts.dbMs ?? 0;
        if (id === "boom") throw new Error("connection reset");
        return table.get(id);
      },
      pool: { max: 20, inUse: () => opts.inUse ?? 0 },
    },
    cache: new Map(),
    consumer: { positions: () => positions },
  };
  const service = createService(deps);
  const get = (path: string) => service.app.request(path);
  const scrape = async () => (await get("/metrics")).text();
  return { service, get, scrape, waiting, positions, deps };
}

const line = (text: string, series: string) => {
  const found = text.split("\n").find((l) => l.startsWith(`${series} `));
  return found === undefined ? undefined : Number(found.slice(series.length + 1));
};

describe("the instrumented service", () => {
  it("serves /metrics as exposition text and counts requests by method, route template and status", async () => {
    const { get, scrape } = setup();
    expect((await get("/products/7")).status).toBe(200);
    expect((await get("/products/8")).status).toBe(200);
    expect((await get("/products/7")).status).toBe(200);
    expect((await get("/products/99")).status).toBe(404);
    expect((await get("/products/boom")).status).toBe(500);
    const res = await get("/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await res.text();
    expect(text).toContain("# TYPE http_requests_total counter\n");
    expect(line(text, 'http_requests_total{method="GET",route="/products/:id",status="200"}')).toBe(3);
    expect(line(text, 'http_requests_total{method="GET",route="/products/:id",status="404"}')).toBe(1);
    expect(line(text, 'http_requests_total{method="GET",route="/products/:id",status="500"}')).toBe(1);
    expect(text).not.toMatch(/route="\/products\/(7|8|99|boom)"/);
    // The scrape itself is not a request the dashboard counts.
    expect(text).not.toContain('route="/metrics"');
    expect(line(await scrape(), 'http_requests_total{method="GET",route="/products/:id",status="200"}')).toBe(3);
  });

  it("labels every path no route matched as one route, unmatched", async () => {
    const { get, scrape } = setup();
    for (const p of ["/wp-login.php", "/.env", "/admin/x"]) expect((await get(p)).status).toBe(404);
    const text = await scrape();
    expect(line(text, 'http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(3);
    expect(text).not.toMatch(/route="\/(wp-login|\.env|admin)/);
  });


  it("times requests with the injected clock into http_request_duration_seconds by method and route", async () => {
    const { get, scrape } = setup({ dbMs: 80 });
    await get("/products/7"); // miss: 80 ms in the database
    await get("/products/7"); // hit: 0 ms
    await get("/products/8"); // miss
    const text = await scrape();
    const s = 'method="GET",route="/products/:id"';
    expect(text).toContain("# TYPE http_request_duration_seconds histogram\n");
    expect(line(text, `http_request_duration_seconds_bucket{${s},le="0.005"}`)).toBe(1);
    expect(line(text, `http_request_duration_seconds_bucket{${s},le="0.05"}`)).toBe(1);
    expect(line(text, `http_request_duration_seconds_bucket{${s},le="0.1"}`)).toBe(3);
    expect(line(text, `http_request_duration_seconds_bucket{${s},le="+Inf"}`)).toBe(3);
    expect(line(text, `http_request_duration_seconds_sum{${s}}`)).toBeCloseTo(0.16, 9);
    expect(line(text, `http_request_duration_seconds_count{${s}}`)).toBe(3);
  });

  it("shows requests in flight while they run, and none once they ended, failures included", async () => {
    const { get, scrape, waiting } = setup();
    expect(line(await scrape(), "http_requests_in_flight")).toBe(0);
    const a = get("/products/hang");
    const b = get("/products/hang");
    await new Promise((r) => setTimeout(r, 0));
    expect(waiting).toHaveLength(2);
    expect(line(await scrape(), "http_requests_in_flight")).toBe(2);
    waiting.forEach((resolve) => resolve());
    await Promise.all([a, b]);
    await get("/products/boom");
    expect(line(await scrape(), "http_requests_in_flight")).toBe(0);
  });

  it("counts cache hits and misses, and reads pool usage and consumer lag at each scrape", async () => {
    const { get, scrape, positions } = setup({ inUse: 13 });
    await get("/products/7");
    await get("/products/7");
    await get("/products/7");
    await get("/products/99");
    let text = await scrape();
    expect(line(text, "cache_hits_total")).toBe(2);
    expect(line(text, "cache_misses_total")).toBe(2);
    expect(line(text, "db_pool_connections_in_use")).toBe(13);
    expect(line(text, "db_pool_connections_max")).toBe(20);
    expect(line(text, 'consumer_lag_messages{topic="orders",partition="0"}')).toBe(20);
    expect(line(text, 'consumer_lag_messages{topic="orders",partition="1"}')).toBe(0);
    positions[0].endOffset = 180;
    positions[1].endOffset = 60;
    text = await scrape();
    expect(line(text, 'consumer_lag_messages{topic="orders",partition="0"}')).toBe(80);
    expect(line(text, 'consumer_lag_messages{topic="orders",partition="1"}')).toBe(10);
  });
});
