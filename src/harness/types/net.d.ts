/**
 * What the editor knows about `@roadlab/net` (src/harness/net.ts), for Monaco as
 * node_modules/@roadlab/net/index.d.ts.
 */
export type Handler = (request: Request) => Response | Promise<Response>;

export interface Faults {
  /** Milliseconds added before the handler runs, on setTimeout (fake timers drive it). */
  latencyMs?: number;
  /** Share of requests, 0–1, answered with `errorStatus` (default 503), drawn from a seeded generator. */
  errorRate?: number;
  errorStatus?: number;
  /** Connection refused: fetch rejects with a TypeError. */
  down?: boolean;
  /** Never answers; only the caller's AbortSignal ends the request. */
  hang?: boolean;
}

export interface Exchange {
  method: string;
  url: string;
  status?: number;
  /** "down", "aborted", "hang" or the handler's error message. */
  error?: string;
}

export interface Network {
  /** Routes http://<name>/… to `handler` (a Hono app's `fetch` fits). */
  serve(name: string, handler: Handler): void;
  unserve(name: string): void;
  /** Replaces the faults for `name`; `{}` clears them. */
  faults(name: string, faults: Faults): void;
  /** A web-standard fetch that reaches only the services served here. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Every request sent to `name`, oldest first. */
  requests(name: string): readonly Exchange[];
}

/** A fresh network with no services; `seed` fixes the error-rate draws (default 1). */
export function createNetwork(options?: { seed?: number }): Network;
