import type { Delivery, FailReason, RetryOptions } from "./types";

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type SendOutcome =
  | { ok: true; attempts: number }
  | { ok: false; attempts: number; reason: FailReason; status?: number };

/**
 * POSTs one delivery to http://<channel>/send with body {"to", "body"} and an Idempotency-Key
 * header of delivery.id. 2xx: sent. 5xx, 429, a timeout or a refused connection: retry after
 * baseMs × 2^(n−1), up to retry.attempts tries in all. Any other status: PROVIDER_REJECTED at once.
 */
export async function send(fetch: Fetch, delivery: Delivery, retry: RetryOptions): Promise<SendOutcome> {
  // TODO
  throw new Error("not implemented: send");
}
