import { describe, expect, it } from "vitest";
import { CDN, COM, EXAMPLE_1, LAME_GOOD, NET, ROOT, outcome, world } from "./world";

describe("iterative resolution", () => {
  it("walks from the root through each referral to the authoritative server", () => {
    const w = world();
    expect(outcome(w, "www.example.com", "A")).toEqual({
      name: "www.example.com",
      type: "A",
      ttl: 300,
      chain: [],
      values: ["192.0.2.10", "192.0.2.11"],
    });
    expect(w.sent()).toEqual([
      `${ROOT} www.example.com A`,
      `${COM} www.example.com A`,
      `${EXAMPLE_1} www.example.com A`,
    ]);
  });

  it("answers MX, TXT and NS queries with the records' values in zone order", () => {
    const w = world();
    expect(outcome(w, "example.com", "MX")).toMatchObject({ values: ["10 mail.example.com.", "20 backup.example.com."], ttl: 3600 });
    expect(outcome(w, "example.com", "TXT")).toMatchObject({ values: ["v=spf1 include:_spf.example.com -all"] });
    expect(outcome(w, "example.com", "NS")).toMatchObject({ values: ["ns1.example.com", "ns2.example.com"], ttl: 86400 });
  });

  it("compares names without case and with one trailing dot dropped, before asking and in the cache", () => {
    const w = world();
    expect(outcome(w, "WWW.Example.COM.", "A")).toMatchObject({ name: "www.example.com", values: ["192.0.2.10", "192.0.2.11"] });
    expect(w.sent()).toEqual([`${ROOT} www.example.com A`, `${COM} www.example.com A`, `${EXAMPLE_1} www.example.com A`]);
    expect(outcome(w, "www.example.com", "A")).toMatchObject({ name: "www.example.com" });
    expect(w.sent()).toEqual([]);
    expect(outcome(w, "www..example.com", "A")).toBe("DnsError BAD_NAME");
  });

  it("caches delegations for the NS records' TTL and starts from the closest zone it knows", () => {
    const w = world();
    outcome(w, "www.example.com", "A");
    w.sent();
    expect(outcome(w, "api.example.com", "A")).toMatchObject({ values: ["192.0.2.20"] });
    expect(w.sent()).toEqual([`${EXAMPLE_1} api.example.com A`]);
    w.clock.now += 3600; // example.com's delegation (NS TTL 3600 in com) has expired; com's (172800) has not
    expect(outcome(w, "api.example.com", "AAAA")).toMatchObject({ values: ["2001:db8::20"] });
    expect(w.sent()).toEqual([`${COM} api.example.com AAAA`, `${EXAMPLE_1} api.example.com AAAA`]);
  });

  it("tries the next server when one does not answer, and fails with SERVFAIL when none does", () => {
    const w = world({ rootServers: ["203.0.113.9", ROOT] });
    expect(outcome(w, "www.lame.com", "A")).toMatchObject({ values: ["192.0.2.81"] });
    expect(w.sent()).toEqual([
      "203.0.113.9 www.lame.com A",
      `${ROOT} www.lame.com A`,
      `${COM} www.lame.com A`,
      "203.0.113.1 www.lame.com A",
      `${LAME_GOOD} www.lame.com A`,
    ]);
    expect(outcome(w, "www.dead.com", "A")).toBe("DnsError SERVFAIL");
    expect(outcome(world({ rootServers: ["203.0.113.9"] }), "www.example.com", "A")).toBe("DnsError SERVFAIL");
  });

  it("fails with SERVFAIL on a referral without glue and on a referral that does not lead down", () => {
    const w = world();
    expect(outcome(w, "www.noglue.com", "A")).toBe("DnsError SERVFAIL");
    expect(outcome(w, "www.loop.com", "A")).toBe("DnsError SERVFAIL");
  });
});

describe("CNAME chains", () => {
  it("follows aliases across zones, normalising each target, with the smallest TTL along the chain", () => {
    const w = world();
    expect(outcome(w, "shop.example.com", "A")).toEqual({
      name: "shop.example.com",
      type: "A",
      ttl: 60,
      chain: ["shop.cdn.net", "edge-7.cdn.net"],
      values: ["198.51.100.7", "198.51.100.8"],
    });
    expect(w.sent()).toEqual([
      `${ROOT} shop.example.com A`,
      `${COM} shop.example.com A`,
      `${EXAMPLE_1} shop.example.com A`,
      `${ROOT} shop.cdn.net A`,
      `${NET} shop.cdn.net A`,
      `${CDN} shop.cdn.net A`,
      `${CDN} edge-7.cdn.net A`,
    ]);
    expect(outcome(w, "shop.example.com", "CNAME")).toMatchObject({ chain: [], values: ["Shop.CDN.net."], ttl: 3600 });
  });

  it("allows exactly maxCnameChain CNAMEs and fails a longer chain or a loop with SERVFAIL", () => {
    expect(outcome(world({ maxCnameChain: 3 }), "c1.example.com", "A")).toMatchObject({
      chain: ["c2.example.com", "c3.example.com", "c4.example.com"],
      values: ["192.0.2.44"],
    });
    expect(outcome(world({ maxCnameChain: 2 }), "c1.example.com", "A")).toBe("DnsError SERVFAIL");
    expect(outcome(world(), "loop-a.example.com", "A")).toBe("DnsError SERVFAIL");
  });
});

