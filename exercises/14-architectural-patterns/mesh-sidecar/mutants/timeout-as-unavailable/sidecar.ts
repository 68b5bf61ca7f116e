export type Handler = (request: Request) => Response | Promise<Response>;
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface SidecarOptions {
  /** This workload's service account, e.g. "orders". */
  name: string;
  /** The application this sidecar sits in front of. */
  app: Handler;
  /** The network's fetch, for outbound calls. */
  fetch: Fetch;
  /** Callers allowed in (their service account names). */
  allow: string[];
  /** Per try, in milliseconds (default 1000). */
  perTryTimeoutMs?: number;
  /** Extra tries after the first (default 2). */
  retries?: number;
}

export const IDENTITY_HEADER = "x-mesh-identity";
const TRUST_DOMAIN = "spiffe://cluster.local/ns/shop/sa/";
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE"]);

const meshError = (status: number, code: string) => Response.json({ code }, { status });

export function spiffeId(name: string): string {
  return TRUST_DOMAIN + name;
}

/** The caller's name, or undefined unless the id is exactly one of our trust domain. */
function callerOf(identity: string | null): string | undefined {
  if (!identity?.startsWith(TRUST_DOMAIN)) return undefined;
  const name = identity.slice(TRUST_DOMAIN.length);
  return /^[a-z0-9-]+$/.test(name) ? name : undefined;
}

export function createSidecar(options: SidecarOptions) {
  const { name, app, allow, fetch, perTryTimeoutMs = 1000, retries = 2 } = options;

  async function inbound(request: Request): Promise<Response> {
    const caller = callerOf(request.headers.get(IDENTITY_HEADER));
    if (!caller || !allow.includes(caller)) return meshError(403, "RBAC_DENIED");
    const response = await app(request);
    const served = new Response(response.body, response);
    served.headers.set("x-served-by", name);
    return served;
  }

  async function attempt(url: string, init: RequestInit, headers: Headers): Promise<Response | "refused" | "timeout"> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), perTryTimeoutMs);
    try {
      return await fetch(url, { ...init, headers, signal: controller.signal });
    } catch {
      return controller.signal.aborted ? "timeout" : "refused";
    } finally {
      clearTimeout(timer);
    }
  }

  /** What the app calls instead of fetch: identity, per-try timeout and retries are the mesh's job. */
  async function outbound(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    // The app cannot claim to be someone else: the sidecar's identity always wins.
    headers.set(IDENTITY_HEADER, spiffeId(name));
    const method = (init.method ?? "GET").toUpperCase();
    const tries = IDEMPOTENT.has(method) ? retries + 1 : 1;
    let last: Response | "refused" | "timeout" = "refused";
    for (let i = 0; i < tries; i++) {
      last = await attempt(url, init, headers);
      if (last instanceof Response && last.status !== 503) return last;
    }
    if (last === "timeout") return meshError(503, "UPSTREAM_UNAVAILABLE");
    if (last === "refused") return meshError(503, "UPSTREAM_UNAVAILABLE");
    return last;
  }

  return { inbound, outbound };
}
