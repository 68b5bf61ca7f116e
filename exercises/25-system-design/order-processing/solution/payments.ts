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
  const { fetch, idempotencyKey, timeoutMs, attempts = 3 } = options;
  let last = "no attempt";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException("timed out", "TimeoutError")), timeoutMs);
    try {
      const res = await fetch(`http://payments${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      if (res.ok) return (await res.json()) as T;
      if (res.status === 402) throw new PaymentError("DECLINED", `the provider declined ${path}`);
      if (res.status < 500) throw new Error(`the provider refused ${path} with ${res.status}: ${await res.text()}`);
      last = `status ${res.status}`;
    } catch (error) {
      if (error instanceof PaymentError || !(error instanceof TypeError || controller.signal.aborted)) throw error;
      last = controller.signal.aborted ? `no answer in ${timeoutMs} ms` : (error as Error).message;
    } finally {
      clearTimeout(timer);
    }
  }
  throw new PaymentError("UNAVAILABLE", `${path}: ${last} after ${attempts} attempts`);
}

export function charge(amountCents: number, card: string, options: CallOptions): Promise<{ id: string }> {
  return callProvider("/charges", { amountCents, card }, options);
}

export function refund(chargeId: string, options: CallOptions): Promise<{ id: string }> {
  return callProvider("/refunds", { chargeId }, options);
}
