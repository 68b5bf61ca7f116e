import { Bulkhead, type BulkheadOptions } from "./bulkhead";
import { CircuitBreaker, type BreakerOptions } from "./breaker";
import { fetchWithRetry, type RetryOptions } from "./retry";

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ServiceOptions { retry: RetryOptions; breaker: BreakerOptions; bulkhead: BulkheadOptions }

/** GET /prices/:id in front of http://pricing/prices/:id. TODO: bulkhead, breaker, stale fallback. */
export function createPriceService(fetch: Fetch, options: ServiceOptions) {
  const bulkhead = new Bulkhead(options.bulkhead);
  const breaker = new CircuitBreaker(options.breaker);
  return {
    breaker,
    bulkhead,
    async fetch(request: Request): Promise<Response> {
      const id = new URL(request.url).pathname.split("/").pop() ?? "";
      const upstream = await fetchWithRetry(fetch, `http://pricing/prices/${id}`, {}, options.retry);
      return Response.json(await upstream.json(), { status: upstream.status });
    },
  };
}
