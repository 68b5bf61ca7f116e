import type { Delivery, FailReason, RetryOptions } from "./types";

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type SendOutcome =
  | { ok: true; attempts: number }
  | { ok: false; attempts: number; reason: FailReason; status?: number };

/** The wait before retry number `retry` (1 for the first retry). */
export function backoffMs(retry: number, baseMs: number): number {
  return baseMs * 2 ** (retry - 1);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Worth another try: the provider or the path to it had a bad moment. */
const transient = (status: number) => status >= 400;

/**
 * POSTs one delivery to http://<channel>/send. The Idempotency-Key stays the same on every try,
 * so a try that timed out after the provider had already sent it does not reach the user twice.
 */
export async function send(fetch: Fetch, delivery: Delivery, retry: RetryOptions): Promise<SendOutcome> {
  for (let attempt = 1; ; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), retry.timeoutMs);
    try {
      const response = await fetch(`http://${delivery.channel}/send`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": delivery.id },
        body: JSON.stringify({ to: delivery.to, body: delivery.body }),
        signal: controller.signal,
      });
      if (response.ok) return { ok: true, attempts: attempt };
      if (!transient(response.status)) return { ok: false, attempts: attempt, reason: "PROVIDER_REJECTED", status: response.status };
    } catch {
      // A timeout or a refused connection: transient too.
    } finally {
      clearTimeout(timer);
    }
    if (attempt >= retry.attempts) return { ok: false, attempts: attempt, reason: "RETRIES_EXHAUSTED" };
    await sleep(backoffMs(attempt, retry.baseMs));
  }
}