describe("negative answers", () => {
  it("tells NXDOMAIN from NODATA, empty non-terminals and dead CNAME targets included", () => {
    const w = world();
    expect(outcome(w, "nope.example.com", "A")).toBe("DnsError NXDOMAIN");
    expect(outcome(w, "www.example.com", "AAAA")).toBe("DnsError NODATA");
    expect(outcome(w, "internal.example.com", "A")).toBe("DnsError NODATA");
    expect(outcome(w, "old.example.com", "A")).toBe("DnsError NXDOMAIN");
  });

  it("caches a negative answer for the smaller of the SOA's TTL and its MINIMUM field", () => {
    const w = world();
    expect(outcome(w, "www.example.com", "AAAA")).toBe("DnsError NODATA"); // SOA ttl 3600, minimum 300
    expect(outcome(w, "nope.cdn.net", "A")).toBe("DnsError NXDOMAIN"); // SOA ttl 60, minimum 600
    w.sent();
    w.clock.now += 59;
    expect(outcome(w, "www.example.com", "AAAA")).toBe("DnsError NODATA");
    expect(outcome(w, "nope.cdn.net", "A")).toBe("DnsError NXDOMAIN");
    expect(w.sent()).toEqual([]);
    w.clock.now += 1;
    expect(outcome(w, "nope.cdn.net", "A")).toBe("DnsError NXDOMAIN");
    expect(w.sent()).toEqual([`${CDN} nope.cdn.net A`]);
    w.clock.now += 240;
    expect(outcome(w, "www.example.com", "AAAA")).toBe("DnsError NODATA");
    expect(w.sent()).toEqual([`${EXAMPLE_1} www.example.com AAAA`]);
  });

  it("lets a cached NXDOMAIN answer every type for that name, but a NODATA only its own type", () => {
    const w = world();
    outcome(w, "nope.example.com", "A");
    outcome(w, "www.example.com", "AAAA");
    w.sent();
    expect(outcome(w, "NOPE.example.com", "MX")).toBe("DnsError NXDOMAIN");
    expect(w.sent()).toEqual([]);
    expect(outcome(w, "www.example.com", "TXT")).toBe("DnsError NODATA");
    expect(w.sent()).toEqual([`${EXAMPLE_1} www.example.com TXT`]);
  });

  it("caches a negative answer after a CNAME no longer than the chain's CNAMEs, and the missing target for every type", () => {
    const w = world();
    expect(outcome(w, "brief.example.com", "A")).toBe("DnsError NXDOMAIN"); // CNAME ttl 30, negative ttl 300
    expect(outcome(w, "old.example.com", "A")).toBe("DnsError NXDOMAIN"); // ends at retired.cdn.net
    w.sent();
    w.clock.now += 29;
    expect(outcome(w, "brief.example.com", "A")).toBe("DnsError NXDOMAIN");
    expect(outcome(w, "retired.cdn.net", "TXT")).toBe("DnsError NXDOMAIN");
    expect(w.sent()).toEqual([]);
    w.clock.now += 1;
    expect(outcome(w, "brief.example.com", "A")).toBe("DnsError NXDOMAIN");
    expect(w.sent()[0]).toBe(`${EXAMPLE_1} brief.example.com A`);
  });
});

describe("the answer cache", () => {
  it("counts the TTL down with the clock, asks again once it reaches 0, and never caches TTL 0", () => {
    const w = world();
    outcome(w, "shop.example.com", "A");
    w.sent();
    w.clock.now += 45;
    expect(outcome(w, "shop.example.com", "A")).toMatchObject({ ttl: 15, values: ["198.51.100.7", "198.51.100.8"] });
    expect(w.sent()).toEqual([]);
    w.clock.now += 15;
    expect(outcome(w, "shop.example.com", "A")).toMatchObject({ ttl: 60 });
    expect(w.sent()).toEqual([`${EXAMPLE_1} shop.example.com A`, `${CDN} shop.cdn.net A`, `${CDN} edge-7.cdn.net A`]);
    expect(outcome(w, "now.example.com", "A")).toMatchObject({ ttl: 0, values: ["192.0.2.30"] });
    expect(outcome(w, "now.example.com", "A")).toMatchObject({ ttl: 0 });
    expect(w.sent()).toEqual([`${EXAMPLE_1} now.example.com A`, `${EXAMPLE_1} now.example.com A`]);
  });
});
