import { ROOT_CONTEXT, type Context, type Tracer } from "@opentelemetry/api";

/** A service handler that gets the context of its own SERVER span, to pass to outgoing calls. */
export type TracedHandler = (request: Request, ctx: Context) => Response | Promise<Response>;
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
/** A fetch that needs to know which span it is called from. */
export type TracedFetch = (ctx: Context, input: string, init?: RequestInit) => Promise<Response>;

/** Wraps a handler in a SERVER span that continues the caller's trace (or starts one). */
export function serverSpan(tracer: Tracer, route: string, handler: TracedHandler): (request: Request) => Promise<Response> {
  void tracer;
  void route;
  // TODO: extract the caller's context, start a SERVER span under it, pass the span's context on,
  // set the attributes and status, and end the span whatever happens.
  return async (request) => handler(request, ROOT_CONTEXT);
}

/** A fetch that opens a CLIENT span per call and sends that span's id as the parent. */
export function clientFetch(tracer: Tracer, fetch: Fetch): TracedFetch {
  void tracer;
  // TODO: start a CLIENT span under ctx, inject its context into the request's headers, record the outcome.
  return async (ctx, input, init) => {
    void ctx;
    return fetch(input, init);
  };
}
