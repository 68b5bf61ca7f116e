import { beforeEach, describe, expect, it } from "vitest";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { createNetwork, type Network } from "@roadlab/net";
import { shopServices } from "../shop";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER = "00f067aa0ba902b7";

let net: Network;
let exporter: InMemorySpanExporter;
let provider: BasicTracerProvider;
/** The traceparent each downstream service received, in order. */
let received: Record<string, (string | null)[]>;

beforeEach(() => {
  net = createNetwork();
  exporter = new InMemorySpanExporter();
  provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  received = { inventory: [], payments: [] };
  const shop = shopServices((name) => provider.getTracer(name), net.fetch);
  net.serve("checkout", shop.checkout);
  for (const name of ["inventory", "payments"] as const) {
    net.serve(name, (request) => {
      received[name].push(request.headers.get("traceparent"));
      return shop[name](request);
    });
  }
});

async function checkout(body: { qty?: number; amount?: number } = {}, headers: Record<string, string> = {}) {
  const response = await net.fetch("http://checkout/checkout", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ sku: "sku-1", qty: body.qty ?? 1, amount: body.amount ?? 20 }),
  });
  await provider.forceFlush();
  return { status: response.status, spans: exporter.getFinishedSpans() };
}

/** Finds the one span matching, so a missing or doubled span fails here. */
function only(spans: ReadableSpan[], kind: SpanKind, scope: string, urlFull?: string): ReadableSpan {
  const found = spans.filter((s) => s.kind === kind && s.instrumentationScope.name === scope && (urlFull === undefined || s.attributes["url.full"] === urlFull));
  expect(found, `${SpanKind[kind]} span of ${scope} ${urlFull ?? ""}`).toHaveLength(1);
  return found[0];
}

function tree(spans: ReadableSpan[]) {
  return {
    root: only(spans, SpanKind.SERVER, "checkout"),
    toInventory: only(spans, SpanKind.CLIENT, "checkout", "http://inventory/reserve"),
    toPayments: only(spans, SpanKind.CLIENT, "checkout", "http://payments/charge"),
    inventory: only(spans, SpanKind.SERVER, "inventory"),
    payments: only(spans, SpanKind.SERVER, "payments"),
  };
}

describe("one trace across three services", () => {
  it("links every span to its parent: server → client → the next server", async () => {
    const { status, spans } = await checkout();
    expect(status).toBe(201);
    expect(spans).toHaveLength(5);
    const t = tree(spans);
    const traceId = t.root.spanContext().traceId;
    for (const span of spans) expect(span.spanContext().traceId).toBe(traceId);
    expect(t.root.parentSpanContext).toBeUndefined();
    expect(t.toInventory.parentSpanContext?.spanId).toBe(t.root.spanContext().spanId);
    expect(t.toPayments.parentSpanContext?.spanId).toBe(t.root.spanContext().spanId);
    expect(t.inventory.parentSpanContext?.spanId).toBe(t.toInventory.spanContext().spanId);
    expect(t.payments.parentSpanContext?.spanId).toBe(t.toPayments.spanContext().spanId);
    expect(received.inventory).toEqual([`00-${traceId}-${t.toInventory.spanContext().spanId}-01`]);
  });

  it("names spans and sets the HTTP semantic-convention attributes", async () => {
    const t = tree((await checkout()).spans);
    expect(t.root.name).toBe("POST /checkout");
    expect(t.root.attributes).toMatchObject({ "http.request.method": "POST", "http.route": "/checkout", "http.response.status_code": 201 });
    expect(t.inventory.name).toBe("POST /reserve");
    expect(t.inventory.attributes).toMatchObject({ "http.request.method": "POST", "http.route": "/reserve", "http.response.status_code": 200 });
    expect(t.toPayments.name).toBe("POST");
    expect(t.toPayments.attributes).toMatchObject({ "http.request.method": "POST", "url.full": "http://payments/charge", "http.response.status_code": 200 });
    for (const span of Object.values(t)) expect(span.status.code, span.name).toBe(SpanStatusCode.UNSET);
  });

  it("continues the trace a caller sends", async () => {
    const { spans } = await checkout({}, { traceparent: `00-${TRACE}-${CALLER}-01` });
    const t = tree(spans);
    for (const span of spans) expect(span.spanContext().traceId).toBe(TRACE);
    expect(t.root.parentSpanContext).toMatchObject({ traceId: TRACE, spanId: CALLER, isRemote: true });
  });

  it("starts a new trace when the caller's header is malformed", async () => {
    for (const bad of [`00-${"0".repeat(32)}-${CALLER}-01`, `00-${TRACE.toUpperCase()}-${CALLER}-01`, `ff-${TRACE}-${CALLER}-01`, `00-${TRACE}-${CALLER}`]) {
      exporter.reset();
      const { status, spans } = await checkout({}, { traceparent: bad });
      expect(status, bad).toBe(201);
      const t = tree(spans);
      const traceId = t.root.spanContext().traceId;
      expect(t.root.parentSpanContext, bad).toBeUndefined();
      expect(traceId.toLowerCase(), bad).not.toBe(TRACE);
      for (const span of spans) expect(span.spanContext().traceId, bad).toBe(traceId);
    }
  });

  it("keeps a caller's decision not to sample: no spans, the trace id and flags 00 still passed on", async () => {
    const { status, spans } = await checkout({}, { traceparent: `00-${TRACE}-${CALLER}-00` });
    expect(status).toBe(201);
    expect(spans).toHaveLength(0);
    expect(received.inventory).toHaveLength(1);
    expect(received.inventory[0]).toMatch(new RegExp(`^00-${TRACE}-[0-9a-f]{16}-00$`));
  });
});

