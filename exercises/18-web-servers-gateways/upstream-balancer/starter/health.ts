import type { Balancer, Fetch } from "./types";

export interface HealthCheckOptions {
  /** Path requested on each server (default "/health"). */
  path?: string;
  /** A check that takes longer fails (default 1000). */
  timeoutMs?: number;
}

/** One round of active checks: GET <server><path> on every server at once; 2xx or 3xx passes. */
export async function checkHealth(balancer: Balancer, servers: string[], fetch: Fetch, { path = "/health", timeoutMs = 1000 }: HealthCheckOptions = {}): Promise<void> {
  // TODO: report each result with balancer.checked(server, healthy).
  void balancer, servers, fetch, path, timeoutMs;
  throw new Error("not implemented: checkHealth");
}
