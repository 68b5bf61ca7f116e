import type { Limiter } from "./limiter";

type Handler = (request: Request) => Response | Promise<Response>;

/**
 * TODO: check the limiter with keyOf(request); add RateLimit-Limit, RateLimit-Remaining and
 * RateLimit-Reset to every answer; over the limit answer 429 with Retry-After and
 * { "error": "RATE_LIMITED" } without calling the handler.
 */
export function withRateLimit(limiter: Limiter, keyOf: (request: Request) => string, handler: Handler): (request: Request) => Promise<Response> {
  void limiter;
  void keyOf;
  return async (request) => handler(request);
}
