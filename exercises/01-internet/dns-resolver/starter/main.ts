/** The record types this resolver knows. */
export type RecordType = "A" | "AAAA" | "CNAME";

/** One resource record in the zone table. */
export interface ZoneRecord {
  /** Owner name, in any case, with or without a trailing dot: "WWW.Example.com." */
  name: string;
  type: RecordType;
  /** An IPv4 address (A), an IPv6 address (AAAA) or the target name (CNAME). */
  value: string;
  /** Time to live in seconds: how long a resolver may reuse this record. */
  ttl: number;
}

/**
 * NOERROR: values found. NODATA: the name exists but has no records of that type.
 * NXDOMAIN: the name does not exist at all.
 */
export type Status = "NOERROR" | "NODATA" | "NXDOMAIN";

export interface Answer {
  status: Status;
  /** The query name, normalised: lowercase, no trailing dot. */
  name: string;
  type: RecordType;
  /** Record values in zone order (CNAME targets normalised); [] unless status is NOERROR. */
  values: string[];
  /** Every name visited, normalised: the query name first, then each CNAME target. */
  chain: string[];
  /** Seconds this answer may still be cached (counts down for cached answers). */
  ttl: number;
}

export interface ResolverOptions {
  /** Most CNAME records one query may follow. Default 8. */
  maxCnameChain?: number;
  /** How long, in seconds, NXDOMAIN and NODATA answers are cached. Default 30. */
  negativeTtl?: number;
}

export type DnsErrorCode = "INVALID_NAME" | "CNAME_LOOP" | "CHAIN_TOO_LONG";

/** A query that cannot be answered: a bad name or a broken zone (a real server says SERVFAIL). */
export class DnsError extends Error {
  constructor(
    readonly code: DnsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DnsError";
  }
}

/**
 * Lowercases the name and drops one trailing dot: "WWW.Example.com." -> "www.example.com".
 * Throws DnsError INVALID_NAME for an empty name, an empty label ("a..b"), a label longer than
 * 63 characters or one with characters other than letters, digits, "-" and "_", and for names
 * longer than 253 characters.
 */
export function normalizeName(name: string): string {
  // TODO 1: lowercase, remove ONE trailing dot, split into labels and check each one.
  throw new Error("TODO: implement normalizeName");
}

/** A caching resolver over an in-memory zone table. */
export class Resolver {
  /**
   * `zone` is live: records may be added, replaced or removed between calls (like an operator
   * editing the zone). Read it on every cache miss; do not copy or index it here.
   */
  constructor(
    private readonly zone: readonly ZoneRecord[],
    options: ResolverOptions = {},
  ) {
    // TODO 2: remember the options with their defaults (maxCnameChain 8, negativeTtl 30),
    //         and create the cache (a Map from "name type" to { answer, expiresAt } works well).
  }

  /**
   * Answers one query, from the cache while the cached answer is fresh, otherwise from the zone.
   * Throws DnsError: INVALID_NAME (bad name), CNAME_LOOP, CHAIN_TOO_LONG. Errors are not cached.
   */
  resolve(name: string, type: RecordType): Answer {
    // TODO 3: normalise the name and look in the cache (fresh while Date.now() < expiresAt);
    //         a hit returns a copy whose ttl is the remaining whole seconds.
    // TODO 4: on a miss, walk the zone: records of the asked type → NOERROR; otherwise a CNAME
    //         → follow it (loop? too long?); otherwise NODATA or NXDOMAIN.
    // TODO 5: the answer's ttl is the smallest TTL along the chain (negativeTtl counts for
    //         NODATA/NXDOMAIN). Cache a copy unless the ttl is 0.
    throw new Error("TODO: implement resolve");
  }
}
