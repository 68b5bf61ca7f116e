import type { Network, RecordType } from "./servers";

export type DnsErrorCode = "NXDOMAIN" | "NODATA" | "SERVFAIL" | "BAD_NAME";

export class DnsError extends Error {
  readonly code: DnsErrorCode;
  constructor(code: DnsErrorCode, message: string) {
    super(message);
    this.name = "DnsError";
    this.code = code;
  }
}

export interface Answer {
  /** The query name, normalised. */
  name: string;
  type: RecordType;
  /** Seconds this answer may still be used: the smallest TTL along the chain, counting down. */
  ttl: number;
  /** Every CNAME target followed, normalised, in order. */
  chain: string[];
  /** The final records' values, in the order the server sent them. */
  values: string[];
}

export interface ResolverOptions {
  network: Network;
  /** Addresses of the root servers, tried in order. */
  rootServers: string[];
  /** The current time in whole seconds. */
  now: () => number;
  maxCnameChain?: number;
}

export const DEFAULT_MAX_CNAME_CHAIN = 8;

/** Lower case, one trailing dot dropped; a name with an empty label ("a..b") is BAD_NAME. */
export function normalizeName(name: string): string {
  // TODO
  throw new Error("not implemented: normalizeName");
}

export class Resolver {
  constructor(private readonly options: ResolverOptions) {
    // TODO: set up the answer, negative and delegation caches.
  }

  /**
   * TODO: answer from the cache, or walk from the root servers (or the closest cached delegation)
   * through referrals to the authoritative server, following CNAMEs. See README.md, "Your task".
   */
  resolve(name: string, type: RecordType): Answer {
    throw new Error("not implemented: resolve");
  }
}
