import { ROOT_CONTEXT, trace, type Context } from "@opentelemetry/api";

/** The three fields of a W3C `traceparent` header, as the wire carries them. */
export interface TraceParent {
  traceId: string;
  spanId: string;
  traceFlags: number;
}

/** Parses a `traceparent` value; null for anything the spec says to discard. */
export function parseTraceparent(value: string | null): TraceParent | null {
  // TODO: version-traceid-parentid-flags, lowercase hex only; see the README for every rule.
  throw new Error(`parseTraceparent: not implemented (got ${value})`);
}

/** Writes the span context carried by `ctx` as a version-00 header; writes nothing without one. */
export function injectTraceparent(ctx: Context, headers: Headers): void {
  // TODO: trace.getSpanContext(ctx) gives traceId, spanId and traceFlags.
  void trace.getSpanContext(ctx);
  void headers;
  throw new Error("injectTraceparent: not implemented");
}

/** The caller's span context as a remote parent, or an empty context (a new trace) when the header is bad. */
export function extractTraceparent(headers: Headers): Context {
  // TODO: trace.setSpanContext(ROOT_CONTEXT, { ..., isRemote: true }).
  void headers;
  return ROOT_CONTEXT;
}
