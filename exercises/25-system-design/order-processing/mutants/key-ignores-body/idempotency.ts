/**
 * Idempotency keys, Stripe-style: the first request with a key runs and its response is stored;
 * a repeat with the same body gets that response again, a repeat with another body is an error,
 * and a repeat while the first is still running is told to wait. Keys belong to one client.
 */
import type { Queryable } from "./ledger";

export type Claim =
  | { kind: "new" }
  | { kind: "replay"; status: number; body: unknown }
  | { kind: "mismatch" }
  | { kind: "in-progress" };

/** The body as a string that does not depend on the order its fields were sent in. */
export function canonical(body: Record<string, unknown>): string {
  return JSON.stringify(body, Object.keys(body).sort());
}

/** Takes the key for this request, or says why it is taken. The INSERT decides races: one caller wins. */
export async function claim(db: Queryable, clientId: string, key: string, request: string): Promise<Claim> {
  const inserted = await db.query(
    "INSERT INTO idempotency_keys (client_id, key, request) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key",
    [clientId, key, request],
  );
  if (inserted.rows.length === 1) return { kind: "new" };
  const { rows } = await db.query<{ request: string; response_status: number | null; response_body: unknown }>(
    "SELECT request, response_status, response_body FROM idempotency_keys WHERE client_id = $1 AND key = $2",
    [clientId, key],
  );
  const seen = rows[0]!;
  if (seen.response_status === null) return { kind: "in-progress" };
  return { kind: "replay", status: seen.response_status, body: seen.response_body };
}

/** Stores the response the first request gave, for every later repeat. */
export async function complete(db: Queryable, clientId: string, key: string, status: number, body: unknown): Promise<void> {
  await db.query("UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE client_id = $1 AND key = $2", [
    clientId,
    key,
    status,
    JSON.stringify(body),
  ]);
}

/** Frees a key whose request failed before it changed anything, so the client may try again. */
export async function release(db: Queryable, clientId: string, key: string): Promise<void> {
  await db.query("DELETE FROM idempotency_keys WHERE client_id = $1 AND key = $2 AND response_status IS NULL", [clientId, key]);
}
