/**
 * The client for the payment provider. A call that timed out may still have charged the card, so
 * every attempt for one payment carries the same Idempotency-Key: the provider then charges once.
 */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export type PaymentErrorCode = "DECLINED" | "UNAVAILABLE";

export class PaymentError extends Error {
  constructor(readonly code: PaymentErrorCode, message: string) {
    super(message);
    this.name = "PaymentError";
  }
}

export interface CallOptions {
  fetch: Fetch;
  /** Same key on every attempt of one logical operation. */
  idempotencyKey: string;
  /** Per attempt; an attempt that takes longer is abandoned and retried. */
  timeoutMs: number;
  /** Attempts in total, the first included. */
  attempts?: number;
}

/** POSTs `body` to the provider until it answers: 2xx → its JSON; 402 → DECLINED; timeouts, refusals and 5xx → retried, then UNAVAILABLE. */
export async function callProvider<T>(path: string, body: unknown, options: CallOptions): Promise<T> {
  // TODO: up to `attempts` (default 3) POSTs to `http://payments${path}` with a JSON body and the
  // Idempotency-Key header, each aborted after `timeoutMs` (AbortController + setTimeout).
  // A rejected fetch (TypeError, or the abort) and a 5xx are worth another attempt; a 402 is not.
  throw new Error("not implemented: callProvider");
}

export function charge(amountCents: number, card: string, options: CallOptions): Promise<{ id: string }> {
  return callProvider("/charges", { amountCents, card }, options);
}

export function refund(chargeId: string, options: CallOptions): Promise<{ id: string }> {
  return callProvider("/refunds", { chargeId }, options);
}
