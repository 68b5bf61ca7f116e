import { TimeoutError } from "./errors";

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  baseMs: number;
  capMs: number;
  /** Per try. */
  timeoutMs: number;
  /** 0 ≤ x < 1; Math.random in production, fixed in tests. */
  random: () => number;
}

/** TODO: the delay before retry number `retry` (1, 2, …), with full jitter. */
export function backoffMs(retry: number, options: Pick<RetryOptions, "baseMs" | "capMs" | "random">): number {
  return options.baseMs * retry;
}

/** TODO: abort the request after timeoutMs and reject with a TimeoutError. */
export async function fetchWithTimeout(fetch: Fetch, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  void TimeoutError;
  void timeoutMs;
  return fetch(url, init);
}

/** TODO: retry an idempotent request on a transient failure, waiting backoffMs between tries. */
export async function fetchWithRetry(fetch: Fetch, url: string, init: RequestInit, options: RetryOptions): Promise<Response> {
  return fetchWithTimeout(fetch, url, init, options.timeoutMs);
}
