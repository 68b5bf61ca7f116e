import { SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from "@opentelemetry/api";
import { extractTraceparent, injectTraceparent } from "./traceparent";

/** A service handler that gets the context of its own SERVER span, to pass to outgoing calls. */
export type TracedHandler = (request: Request, ctx: Context) => Response | Promise<Response>;
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
/** A fetch that needs to know which span it is called from. */
export type TracedFetch = (ctx: Context, input: string, init?: RequestInit) => Promise<Response>;

function recordError(span: Span, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  span.recordException(err);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
}

/** Wraps a handler in a SERVER span that continues the caller's trace (or starts one). */
export function serverSpan(tracer: Tracer, route: string, handler: TracedHandler): (request: Request) => Promise<Response> {
  return async (request) => {
    const parent = extractTraceparent(request.headers);
    const span = tracer.startSpan(
      `${request.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: { "http.request.method": request.method, "http.route": route, "url.path": new URL(request.url).pathname },
      },
      parent,
    );
    try {
      let response: Response;
      try {
        response = await handler(request, trace.setSpan(parent, span));
      } catch (error) {
        recordError(span, error);
        response = Response.json({ error: "INTERNAL" }, { status: 500 });
      }
      span.setAttribute("http.response.status_code", response.status);
      // A 4xx is the client's mistake, not the server's: only 5xx marks a SERVER span.
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return response;
    } finally {
      span.end();
    }
  };
}

/** A fetch that opens a CLIENT span per call and sends that span's id as the parent. */
export function clientFetch(tracer: Tracer, fetch: Fetch): TracedFetch {
  return async (ctx, input, init) => {
    const request = new Request(input, init);
    const span = tracer.startSpan(
      request.method,
      { kind: SpanKind.CLIENT, attributes: { "http.request.method": request.method, "url.full": request.url, "server.address": new URL(request.url).hostname } },
      ctx,
    );
    try {
      injectTraceparent(ctx, request.headers);
      const response = await fetch(request);
      span.setAttribute("http.response.status_code", response.status);
      // For the caller, any 4xx or 5xx means the call did not do what it asked.
      if (response.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
      return response;
    } catch (error) {
      recordError(span, error);
      throw error;
    } finally {
      span.end();
    }
  };
}
