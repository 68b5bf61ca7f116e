export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface Route {
  /** Path prefix this route owns, e.g. "/users"; matched at a segment boundary, removed before forwarding. */
  prefix: string;
  /** Instances of the service, e.g. ["http://users-1", "http://users-2"], taken in turn. */
  upstreams: string[];
  /** true: the caller must send a known x-api-key. */
  auth?: boolean;
  /** Per try, in milliseconds (default 1000). */
  timeoutMs?: number;
}

export interface GatewayConfig {
  routes: Route[];
  /** API key → client id. */
  apiKeys: Record<string, string>;
  /** Addresses of the load balancers in front of the gateway, whose forwarding headers are believed. */
  trustedProxies: string[];
  /** Requests per client per window. */
  rateLimit: { limit: number; windowMs: number };
}

export interface GatewayOptions {
  /** The network's fetch, to reach the upstreams. */
  fetch: Fetch;
  /** Milliseconds since the epoch (default Date.now), for the rate limit. */
  now?: () => number;
}

/** What the server under the gateway knows of the connection: the peer's address. */
export type Bindings = { peer: string };

export type GatewayErrorCode = "NO_ROUTE" | "UNAUTHORIZED" | "RATE_LIMITED" | "UPSTREAM_UNAVAILABLE" | "UPSTREAM_TIMEOUT";

/** The gateway's own error answer: JSON { code }. */
export const gatewayError = (status: number, code: GatewayErrorCode, headers?: Record<string, string>) =>
  Response.json({ code }, { status, headers });
