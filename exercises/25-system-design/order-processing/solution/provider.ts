/**
 * The payment provider, a stand-in for Stripe or Adyen. Read-only: the tests serve it on the
 * in-page network as http://payments, and you call it over `fetch`.
 *
 *   POST /charges  { amountCents, card }  + Idempotency-Key  → 201 { id, amountCents, status: "succeeded" }
 *                                                              402 { error: { code: "card_declined" } }
 *   POST /refunds  { chargeId }           + Idempotency-Key  → 201 { id, chargeId, amountCents }
 *
 * A repeated Idempotency-Key gets the first answer again and moves no money; the same key with a
 * different body is refused with 422. The card "tok_declined" is always declined.
 */
import { Hono } from "hono";

export interface Charge { id: string; key: string; amountCents: number }
export interface Refund { id: string; key: string; chargeId: string; amountCents: number }

export interface Provider {
  /** The provider's HTTP API: serve it with `net.serve("payments", provider.fetch)`. */
  fetch: (request: Request) => Response | Promise<Response>;
  /** Money actually moved, oldest first. */
  charges: Charge[];
  refunds: Refund[];
  /** The Idempotency-Key of every request that reached the provider, in order. */
  keys: string[];
  /** The next `n` charges are made, but their answers are lost: the request waits until the caller gives up. */
  loseResponses(n: number): void;
}

export function createProvider(): Provider {
  const charges: Charge[] = [];
  const refunds: Refund[] = [];
  const keys: string[] = [];
  const answers = new Map<string, { body: string; status: 201 | 402 | 404; json: unknown }>();
  let toLose = 0;
  const app = new Hono();

  /** Runs `act` once per key; a repeat replays the stored answer. */
  async function once(key: string | undefined, body: string, act: () => { status: 201 | 402 | 404; json: unknown }) {
    if (!key) return Response.json({ error: { code: "idempotency_key_required" } }, { status: 400 });
    keys.push(key);
    const seen = answers.get(key);
    if (seen && seen.body !== body) return Response.json({ error: { code: "idempotency_key_reused" } }, { status: 422 });
    const answer = seen ?? act();
    answers.set(key, { body, ...answer });
    return Response.json(answer.json, { status: answer.status });
  }

  app.post("/charges", async (c) => {
    const text = await c.req.text();
    const { amountCents, card } = JSON.parse(text) as { amountCents: number; card: string };
    return once(c.req.header("idempotency-key"), text, () => {
      if (card === "tok_declined") return { status: 402, json: { error: { code: "card_declined" } } };
      const charge = { id: `ch_${charges.length + 1}`, key: c.req.header("idempotency-key")!, amountCents };
      charges.push(charge);
      return { status: 201, json: { id: charge.id, amountCents, status: "succeeded" } };
    });
  });

  app.post("/refunds", async (c) => {
    const text = await c.req.text();
    const { chargeId } = JSON.parse(text) as { chargeId: string };
    return once(c.req.header("idempotency-key"), text, () => {
      const charge = charges.find((ch) => ch.id === chargeId);
      if (!charge) return { status: 404, json: { error: { code: "no_such_charge" } } };
      const refund = { id: `re_${refunds.length + 1}`, key: c.req.header("idempotency-key")!, chargeId, amountCents: charge.amountCents };
      refunds.push(refund);
      return { status: 201, json: refund };
    });
  });

  /** A lost answer: the charge is made, then the connection stays silent until the caller aborts. */
  async function fetch(request: Request): Promise<Response> {
    const response = await app.fetch(request);
    if (toLose > 0 && response.status === 201 && new URL(request.url).pathname === "/charges") {
      toLose -= 1;
      const { signal } = request;
      await new Promise((resolve) => (signal.aborted ? resolve(undefined) : signal.addEventListener("abort", resolve, { once: true })));
      throw signal.reason;
    }
    return response;
  }

  return { fetch, charges, refunds, keys, loseResponses: (n) => { toLose = n; } };
}
