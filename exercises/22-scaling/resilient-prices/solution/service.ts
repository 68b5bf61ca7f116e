import { Bulkhead, type BulkheadOptions } from "./bulkhead";
import { CircuitBreaker, type BreakerOptions } from "./breaker";
import { BulkheadFullError } from "./errors";
import { fetchWithRetry, type RetryOptions } from "./retry";

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ServiceOptions { retry: RetryOptions; breaker: BreakerOptions; bulkhead: BulkheadOptions }

/** GET /prices/:id in front of http://pricing/prices/:id: limited, retried, broken and degraded. */
export function createPriceService(fetch: Fetch, options: ServiceOptions) {
  const bulkhead = new Bulkhead(options.bulkhead);
  const breaker = new CircuitBreaker(options.breaker);
  const lastGood = new Map<string, Record<string, unknown>>();

  async function price(id: string): Promise<Response> {
    try {
      const upstream = await breaker.run(
        () => fetchWithRetry(fetch, `http://pricing/prices/${encodeURIComponent(id)}`, {}, options.retry),
        (response) => response.status >= 500 || response.status === 429,
      );
      if (upstream.ok) {
        const body = (await upstream.json()) as Record<string, unknown>;
        lastGood.set(id, body);
        return Response.json({ ...body, stale: false });
      }
      if (upstream.status === 404) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
      if (upstream.status < 500 && upstream.status !== 429) return Response.json({ error: "UPSTREAM_REJECTED" }, { status: 502 });
    } catch {
      // Timeouts, refusals and an open circuit all end in the fallback below.
    }
    const cached = lastGood.get(id);
    if (cached) return Response.json({ ...cached, stale: true });
    return Response.json({ error: "UPSTREAM_UNAVAILABLE" }, { status: 503 });
  }

  return {
    breaker,
    bulkhead,
    async fetch(request: Request): Promise<Response> {
      const match = /^\/prices\/([^/]+)$/.exec(new URL(request.url).pathname);
      if (request.method !== "GET" || !match) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
      try {
        return await bulkhead.run(() => price(decodeURIComponent(match[1])));
      } catch (error) {
        if (error instanceof BulkheadFullError) return Response.json({ error: "OVERLOADED" }, { status: 503, headers: { "Retry-After": "1" } });
        throw error;
      }
    },
  };
}
