import { Hono } from "hono";
import { CORRELATION_HEADER } from "./types";

/**
 * The payments service (read-only: it stands in for a provider you do not own).
 * POST /charges { orderId, amountCents, card } with an Idempotency-Key header:
 *   card "tok_ok" → 201 { chargeId, orderId, amountCents }; any other card → 402 { code: "CARD_DECLINED" }.
 * A repeated Idempotency-Key gets the first answer again and charges nothing more.
 */
export function createPayments() {
  const answers = new Map<string, { status: 201 | 402; body: object }>();
  const charges: { chargeId: string; orderId: string; amountCents: number }[] = [];
  const correlationIds: (string | null)[] = [];
  const app = new Hono();

  app.post("/charges", async (c) => {
    correlationIds.push(c.req.header(CORRELATION_HEADER) ?? null);
    const key = c.req.header("idempotency-key");
    if (!key) return c.json({ code: "IDEMPOTENCY_KEY_REQUIRED" }, 400);
    const seen = answers.get(key);
    if (seen) return c.json(seen.body, seen.status);
    const { orderId, amountCents, card } = await c.req.json<{ orderId: string; amountCents: number; card: string }>();
    let answer: { status: 201 | 402; body: object };
    if (card === "tok_ok") {
      const charge = { chargeId: `ch_${charges.length + 1}`, orderId, amountCents };
      charges.push(charge);
      answer = { status: 201, body: charge };
    } else {
      answer = { status: 402, body: { code: "CARD_DECLINED" } };
    }
    answers.set(key, answer);
    return c.json(answer.body, answer.status);
  });

  return { app, charges, correlationIds };
}
