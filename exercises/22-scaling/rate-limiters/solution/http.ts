import type { Limiter } from "./limiter";

type Handler = (request: Request) => Response | Promise<Response>;

/**
 * Puts a limiter in front of a handler: every answer says how much quota is left, and a request
 * over the limit gets 429 without reaching the handler.
 */
export function withRateLimit(limiter: Limiter, keyOf: (request: Request) => string, handler: Handler): (request: Request) => Promise<Response> {
  return async (request) => {
    const decision = await limiter.check(keyOf(request));
    const headers = {
      "RateLimit-Limit": String(decision.limit),
      "RateLimit-Remaining": String(decision.remaining),
      "RateLimit-Reset": String(Math.ceil(decision.resetMs / 1000)),
    };
    if (!decision.allowed) {
      return Response.json(
        { error: "RATE_LIMITED" },
        // Rounded up: a client that waits the rounded-down second would be refused again.
        { status: 429, headers: { ...headers, "Retry-After": String(Math.ceil(decision.retryAfterMs / 1000)) } },
      );
    }
    const response = await handler(request);
    // A copy: a Response from fetch has immutable headers.
    const answer = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) answer.headers.set(name, value);
    return answer;
  };
}
