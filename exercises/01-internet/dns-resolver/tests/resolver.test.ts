import { describe, it, expect, vi, beforeEach, afterEach } from "vitest";
import { Resolver, DnsError, normalizeName, type ZoneRecord, type RecordType } from "../main";

function a(name: string, value: string, ttl = 300): ZoneRecord {
  return { name, type: "A", value, ttl };
}
function aaaa(name: string, value: string, ttl = 300): ZoneRecord {
  return { name, type: "AAAA", value, ttl };
}
function cname(name: string, value: string, ttl = 300): ZoneRecord {
  return { name, type: "CNAME", value, ttl };
}

/** What resolve() did, as a plain value, so a failed assertion shows what really happened. */
function outcome(resolver: Resolver, name: string, type: RecordType): unknown {
  try {
    return resolver.resolve(name, type);
  } catch (error) {
    if (error instanceof DnsError) return `DnsError ${error.code}: ${error.message}`;
    return `threw something that is not a DnsError: ${String(error)}`;
  }
}

/** Matches the outcome of a query that threw a DnsError with this code. */
function dnsError(code: string) {
  return expect.stringMatching(new RegExp(`^DnsError ${code}: `));
}

const START = new Date("2030-01-01T00:00:00Z");

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("answers from the zone", () => {
  it("answers an A query with every matching record, in zone order, and their smallest TTL", () => {
    const zone = [
      a("api.example.com", "192.0.2.10", 300),
      aaaa("api.example.com", "2001:db8::10"),
      a("api.example.com", "192.0.2.11", 120),
      a("www.example.com", "192.0.2.99"),
    ];
    const resolver = new Resolver(zone);
    expect(resolver.resolve("api.example.com", "A")).toEqual({
      status: "NOERROR",
      name: "api.example.com",
      type: "A",
      values: ["192.0.2.10", "192.0.2.11"],
      chain: ["api.example.com"],
      ttl: 120,
    });
    expect(resolver.resolve("api.example.com", "AAAA")).toMatchObject({ status: "NOERROR", values: ["2001:db8::10"] });
  });

  it("compares names case-insensitively and ignores a trailing dot, in queries and in the zone", () => {
    const zone = [a("WWW.Example.COM.", "192.0.2.1", 120), cname("Docs.Example.com", "WWW.EXAMPLE.COM.", 600)];
    const resolver = new Resolver(zone);
    expect(resolver.resolve("www.example.com", "A")).toMatchObject({ status: "NOERROR", name: "www.example.com", values: ["192.0.2.1"] });
    expect(resolver.resolve("WwW.eXaMpLe.CoM.", "A")).toMatchObject({ status: "NOERROR", name: "www.example.com", values: ["192.0.2.1"] });
    expect(resolver.resolve("DOCS.example.com.", "A")).toMatchObject({
      status: "NOERROR",
      name: "docs.example.com",
      values: ["192.0.2.1"],
      chain: ["docs.example.com", "www.example.com"],
    });
    expect(normalizeName("Mail.Example.ORG.")).toBe("mail.example.org");
  });

  it("follows a CNAME chain and takes the smallest TTL along it", () => {
    const zone = [
      cname("www.shop.example", "shop.cdn.example", 3600),
      cname("shop.cdn.example", "edge-7.cdn.example", 60),
      a("edge-7.cdn.example", "198.51.100.7", 300),
      a("edge-7.cdn.example", "198.51.100.8", 300),
    ];
    expect(new Resolver(zone).resolve("www.shop.example", "A")).toEqual({
      status: "NOERROR",
      name: "www.shop.example",
      type: "A",
      values: ["198.51.100.7", "198.51.100.8"],
      chain: ["www.shop.example", "shop.cdn.example", "edge-7.cdn.example"],
      ttl: 60,
    });
  });

  it("answers a CNAME query with the CNAME itself instead of following it", () => {
    const zone = [cname("www.example.com", "Example.com.", 900), a("example.com", "192.0.2.1", 300)];
    const resolver = new Resolver(zone);
    expect(resolver.resolve("www.example.com", "CNAME")).toEqual({
      status: "NOERROR",
      name: "www.example.com",
      type: "CNAME",
      values: ["example.com"],
      chain: ["www.example.com"],
      ttl: 900,
    });
    expect(resolver.resolve("example.com", "CNAME")).toMatchObject({ status: "NODATA", values: [] });
  });

  it("tells NXDOMAIN (no such name) apart from NODATA (name exists, no records of that type)", () => {
    const zone = [a("v4only.example.com", "192.0.2.4"), a("db.internal.example.com", "10.0.0.5")];
    const resolver = new Resolver(zone, { negativeTtl: 45 });
    expect(resolver.resolve("v4only.example.com", "AAAA")).toEqual({
      status: "NODATA",
      name: "v4only.example.com",
      type: "AAAA",
      values: [],
      chain: ["v4only.example.com"],
      ttl: 45,
    });
    expect(resolver.resolve("nope.example.com", "A")).toEqual({
      status: "NXDOMAIN",
      name: "nope.example.com",
      type: "A",
      values: [],
      chain: ["nope.example.com"],
      ttl: 45,
    });
    // internal.example.com has no records of its own, but a name below it exists: it exists too.
    expect(resolver.resolve("internal.example.com", "A")).toMatchObject({ status: "NODATA" });
    // Only whole labels count: "nal.example.com" is not a parent of "db.internal.example.com".
    expect(resolver.resolve("nal.example.com", "A")).toMatchObject({ status: "NXDOMAIN" });
  });

  it("finds empty non-terminals below zone names written in any case, with a trailing dot", () => {
    const resolver = new Resolver([a("API.Eu.Example.COM.", "192.0.2.9")]);
    expect(resolver.resolve("eu.example.com", "A")).toMatchObject({ status: "NODATA" });
    expect(resolver.resolve("example.com", "AAAA")).toMatchObject({ status: "NODATA" });
    expect(resolver.resolve("us.example.com", "A")).toMatchObject({ status: "NXDOMAIN" });
  });

  it("reports NXDOMAIN or NODATA for the end of a CNAME chain, keeping the chain", () => {
    const zone = [
      cname("old.example.com", "gone.example.net", 20),
      cname("app.example.com", "app.example.net", 600),
      a("app.example.net", "203.0.113.5"),
    ];
    const resolver = new Resolver(zone); // default negative TTL: 30 s
    expect(resolver.resolve("old.example.com", "A")).toEqual({
      status: "NXDOMAIN",
      name: "old.example.com",
      type: "A",
      values: [],
      chain: ["old.example.com", "gone.example.net"],
      ttl: 20,
    });
    expect(resolver.resolve("app.example.com", "AAAA")).toEqual({
      status: "NODATA",
      name: "app.example.com",
      type: "AAAA",
      values: [],
      chain: ["app.example.com", "app.example.net"],
      ttl: 30,
    });
  });
});

