import { CORRELATION_HEADER, ServiceError, type Fetch } from "./types";

export interface CallOptions {
  body?: unknown;
  correlationId?: string;
  idempotencyKey?: string;
}

export interface ClientOptions {
  /** Per attempt, in milliseconds. */
  timeoutMs: number;
}

const retryable = (error: unknown) =>
  error instanceof ServiceError && (error.code === "TIMEOUT" || error.code === "UNAVAILABLE");

export function createClient(fetch: Fetch, options: ClientOptions) {
  async function attempt<T>(method: string, url: string, call: CallOptions): Promise<T> {
    const headers = new Headers();
    if (call.body !== undefined) headers.set("content-type", "application/json");
    if (call.correlationId) headers.set(CORRELATION_HEADER, call.correlationId);
    if (call.idempotencyKey) headers.set("idempotency-key", call.idempotencyKey);
    // A setTimeout of our own, not AbortSignal.timeout(): one clock for the whole service.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: controller.signal,
      });
    } catch {
      throw new ServiceError(controller.signal.aborted ? "TIMEOUT" : "UNAVAILABLE");
    } finally {
      clearTimeout(timer);
    }
    if (response.status >= 500) throw new ServiceError("UNAVAILABLE", response.status);
    const text = await response.text();
    if (response.status >= 400) {
      let code: unknown;
      try {
        code = (JSON.parse(text) as { code?: unknown }).code;
      } catch {
        // Not JSON (a proxy's HTML error page, say): no code to pass on.
      }
      throw new ServiceError(typeof code === "string" ? code : "REMOTE_ERROR", response.status);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    async call<T>(method: string, url: string, call: CallOptions = {}): Promise<T> {
      try {
        return await attempt<T>(method, url, call);
      } catch (error) {
        // Every call this service makes is idempotent (GET, DELETE, or keyed by order id),
        // so a second try cannot do the work twice. A 4xx will not get better: no retry.
        return attempt<T>(method, url, call);
      }
    },
  };
}
