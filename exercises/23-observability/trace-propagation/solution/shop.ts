import type { Tracer } from "@opentelemetry/api";
import { clientFetch, serverSpan, type Fetch } from "./spans";

/**
 * The three services of the exercise (read-only). checkout reserves stock at inventory, then
 * charges at payments; each handler runs inside your serverSpan and calls out through your clientFetch.
 */
export function shopServices(tracerFor: (service: string) => Tracer, fetch: Fetch) {
  const stock = new Map([["sku-1", 5]]);

  const inventory = serverSpan(tracerFor("inventory"), "/reserve", async (request) => {
    const { sku, qty } = (await request.json()) as { sku: string; qty: number };
    const left = stock.get(sku) ?? 0;
    if (qty > left) return Response.json({ error: "OUT_OF_STOCK" }, { status: 409 });
    stock.set(sku, left - qty);
    return Response.json({ reserved: qty });
  });

  const payments = serverSpan(tracerFor("payments"), "/charge", async (request) => {
    const { amount } = (await request.json()) as { amount: number };
    if (amount > 1000) throw new Error("card processor crashed");
    return Response.json({ chargeId: "ch_1" });
  });

  const call = clientFetch(tracerFor("checkout"), fetch);
  const checkout = serverSpan(tracerFor("checkout"), "/checkout", async (request, ctx) => {
    const { sku, qty, amount } = (await request.json()) as { sku: string; qty: number; amount: number };
    const post = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const reserved = await call(ctx, "http://inventory/reserve", post({ sku, qty }));
    if (!reserved.ok) return Response.json(await reserved.json(), { status: reserved.status });
    let charged: Response;
    try {
      charged = await call(ctx, "http://payments/charge", post({ amount }));
    } catch {
      return Response.json({ error: "PAYMENTS_UNAVAILABLE" }, { status: 502 });
    }
    if (!charged.ok) return Response.json({ error: "PAYMENT_FAILED" }, { status: 502 });
    return Response.json({ order: "ord_1" }, { status: 201 });
  });

  return { checkout, inventory, payments };
}
