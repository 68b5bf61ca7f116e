import { ServiceError, type Fetch } from "./types";

export interface CallOptions {
  body?: unknown;
  correlationId?: string;
  idempotencyKey?: string;
}

export interface ClientOptions {
  /** Per attempt, in milliseconds. */
  timeoutMs: number;
}

/**
 * A small HTTP client for calling another service: JSON in and out, a timeout per attempt,
 * one retry on TIMEOUT or UNAVAILABLE, and every failure as a ServiceError (see the README).
 */
export function createClient(fetch: Fetch, options: ClientOptions) {
  return {
    async call<T>(method: string, url: string, call: CallOptions = {}): Promise<T> {
      // TODO
      void fetch, options, method, url, call, ServiceError;
      throw new Error("not implemented: call");
    },
  };
}
