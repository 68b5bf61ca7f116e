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

const MAX_NAME_LENGTH = 253;
const LABEL = /^[a-z0-9_-]{1,63}$/;

/**
 * Lowercases the name and drops one trailing dot: "WWW.Example.com." -> "www.example.com".
 * Throws DnsError INVALID_NAME for an empty name, an empty label ("a..b"), a label longer than
 * 63 characters or one with characters other than letters, digits, "-" and "_", and for names
 * longer than 253 characters.
 */
export function normalizeName(name: string): string {
  // DNS compares names case-insensitively (RFC 4343), and "example.com." (fully qualified)
  // and "example.com" mean the same name here.
  const normalized = name.toLowerCase().replace(/\.$/, "");
  const labels = normalized.split(".");
  if (normalized.length === 0 || normalized.length > MAX_NAME_LENGTH || !labels.every((l) => LABEL.test(l))) {
    throw new DnsError("INVALID_NAME", `invalid domain name ${JSON.stringify(name)}`);
  }
  return normalized;
}

interface CacheEntry {
  answer: Answer;
  /** Date.now() value from which on the entry is stale. */
  expiresAt: number;
}

/** A caching resolver over an in-memory zone table. */
export class Resolver {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly maxCnameChain: number;
  private readonly negativeTtl: number;

  /** `zone` is live: it may change between calls, so it is read on every cache miss. */
  constructor(
    private readonly zone: readonly ZoneRecord[],
    options: ResolverOptions = {},
  ) {
    this.maxCnameChain = options.maxCnameChain ?? 8;
    this.negativeTtl = options.negativeTtl ?? 30;
  }

  resolve(name: string, type: RecordType): Answer {
    const qname = normalizeName(name);
    const key = `${qname} ${type}`;
    const now = Date.now();

    const cached = this.cache.get(key);
    if (cached && now < cached.expiresAt) {
      // Report what is left, never the original TTL: whoever receives this answer may cache it
      // too, and must not keep it longer than we were allowed to.
      return copy(cached.answer, Math.floor((cached.expiresAt - now) / 1000));
    }
    this.cache.delete(key);

    const answer = this.lookup(qname, type);
    // TTL 0 means "use once, do not cache". Errors (thrown in lookup) are never cached.
    if (answer.ttl > 0) {
      this.cache.set(key, { answer, expiresAt: now + answer.ttl * 1000 });
    }
    return answer;
  }

  /** Walks the zone from `qname`, following CNAMEs, without touching the cache. */
  private lookup(qname: string, type: RecordType): Answer {
    const chain = [qname];
    // The answer can live no longer than the shortest-lived record it was built from.
    let ttl = Infinity;
    let current = qname;

    for (;;) {
      const records = this.zone.filter((r) => normalizeName(r.name) === current);
      const matching = records.filter((r) => r.type === type);
      if (matching.length > 0) {
        ttl = Math.min(ttl, ...matching.map((r) => r.ttl));
        const values = matching.map((r) => (type === "CNAME" ? normalizeName(r.value) : r.value));
        return { status: "NOERROR", name: qname, type, values, chain, ttl };
      }

      const cname = records.find((r) => r.type === "CNAME");
      if (!cname) {
        const status = records.length > 0 || this.hasDescendants(current) ? "NODATA" : "NXDOMAIN";
        return { status, name: qname, type, values: [], chain, ttl: Math.min(ttl, this.negativeTtl) };
      }

      // A CNAME says "this name is an alias; ask again for the target".
      const target = normalizeName(cname.value);
      if (chain.includes(target)) {
        throw new DnsError("CNAME_LOOP", `CNAME loop: ${[...chain, target].join(" -> ")}`);
      }
      if (chain.length > this.maxCnameChain) {
        // chain.length - 1 CNAMEs followed so far; this one would be one too many.
        throw new DnsError(
          "CHAIN_TOO_LONG",
          `more than ${this.maxCnameChain} CNAMEs to follow from ${qname}`,
        );
      }
      ttl = Math.min(ttl, cname.ttl);
      chain.push(target);
      current = target;
    }
  }

  /**
   * An "empty non-terminal": no records of its own, but names below it exist (a.b.example.com
   * makes b.example.com exist). Such a name answers NODATA, not NXDOMAIN (RFC 8020).
   */
  private hasDescendants(name: string): boolean {
    return this.zone.some((r) => normalizeName(r.name).endsWith(`.${name}`));
  }
}

/** A cache must hand out copies: a caller that edits its answer must not edit the cache. */
function copy(answer: Answer, ttl: number): Answer {
  return { ...answer, values: [...answer.values], chain: [...answer.chain], ttl };
}
