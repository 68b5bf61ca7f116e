import { Network, type RecordType, type Zone, type ZoneRecord } from "../servers";
import { DnsError, Resolver, type Answer } from "../resolver";

export const ROOT = "198.41.0.4";
export const COM = "192.5.6.30";
export const NET = "192.33.14.30";
export const EXAMPLE_1 = "192.0.2.53";
export const EXAMPLE_2 = "192.0.2.54";
export const CDN = "192.0.2.99";
export const LOOPY = "192.5.6.31";
export const LAME_GOOD = "192.0.2.80";

const r = (name: string, type: RecordType, value: string, ttl = 300): ZoneRecord => ({ name, type, value, ttl });

const root: Zone = {
  origin: ".",
  records: [
    r(".", "SOA", "a.root.test. nstld.root.test. 1 1800 900 604800 86400", 86400),
    r("com.", "NS", "a.gtld.test.", 172800),
    r("net.", "NS", "b.gtld.test.", 172800),
    r("a.gtld.test.", "A", COM, 172800),
    r("b.gtld.test.", "A", NET, 172800),
  ],
};

const com: Zone = {
  origin: "com",
  records: [
    r("com", "SOA", "a.gtld.test. nstld.gtld.test. 1 1800 900 604800 900", 900),
    r("example.com", "NS", "ns1.example.com", 3600),
    r("example.com", "NS", "ns2.example.com", 3600),
    r("ns1.example.com", "A", EXAMPLE_1, 3600),
    r("ns2.example.com", "A", EXAMPLE_2, 3600),
    r("loop.com", "NS", "ns.loop.com", 3600),
    r("ns.loop.com", "A", LOOPY, 3600),
    r("noglue.com", "NS", "ns.elsewhere.net", 3600),
    r("lame.com", "NS", "ns1.lame.com", 3600),
    r("lame.com", "NS", "ns2.lame.com", 3600),
    r("ns1.lame.com", "A", "203.0.113.1", 3600),
    r("ns2.lame.com", "A", LAME_GOOD, 3600),
    r("dead.com", "NS", "ns.dead.com", 3600),
    r("ns.dead.com", "A", "203.0.113.2", 3600),
  ],
};

/** A stale copy of "com" on the server that "loop.com" is delegated to: it refers loop.com to itself. */
const loopy: Zone = {
  origin: "com",
  records: [
    r("com", "SOA", "a.gtld.test. nstld.gtld.test. 1 1800 900 604800 900", 900),
    r("loop.com", "NS", "ns.loop.com", 3600),
    r("ns.loop.com", "A", LOOPY, 3600),
  ],
};

const example: Zone = {
  origin: "example.com.",
  records: [
    r("example.com", "SOA", "ns1.example.com. hostmaster.example.com. 2024010101 7200 3600 1209600 300", 3600),
    r("example.com", "NS", "ns1.example.com", 86400),
    r("example.com", "NS", "ns2.example.com", 86400),
    r("ns1.example.com", "A", EXAMPLE_1, 86400),
    r("ns2.example.com", "A", EXAMPLE_2, 86400),
    r("example.com", "MX", "10 mail.example.com.", 3600),
    r("example.com", "MX", "20 backup.example.com.", 3600),
    r("example.com", "TXT", "v=spf1 include:_spf.example.com -all", 3600),
    r("www.example.com", "A", "192.0.2.10", 300),
    r("www.example.com", "A", "192.0.2.11", 300),
    r("api.example.com", "A", "192.0.2.20", 120),
    r("api.example.com", "AAAA", "2001:db8::20", 120),
    r("now.example.com", "A", "192.0.2.30", 0),
    r("db.internal.example.com", "A", "10.0.0.5", 300),
    r("shop.example.com", "CNAME", "Shop.CDN.net.", 3600),
    r("loop-a.example.com", "CNAME", "loop-b.example.com", 300),
    r("loop-b.example.com", "CNAME", "LOOP-A.example.com.", 300),
    r("c1.example.com", "CNAME", "c2.example.com", 300),
    r("c2.example.com", "CNAME", "c3.example.com", 300),
    r("c3.example.com", "CNAME", "c4.example.com", 300),
    r("c4.example.com", "A", "192.0.2.44", 300),
    r("old.example.com", "CNAME", "retired.cdn.net", 3600),
    r("brief.example.com", "CNAME", "gone.example.com", 30),
  ],
};

const net: Zone = {
  origin: "net",
  records: [
    r("net", "SOA", "b.gtld.test. nstld.gtld.test. 1 1800 900 604800 900", 900),
    r("cdn.net", "NS", "ns.cdn.net", 3600),
    r("ns.cdn.net", "A", CDN, 3600),
  ],
};

/** The CDN keeps its SOA TTL (60) below its MINIMUM field (600). */
const cdn: Zone = {
  origin: "cdn.net",
  records: [
    r("cdn.net", "SOA", "ns.cdn.net. ops.cdn.net. 7 300 60 86400 600", 60),
    r("shop.cdn.net", "CNAME", "edge-7.cdn.net", 60),
    r("edge-7.cdn.net", "A", "198.51.100.7", 300),
    r("edge-7.cdn.net", "A", "198.51.100.8", 300),
  ],
};

export interface World {
  network: Network;
  resolver: Resolver;
  clock: { now: number };
  /** Queries sent since the last call. */
  sent(): string[];
}

export function world(options: { maxCnameChain?: number; rootServers?: string[] } = {}): World {
  const network = new Network({
    [ROOT]: root,
    [COM]: com,
    [NET]: net,
    [EXAMPLE_1]: example,
    [EXAMPLE_2]: example,
    [CDN]: cdn,
    [LOOPY]: loopy,
    [LAME_GOOD]: { origin: "lame.com", records: [r("lame.com", "SOA", "ns2.lame.com. h.lame.com. 1 1 1 1 60", 60), r("www.lame.com", "A", "192.0.2.81")] },
  });
  const clock = { now: 1_700_000_000 };
  const resolver = new Resolver({
    network,
    rootServers: options.rootServers ?? [ROOT],
    now: () => clock.now,
    maxCnameChain: options.maxCnameChain,
  });
  let seen = 0;
  return {
    network,
    resolver,
    clock,
    sent() {
      const fresh = network.log.slice(seen).map((q) => `${q.server} ${q.name} ${q.type}`);
      seen = network.log.length;
      return fresh;
    },
  };
}

/** What resolve() did, as a plain value, so a failed assertion shows what happened. */
export function outcome(w: World, name: string, type: RecordType): Answer | string {
  try {
    return w.resolver.resolve(name, type);
  } catch (error) {
    if (error instanceof DnsError) return `DnsError ${error.code}`;
    return `threw something that is not a DnsError: ${String(error)}`;
  }
}
