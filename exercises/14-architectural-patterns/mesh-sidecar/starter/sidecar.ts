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

export function createSidecar(options: SidecarOptions) {
  // TODO: see the README. meshError() builds the sidecar's own error answers.
  void options, meshError, IDEMPOTENT;
  return {
    async inbound(request: Request): Promise<Response> {
      void request;
      throw new Error("not implemented: inbound");
    },
    async outbound(url: string, init: RequestInit = {}): Promise<Response> {
      void url, init;
      throw new Error("not implemented: outbound");
    },
  };
}
