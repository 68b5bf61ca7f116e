import type { Network, RecordType, Reply, ZoneRecord } from "./servers";

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

export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  const bare = lower.endsWith(".") ? lower.slice(0, -1) : lower;
  if (bare !== "" && bare.split(".").some((label) => label === "")) {
    throw new DnsError("BAD_NAME", `"${name}" has an empty label`);
  }
  return bare;
}

/** RFC 2308 §5: a negative answer lives for the smaller of the SOA's own TTL and its MINIMUM field. */
function negativeTtl(soa: ZoneRecord): number {
  const minimum = Number(soa.value.trim().split(/\s+/)[6]);
  return Math.min(soa.ttl, minimum);
}

interface Cached<T> {
  expires: number;
  value: T;
}

type Final = Extract<Reply, { kind: "answer" | "nxdomain" | "nodata" }>;

export class Resolver {
  private readonly answers = new Map<string, Cached<Answer>>();
  private readonly negatives = new Map<string, Cached<"NXDOMAIN" | "NODATA">>();
  private readonly missingNames = new Map<string, Cached<true>>();
  private readonly delegations = new Map<string, Cached<string[]>>();
  private readonly maxCnameChain: number;

  constructor(private readonly options: ResolverOptions) {
    this.maxCnameChain = options.maxCnameChain ?? DEFAULT_MAX_CNAME_CHAIN;
  }

  resolve(name: string, type: RecordType): Answer {
    const qname = normalizeName(name);
    const key = `${qname} ${type}`;
    const now = this.options.now();
    const hit = fresh(this.answers.get(key), now);
    if (hit) return { ...hit.value, ttl: hit.expires - now, chain: [...hit.value.chain], values: [...hit.value.values] };
    if (fresh(this.missingNames.get(qname), now)) throw new DnsError("NXDOMAIN", `${qname} does not exist (cached)`);
    const negative = fresh(this.negatives.get(key), now);
    if (negative) throw new DnsError(negative.value, `${qname} ${type}: ${negative.value} (cached)`);

    const chain: string[] = [];
    let current = qname;
    let ttl = Infinity;
    for (;;) {
      const reply = this.iterate(current, type);
      if (reply.kind === "answer" && reply.records[0].type === "CNAME" && type !== "CNAME") {
        
        current = normalizeName(reply.records[0].value);
        chain.push(current);
        if (chain.length > this.maxCnameChain) {
          throw new DnsError("SERVFAIL", `${qname}: more than ${this.maxCnameChain} CNAMEs (a loop?)`);
        }
        continue;
      }
      if (reply.kind === "answer") {
        ttl = Math.min(ttl, ...reply.records.map((r) => r.ttl));
        const answer: Answer = { name: qname, type, ttl, chain, values: reply.records.map((r) => r.value) };
        if (ttl > 0) this.answers.set(key, { expires: now + ttl, value: answer });
        return { ...answer, chain: [...chain], values: [...answer.values] };
      }
      const code = reply.kind === "nxdomain" ? "NXDOMAIN" : "NODATA";
      const soaTtl = negativeTtl(reply.soa);
      // NXDOMAIN says the name has no records of any type, so it covers every later query for it.
      if (code === "NXDOMAIN" && soaTtl > 0) this.missingNames.set(current, { expires: now + soaTtl, value: true });
      const queryTtl = Math.min(ttl, soaTtl);
      if (queryTtl > 0) this.negatives.set(key, { expires: now + queryTtl, value: code });
      throw new DnsError(code, `${qname} ${type}: ${code}`);
    }
  }

  /** One name, no CNAME following: from the closest known servers down to the authoritative ones. */
  private iterate(name: string, type: RecordType): Final {
    const now = this.options.now();
    let zone = "";
    let servers = this.options.rootServers;
    for (const ancestor of ancestors(name)) {
      const known = fresh(this.delegations.get(ancestor), now);
      if (known) {
        zone = ancestor;
        servers = known.value;
        break;
      }
    }
    for (;;) {
      const reply = this.ask(servers, name, type);
      if (reply.kind !== "referral") return reply;
      // A referral must lead strictly closer to the name, or two servers can bounce us forever.
      if (!isBelow(reply.zone, zone) || !(name === reply.zone || name.endsWith(`.${reply.zone}`))) {
        throw new DnsError("SERVFAIL", `${name}: referral from "${zone}" to "${reply.zone}" does not lead down`);
      }
      const addresses = reply.glue.map((r) => r.value);
      if (addresses.length === 0) throw new DnsError("SERVFAIL", `${name}: referral to ${reply.zone} without glue`);
      const ttl = Math.min(...reply.ns.map((r) => r.ttl));
      if (ttl > 0) this.delegations.set(reply.zone, { expires: now + ttl, value: addresses });
      zone = reply.zone;
      servers = addresses;
    }
  }

  private ask(servers: string[], name: string, type: RecordType): Exclude<Reply, { kind: "refused" | "unreachable" }> {
    for (const server of servers) {
      const reply = this.options.network.send(server, name, type);
      if (reply.kind !== "refused" && reply.kind !== "unreachable") return reply;
    }
    throw new DnsError("SERVFAIL", `${name}: no server of [${servers.join(", ")}] answered`);
  }
}

function fresh<T>(entry: Cached<T> | undefined, now: number): Cached<T> | undefined {
  return entry && entry.expires > now ? entry : undefined;
}

/** "a.b.c" → ["a.b.c", "b.c", "c"]: the name and every zone that could hold it, deepest first. */
function ancestors(name: string): string[] {
  const labels = name === "" ? [] : name.split(".");
  return labels.map((_, i) => labels.slice(i).join("."));
}

function isBelow(child: string, parent: string): boolean {
  return child !== parent && (parent === "" || child.endsWith(`.${parent}`));
}
