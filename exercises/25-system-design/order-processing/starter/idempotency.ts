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

/** Takes the key for this request, or says why it is taken. */
export async function claim(db: Queryable, clientId: string, key: string, request: string): Promise<Claim> {
  // TODO: let one INSERT into idempotency_keys decide (two requests may race here). If the row
  // was already there, compare its `request`, then look at `response_status` (NULL: still running).
  throw new Error("not implemented: claim");
}

/** Stores the response the first request gave, for every later repeat. */
export async function complete(db: Queryable, clientId: string, key: string, status: number, body: unknown): Promise<void> {
  throw new Error("not implemented: complete");
}

/** Frees a key whose request failed before it changed anything, so the client may try again. */
export async function release(db: Queryable, clientId: string, key: string): Promise<void> {
  throw new Error("not implemented: release");
}
