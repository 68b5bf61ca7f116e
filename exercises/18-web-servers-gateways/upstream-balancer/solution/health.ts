import type { Balancer, Fetch } from "./types";

export interface HealthCheckOptions {
  /** Path requested on each server (default "/health"). */
  path?: string;
  /** A check that takes longer fails (default 1000). */
  timeoutMs?: number;
}

/** One round of active checks: GET <server><path> on every server at once; 2xx or 3xx passes. */
export async function checkHealth(balancer: Balancer, servers: string[], fetch: Fetch, { path = "/health", timeoutMs = 1000 }: HealthCheckOptions = {}): Promise<void> {
  await Promise.all(
    servers.map(async (server) => {
      let healthy = false;
      try {
        const res = await fetch(server + path, { signal: AbortSignal.timeout(timeoutMs) });
        healthy = res.status >= 200 && res.status < 400;
      } catch {
        healthy = false;
      }
      balancer.checked(server, healthy);
    }),
  );
}