describe("errors on spans", () => {
  it("marks the client call and checkout ERROR when payments is down, with the exception recorded", async () => {
    net.faults("payments", { down: true });
    const { status, spans } = await checkout();
    expect(status).toBe(502);
    expect(spans.filter((s) => s.instrumentationScope.name === "payments")).toHaveLength(0);
    const call = only(spans, SpanKind.CLIENT, "checkout", "http://payments/charge");
    expect(call.status.code).toBe(SpanStatusCode.ERROR);
    expect(call.attributes["http.response.status_code"]).toBeUndefined();
    expect(call.events.map((e) => e.name)).toContain("exception");
    const root = only(spans, SpanKind.SERVER, "checkout");
    expect(root.status.code).toBe(SpanStatusCode.ERROR);
    expect(root.attributes["http.response.status_code"]).toBe(502);
  });

  it("answers 500 for a handler that throws and records the exception on its server span", async () => {
    const { status, spans } = await checkout({ amount: 5000 });
    expect(status).toBe(502);
    const payments = only(spans, SpanKind.SERVER, "payments");
    expect(payments.status.code).toBe(SpanStatusCode.ERROR);
    expect(payments.attributes["http.response.status_code"]).toBe(500);
    const exception = payments.events.find((e) => e.name === "exception");
    expect(exception?.attributes?.["exception.message"]).toBe("card processor crashed");
    expect(only(spans, SpanKind.CLIENT, "checkout", "http://payments/charge").status.code).toBe(SpanStatusCode.ERROR);
    expect(net.requests("payments").map((r) => r.status)).toEqual([500]);
    const direct = await net.fetch("http://payments/charge", { method: "POST", body: JSON.stringify({ amount: 5000 }) });
    expect(direct.status).toBe(500);
    expect(await direct.json()).toEqual({ error: "INTERNAL" });
  });

  it("leaves a 4xx server span unset but marks the client call that got it ERROR", async () => {
    const { status, spans } = await checkout({ qty: 99 });
    expect(status).toBe(409);
    expect(only(spans, SpanKind.SERVER, "inventory").status.code).toBe(SpanStatusCode.UNSET);
    expect(only(spans, SpanKind.SERVER, "inventory").attributes["http.response.status_code"]).toBe(409);
    expect(only(spans, SpanKind.CLIENT, "checkout", "http://inventory/reserve").status.code).toBe(SpanStatusCode.ERROR);
    expect(only(spans, SpanKind.SERVER, "checkout").status.code).toBe(SpanStatusCode.UNSET);
  });
});