describe("broken chains and bad names", () => {
  it("detects CNAME loops of any length", () => {
    const zone = [
      cname("self.example.com", "SELF.example.com."),
      cname("ping.example.com", "pong.example.com"),
      cname("pong.example.com", "ping.example.com"),
      cname("start.example.com", "x.example.com"),
      cname("x.example.com", "y.example.com"),
      cname("y.example.com", "z.example.com"),
      cname("z.example.com", "x.example.com"),
    ];
    const resolver = new Resolver(zone);
    const names = ["self.example.com", "ping.example.com", "start.example.com"];
    expect(names.map((name) => ({ name, outcome: outcome(resolver, name, "A") }))).toEqual(
      names.map((name) => ({ name, outcome: dnsError("CNAME_LOOP") })),
    );
  });

  it("follows at most 8 CNAMEs by default, and the limit is configurable", () => {
    // hop0 -> hop1 -> ... -> hopN, and hopN has an A record.
    const chainOf = (cnames: number): ZoneRecord[] => [
      ...Array.from({ length: cnames }, (_, i) => cname(`hop${i}.example.com`, `hop${i + 1}.example.com`)),
      a(`hop${cnames}.example.com`, "192.0.2.200"),
    ];
    expect(outcome(new Resolver(chainOf(8)), "hop0.example.com", "A")).toMatchObject({
      status: "NOERROR",
      values: ["192.0.2.200"],
    });
    expect(outcome(new Resolver(chainOf(9)), "hop0.example.com", "A")).toEqual(dnsError("CHAIN_TOO_LONG"));
    expect(outcome(new Resolver(chainOf(3), { maxCnameChain: 3 }), "hop0.example.com", "A")).toMatchObject({
      status: "NOERROR",
    });
    expect(outcome(new Resolver(chainOf(3), { maxCnameChain: 2 }), "hop0.example.com", "A")).toEqual(
      dnsError("CHAIN_TOO_LONG"),
    );
  });

  it("rejects malformed names with INVALID_NAME", () => {
    const resolver = new Resolver([a("example.com", "192.0.2.1")]);
    const bad = ["", ".", "example..com", ".example.com", "example.com..", "exa mple.com", "a".repeat(64) + ".com", `${"abcdefghi.".repeat(26)}com`];
    expect(bad.map((name) => ({ name, outcome: outcome(resolver, name, "A") }))).toEqual(
      bad.map((name) => ({ name, outcome: dnsError("INVALID_NAME") })),
    );
    // The limits themselves are fine: a 63-character label, a 253-character name, and an
    // underscore as in _dmarc.
    expect(outcome(resolver, "a".repeat(63) + ".com", "A")).toMatchObject({ status: "NXDOMAIN" });
    expect(outcome(resolver, `${"abcdefghi.".repeat(25)}com`, "A")).toMatchObject({ status: "NXDOMAIN" });
    expect(outcome(resolver, "_dmarc.example.com", "A")).toMatchObject({ status: "NXDOMAIN" });
  });
});

