import { describe, expect, it } from "vitest";
import { ROOT_CONTEXT, trace, TraceFlags } from "@opentelemetry/api";
import { extractTraceparent, injectTraceparent, parseTraceparent } from "../traceparent";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN = "00f067aa0ba902b7";

describe("parseTraceparent", () => {
  it("reads the trace id, parent id and flags of a version-00 header", () => {
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-01`)).toEqual({ traceId: TRACE, spanId: SPAN, traceFlags: 1 });
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-00`)).toEqual({ traceId: TRACE, spanId: SPAN, traceFlags: 0 });
  });

  it("discards bad ids: all zeros, wrong lengths, uppercase or non-hex", () => {
    for (const [what, header] of [
    ["an all-zero trace id", `00-${"0".repeat(32)}-${SPAN}-01`],
    ["an all-zero parent id", `00-${TRACE}-${"0".repeat(16)}-01`],
    ["a short trace id", `00-${TRACE.slice(1)}-${SPAN}-01`],
    ["a long parent id", `00-${TRACE}-${SPAN}a-01`],
    ["uppercase hex", `00-${TRACE.toUpperCase()}-${SPAN}-01`],
    ["non-hex characters", `00-${TRACE.slice(0, 31)}g-${SPAN}-01`],
    ]) expect(parseTraceparent(header), what).toBeNull();
  });

  it("discards a bad version, flags or field count, and a missing header", () => {
    for (const [what, header] of [
    ["version ff", `ff-${TRACE}-${SPAN}-01`],
    ["a one-digit flags field", `00-${TRACE}-${SPAN}-1`],
    ["a fifth field on version 00", `00-${TRACE}-${SPAN}-01-extra`],
    ["a missing field", `00-${TRACE}-01`],
    ["an empty header", ""],
    ["no header", null],
    ] as const) expect(parseTraceparent(header), what).toBeNull();
  });

  it("reads the first four fields of a later version and needs a dash after them", () => {
    expect(parseTraceparent(`cc-${TRACE}-${SPAN}-01-what-comes-next`)).toEqual({ traceId: TRACE, spanId: SPAN, traceFlags: 1 });
    expect(parseTraceparent(`cc-${TRACE}-${SPAN}-01`)).toEqual({ traceId: TRACE, spanId: SPAN, traceFlags: 1 });
    expect(parseTraceparent(`cc-${TRACE}-${SPAN}-01x`)).toBeNull();
  });
});

describe("inject and extract", () => {
  it("writes a version-00 header from the context's span, and none without one", () => {
    const sampled = trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE, spanId: SPAN, traceFlags: TraceFlags.SAMPLED });
    const headers = new Headers({ traceparent: "stale" });
    injectTraceparent(sampled, headers);
    expect(headers.get("traceparent")).toBe(`00-${TRACE}-${SPAN}-01`);

    const unsampled = trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE, spanId: SPAN, traceFlags: TraceFlags.NONE });
    const quiet = new Headers();
    injectTraceparent(unsampled, quiet);
    expect(quiet.get("traceparent")).toBe(`00-${TRACE}-${SPAN}-00`);

    const none = new Headers();
    injectTraceparent(ROOT_CONTEXT, none);
    expect(none.has("traceparent")).toBe(false);
  });

  it("extracts a remote parent, and an empty context from a bad header", () => {
    const ctx = extractTraceparent(new Headers({ traceparent: `00-${TRACE}-${SPAN}-01` }));
    expect(trace.getSpanContext(ctx)).toMatchObject({ traceId: TRACE, spanId: SPAN, traceFlags: 1, isRemote: true });
    expect(trace.getSpanContext(extractTraceparent(new Headers({ traceparent: `ff-${TRACE}-${SPAN}-01` })))).toBeUndefined();
    expect(trace.getSpanContext(extractTraceparent(new Headers()))).toBeUndefined();
  });
});
