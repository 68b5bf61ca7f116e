export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** One `server` line of an nginx `upstream` block. */
export interface Server {
  /** Base URL, e.g. "http://app-1". */
  name: string;
  /** weight= (default 1). */
  weight?: number;
  /** max_fails= (default 1); 0 turns failure accounting off. */
  maxFails?: number;
  /** fail_timeout= in milliseconds (default 10000). */
  failTimeoutMs?: number;
  /** backup: used only while no primary server is available. */
  backup?: boolean;
  /** down: never used. */
  down?: boolean;
}

export interface BalancerOptions {
  servers: Server[];
  /** "round_robin" (nginx's default, smooth weighted) or "least_conn". */
  method?: "round_robin" | "least_conn";
  /** Consecutive failed checks that make a server unhealthy, and passed ones that bring it back (default 1 and 1). */
  healthCheck?: { fails?: number; passes?: number };
  /** Milliseconds (default Date.now). */
  now?: () => number;
}

export interface Balancer {
  /** The server for the next request (one more active connection on it), or null when none is available. */
  pick(): string | null;
  /** The request sent to `name` ended; `ok: false` means it failed (an error or a timeout). */
  done(name: string, ok: boolean): void;
  /** The result of one active health check of `name`. */
  checked(name: string, healthy: boolean): void;
}
