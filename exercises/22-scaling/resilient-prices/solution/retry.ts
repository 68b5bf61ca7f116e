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

// RFC 9110 §9.2.2: repeating these has the same effect as sending them once.
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
const RETRIABLE_STATUS = new Set([429, 502, 503, 504]);

/** Full jitter: anywhere from 0 to the capped exponential step, so clients that failed together spread out. */
export function backoffMs(retry: number, options: Pick<RetryOptions, "baseMs" | "capMs" | "random">): number {
  return options.random() * Math.min(options.capMs, options.baseMs * 2 ** (retry - 1));
}

export async function fetchWithTimeout(fetch: Fetch, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutError(timeoutMs)), timeoutMs);
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
  }
}

function retriable(outcome: Response | unknown): boolean {
  if (outcome instanceof Response) return RETRIABLE_STATUS.has(outcome.status);
  // A refused or reset connection (fetch's TypeError) or our own timeout.
  return outcome instanceof TypeError || outcome instanceof TimeoutError;
}

/** Retries an idempotent request on a transient failure; resolves with the last Response or rejects with the last error. */
export async function fetchWithRetry(fetch: Fetch, url: string, init: RequestInit, options: RetryOptions): Promise<Response> {
  const tries = IDEMPOTENT.has((init.method ?? "GET").toUpperCase()) ? options.attempts : 1;
  for (let attempt = 1; ; attempt++) {
    let outcome: Response | unknown;
    try {
      outcome = await fetchWithTimeout(fetch, url, init, options.timeoutMs);
    } catch (error) {
      outcome = error;
    }
    if (attempt >= tries || !retriable(outcome)) {
      if (outcome instanceof Response) return outcome;
      throw outcome;
    }
    await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt, options)));
  }
}
