import { ROOT_CONTEXT, trace, type Context } from "@opentelemetry/api";

/** The three fields of a W3C `traceparent` header, as the wire carries them. */
export interface TraceParent {
  traceId: string;
  spanId: string;
  traceFlags: number;
}

const FIELDS = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/** Parses a `traceparent` value; null for anything the spec says to discard. */
export function parseTraceparent(value: string | null): TraceParent | null {
  if (value === null) return null;
  const match = FIELDS.exec(value);
  if (!match) return null;
  const [, version, traceId, spanId, flags, rest] = match;
  if (version === "ff") return null;
  // Version 00 has exactly four fields; a later version may add more, after a dash.
  if (version === "00" && rest !== undefined) return null;
  return { traceId, spanId, traceFlags: parseInt(flags, 16) };
}

/** Writes the span context carried by `ctx` as a version-00 header; writes nothing without one. */
export function injectTraceparent(ctx: Context, headers: Headers): void {
  const span = trace.getSpanContext(ctx);
  if (!span || !trace.isSpanContextValid(span)) return;
  const flags = (span.traceFlags & 0xff).toString(16).padStart(2, "0");
  headers.set("traceparent", `00-${span.traceId}-${span.spanId}-${flags}`);
}

/** The caller's span context as a remote parent, or an empty context (a new trace) when the header is bad. */
export function extractTraceparent(headers: Headers): Context {
  const parent = parseTraceparent(headers.get("traceparent"));
  if (!parent) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, { ...parent, isRemote: true });
}