describe("the TTL cache", () => {
  it("serves a cached answer until its TTL runs out, then asks the zone again", () => {
    const zone = [a("api.example.com", "192.0.2.1", 300)];
    const resolver = new Resolver(zone);
    expect(resolver.resolve("api.example.com", "A").values).toEqual(["192.0.2.1"]);

    zone[0] = a("api.example.com", "192.0.2.2", 300); // the operator moves the service
    vi.advanceTimersByTime(299_999);
    expect(resolver.resolve("api.example.com", "A").values).toEqual(["192.0.2.1"]);
    vi.advanceTimersByTime(1);
    expect(resolver.resolve("api.example.com", "A").values).toEqual(["192.0.2.2"]);
  });

  it("counts the TTL down in cached answers, in whole seconds", () => {
    const resolver = new Resolver([a("api.example.com", "192.0.2.1", 300)]);
    expect(resolver.resolve("api.example.com", "A").ttl).toBe(300);
    vi.setSystemTime(START.getTime() + 10_000);
    expect(resolver.resolve("api.example.com", "A").ttl).toBe(290);
    vi.setSystemTime(START.getTime() + 100_500);
    expect(resolver.resolve("api.example.com", "A").ttl).toBe(199);
  });

  it("expires a chained answer after the smallest TTL along the chain", () => {
    const zone = [cname("www.example.com", "lb.example.net", 60), a("lb.example.net", "192.0.2.1", 3600)];
    const resolver = new Resolver(zone);
    expect(resolver.resolve("www.example.com", "A")).toMatchObject({ values: ["192.0.2.1"], ttl: 60 });

    zone[1] = a("lb.example.net", "192.0.2.50", 3600);
    vi.setSystemTime(START.getTime() + 59_000);
    expect(resolver.resolve("www.example.com", "A")).toMatchObject({ values: ["192.0.2.1"], ttl: 1 });
    vi.setSystemTime(START.getTime() + 60_000);
    expect(resolver.resolve("www.example.com", "A")).toMatchObject({ values: ["192.0.2.50"], ttl: 60 });
  });

  it("never caches an answer with TTL 0", () => {
    const zone = [cname("live.example.com", "now.example.com", 0), a("now.example.com", "192.0.2.1", 300)];
    const resolver = new Resolver(zone);
    expect(resolver.resolve("live.example.com", "A")).toMatchObject({ values: ["192.0.2.1"], ttl: 0 });
    zone[1] = a("now.example.com", "192.0.2.2", 300);
    expect(resolver.resolve("live.example.com", "A")).toMatchObject({ values: ["192.0.2.2"], ttl: 0 });
  });

  it("caches NXDOMAIN and NODATA for the negative TTL", () => {
    const zone: ZoneRecord[] = [a("v4.example.com", "192.0.2.4")];
    const resolver = new Resolver(zone, { negativeTtl: 60 });
    expect(resolver.resolve("new.example.com", "A").status).toBe("NXDOMAIN");
    expect(resolver.resolve("v4.example.com", "AAAA").status).toBe("NODATA");

    zone.push(a("new.example.com", "192.0.2.77"), aaaa("v4.example.com", "2001:db8::4"));
    vi.advanceTimersByTime(59_000);
    // The records exist now, but the resolver may keep saying "no" until the negative TTL ends.
    expect(resolver.resolve("new.example.com", "A")).toMatchObject({ status: "NXDOMAIN", ttl: 1 });
    expect(resolver.resolve("v4.example.com", "AAAA")).toMatchObject({ status: "NODATA", ttl: 1 });
    vi.advanceTimersByTime(1_000);
    expect(resolver.resolve("new.example.com", "A")).toMatchObject({ status: "NOERROR", values: ["192.0.2.77"] });
    expect(resolver.resolve("v4.example.com", "AAAA")).toMatchObject({ status: "NOERROR", values: ["2001:db8::4"] });
  });

  it("does not cache errors: a fixed zone answers at once", () => {
    const zone = [cname("a.example.com", "b.example.com"), cname("b.example.com", "a.example.com")];
    const resolver = new Resolver(zone);
    expect(outcome(resolver, "a.example.com", "A")).toEqual(dnsError("CNAME_LOOP"));
    zone[1] = a("b.example.com", "192.0.2.8");
    expect(outcome(resolver, "a.example.com", "A")).toMatchObject({ status: "NOERROR", values: ["192.0.2.8"] });
  });

  it("keys the cache by normalised name and by type", () => {
    const zone = [a("www.example.com", "192.0.2.1"), aaaa("www.example.com", "2001:db8::1")];
    const resolver = new Resolver(zone);
    expect(resolver.resolve("www.example.com", "A").values).toEqual(["192.0.2.1"]);

    zone.length = 0; // the zone is emptied: only cached answers can still come back
    expect(resolver.resolve("WWW.EXAMPLE.COM.", "A")).toMatchObject({ status: "NOERROR", values: ["192.0.2.1"] });
    // AAAA was never asked, so nothing is cached for it.
    expect(resolver.resolve("www.example.com", "AAAA").status).toBe("NXDOMAIN");
  });

  it("hands out copies, so a caller editing an answer cannot corrupt the cache", () => {
    const resolver = new Resolver([cname("www.example.com", "web.example.com"), a("web.example.com", "192.0.2.1")]);
    const first = resolver.resolve("www.example.com", "A");
    first.values.push("6.6.6.6");
    first.chain.length = 0;
    const second = resolver.resolve("www.example.com", "A");
    second.values[0] = "7.7.7.7";
    expect(resolver.resolve("www.example.com", "A")).toMatchObject({
      values: ["192.0.2.1"],
      chain: ["www.example.com", "web.example.com"],
    });
  });
});
