import { describe, expect, it } from "vitest";
import {
  NetError,
  awsReserved,
  contains,
  formatCidr,
  formatIp,
  isAllowed,
  overlaps,
  parseCidr,
  parseIp,
  planSubnets,
  usableHosts,
  type Rule,
} from "../main";

/** What a call did, as a plain value, so a failed assertion shows what really happened. */
function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof NetError) return { code: error.code };
    return { threw: `something that is not a NetError: ${String(error)}` };
  }
}

const cidr = (text: string) => parseCidr(text);
const ip = (text: string) => parseIp(text);

describe("dotted quads", () => {
  it("parses to the unsigned 32-bit value, high addresses included, and formats back", () => {
    expect(parseIp("0.0.0.0")).toBe(0);
    expect(parseIp("10.0.1.2")).toBe(167772418);
    expect(parseIp("200.1.2.3")).toBe(3355509251);
    expect(parseIp("255.255.255.255")).toBe(4294967295);
    expect(formatIp(3355509251)).toBe("200.1.2.3");
    expect(formatIp(4294967295)).toBe("255.255.255.255");
    expect(formatIp(0)).toBe("0.0.0.0");
  });

  it("rejects out-of-range octets, leading zeros, wrong octet counts and stray characters with BAD_ADDRESS", () => {
    const bad = ["256.0.0.1", "1.2.3.256", "010.0.0.1", "10.0.0.01", "1.2.3", "1.2.3.4.5", "", "1..2.3",
      " 1.2.3.4", "1.2.3.4 ", "+1.2.3.4", "1.2.3.-1", "0x1.2.3.4", "1e1.2.3.4", "1.2.3.4."];
    for (const text of bad) expect(outcome(() => parseIp(text)), JSON.stringify(text)).toEqual({ code: "BAD_ADDRESS" });
    expect(outcome(() => formatIp(4294967296))).toEqual({ code: "BAD_ADDRESS" });
    expect(outcome(() => formatIp(-1))).toEqual({ code: "BAD_ADDRESS" });
  });
});

describe("CIDR blocks", () => {
  it("parses aligned blocks, /0 and /32 included", () => {
    expect(parseCidr("10.0.0.0/16")).toEqual({ network: 167772160, prefix: 16 });
    expect(parseCidr("192.168.64.0/18")).toEqual({ network: 3232251904, prefix: 18 });
    expect(parseCidr("0.0.0.0/0")).toEqual({ network: 0, prefix: 0 });
    expect(parseCidr("10.0.0.5/32")).toEqual({ network: 167772165, prefix: 32 });
    expect(formatCidr({ network: 3232251904, prefix: 18 })).toBe("192.168.64.0/18");
  });

  it("refuses a block with host bits set with UNALIGNED, and malformed ones with BAD_CIDR or BAD_ADDRESS", () => {
    expect(outcome(() => parseCidr("10.0.0.5/24"))).toEqual({ code: "UNALIGNED" });
    expect(outcome(() => parseCidr("10.0.128.0/16"))).toEqual({ code: "UNALIGNED" });
    expect(outcome(() => parseCidr("1.0.0.0/0"))).toEqual({ code: "UNALIGNED" });
    for (const text of ["10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/08", "10.0.0.0/-1", "10.0.0.0/16/2", "10.0.0.0/1 6"]) {
      expect(outcome(() => parseCidr(text)), JSON.stringify(text)).toEqual({ code: "BAD_CIDR" });
    }
    expect(outcome(() => parseCidr("10.0.0.256/24"))).toEqual({ code: "BAD_ADDRESS" });
  });

  it("contains() checks the network bits only, at both ends of the block and of the address space", () => {
    const vpc = cidr("10.0.0.0/16");
    expect(contains(vpc, ip("10.0.0.0"))).toBe(true);
    expect(contains(vpc, ip("10.0.255.255"))).toBe(true);
    expect(contains(vpc, ip("10.1.0.0"))).toBe(false);
    expect(contains(vpc, ip("9.255.255.255"))).toBe(false);
    expect(contains(cidr("192.168.0.0/16"), ip("192.168.3.4"))).toBe(true);
    expect(contains(cidr("192.168.0.0/16"), ip("192.169.0.0"))).toBe(false);
    expect(contains(cidr("0.0.0.0/0"), ip("255.255.255.255"))).toBe(true);
    expect(contains(cidr("0.0.0.0/0"), ip("10.0.0.1"))).toBe(true);
    expect(contains(cidr("128.0.0.0/1"), ip("200.1.2.3"))).toBe(true);
    expect(contains(cidr("128.0.0.0/1"), ip("127.255.255.255"))).toBe(false);
    expect(contains(cidr("10.0.0.5/32"), ip("10.0.0.5"))).toBe(true);
    expect(contains(cidr("10.0.0.5/32"), ip("10.0.0.4"))).toBe(false);
  });

  it("overlaps() is true for nested or equal blocks in either order and false for neighbours", () => {
    expect(overlaps(cidr("10.0.0.0/16"), cidr("10.0.5.0/24"))).toBe(true);
    expect(overlaps(cidr("10.0.5.0/24"), cidr("10.0.0.0/16"))).toBe(true);
    expect(overlaps(cidr("10.0.5.0/24"), cidr("10.0.5.0/24"))).toBe(true);
    expect(overlaps(cidr("10.0.0.0/24"), cidr("10.0.1.0/24"))).toBe(false);
    expect(overlaps(cidr("10.1.0.0/16"), cidr("10.0.0.0/16"))).toBe(false);
    expect(overlaps(cidr("0.0.0.0/0"), cidr("203.0.113.0/24"))).toBe(true);
  });
});

describe("AWS subnet sizes", () => {
  it("names the five reserved addresses and counts what is left", () => {
    expect(awsReserved(cidr("10.0.1.0/24"))).toEqual({
      network: "10.0.1.0",
      router: "10.0.1.1",
      dns: "10.0.1.2",
      future: "10.0.1.3",
      broadcast: "10.0.1.255",
    });
    expect(awsReserved(cidr("192.168.16.0/20")).broadcast).toBe("192.168.31.255");
    expect(usableHosts(cidr("10.0.1.0/24"))).toBe(251);
    expect(usableHosts(cidr("10.0.0.16/28"))).toBe(11);
    expect(usableHosts(cidr("10.0.0.0/16"))).toBe(65531);
  });

  it("refuses subnets AWS would not create (larger than /16 or smaller than /28) with BAD_SUBNET_SIZE", () => {
    expect(outcome(() => usableHosts(cidr("10.0.0.0/29")))).toEqual({ code: "BAD_SUBNET_SIZE" });
    expect(outcome(() => usableHosts(cidr("10.0.0.0/15")))).toEqual({ code: "BAD_SUBNET_SIZE" });
    expect(outcome(() => awsReserved(cidr("10.0.0.0/32")))).toEqual({ code: "BAD_SUBNET_SIZE" });
  });
});

describe("planning a VPC", () => {
  it("places the largest subnets first, back to back and aligned, and returns them in request order", () => {
    const plan = planSubnets("10.0.0.0/16", ["a", "b", "c"], [
      { name: "public", prefix: 24 },
      { name: "private", prefix: 20 },
    ]);
    expect(plan).toEqual([
      { name: "public-a", tier: "public", az: "a", cidr: "10.0.48.0/24", usableHosts: 251 },
      { name: "public-b", tier: "public", az: "b", cidr: "10.0.49.0/24", usableHosts: 251 },
      { name: "public-c", tier: "public", az: "c", cidr: "10.0.50.0/24", usableHosts: 251 },
      { name: "private-a", tier: "private", az: "a", cidr: "10.0.0.0/20", usableHosts: 4091 },
      { name: "private-b", tier: "private", az: "b", cidr: "10.0.16.0/20", usableHosts: 4091 },
      { name: "private-c", tier: "private", az: "c", cidr: "10.0.32.0/20", usableHosts: 4091 },
    ]);
  });

  it("breaks ties between equal sizes by tier order, then AZ order, in the upper half of the address space", () => {
    const plan = planSubnets("192.168.0.0/16", ["eu-west-1a", "eu-west-1b"], [
      { name: "db", prefix: 26 },
      { name: "app", prefix: 26 },
      { name: "edge", prefix: 25 },
    ]);
    expect(plan.map((s) => `${s.name} ${s.cidr}`)).toEqual([
      "db-eu-west-1a 192.168.1.0/26",
      "db-eu-west-1b 192.168.1.64/26",
      "app-eu-west-1a 192.168.1.128/26",
      "app-eu-west-1b 192.168.1.192/26",
      "edge-eu-west-1a 192.168.0.0/25",
      "edge-eu-west-1b 192.168.0.128/25",
    ]);
  });

  it("fills a VPC exactly, and says NO_SPACE when one more subnet would not fit", () => {
    expect(planSubnets("10.0.0.0/16", ["a", "b"], [{ name: "big", prefix: 17 }]).map((s) => s.cidr)).toEqual([
      "10.0.0.0/17",
      "10.0.128.0/17",
    ]);
    expect(outcome(() => planSubnets("10.0.0.0/16", ["a", "b", "c"], [{ name: "big", prefix: 17 }]))).toEqual({ code: "NO_SPACE" });
    expect(outcome(() => planSubnets("10.0.0.0/24", ["a", "b"], [
      { name: "x", prefix: 25 },
      { name: "y", prefix: 28 },
    ]))).toEqual({ code: "NO_SPACE" });
  });

  it("refuses a bad VPC or tier size before placing anything", () => {
    expect(outcome(() => planSubnets("10.0.0.0/15", ["a"], [{ name: "x", prefix: 24 }]))).toEqual({ code: "BAD_SUBNET_SIZE" });
    expect(outcome(() => planSubnets("10.0.0.0/20", ["a"], [{ name: "x", prefix: 19 }]))).toEqual({ code: "BAD_SUBNET_SIZE" });
    expect(outcome(() => planSubnets("10.0.0.0/16", ["a"], [{ name: "x", prefix: 29 }]))).toEqual({ code: "BAD_SUBNET_SIZE" });
    expect(outcome(() => planSubnets("10.0.7.0/16", ["a"], [{ name: "x", prefix: 24 }]))).toEqual({ code: "UNALIGNED" });
  });
});

describe("security group rules", () => {
  const rules: Rule[] = [
    { protocol: "tcp", fromPort: 443, toPort: 443, source: "0.0.0.0/0" },
    { protocol: "tcp", fromPort: 5432, toPort: 5432, source: "10.0.0.0/16" },
    { protocol: "udp", fromPort: 1024, toPort: 2047, source: "192.168.0.0/16" },
    { protocol: "all", fromPort: 0, toPort: 0, source: "172.16.5.0/24" },
  ];

  it("allows a packet that any rule matches on protocol, inclusive port range and source, and denies the rest", () => {
    expect(isAllowed(rules, { protocol: "tcp", port: 443, source: "203.0.113.9" })).toBe(true);
    expect(isAllowed(rules, { protocol: "tcp", port: 5432, source: "10.0.200.1" })).toBe(true);
    expect(isAllowed(rules, { protocol: "tcp", port: 5432, source: "10.1.0.1" })).toBe(false);
    expect(isAllowed(rules, { protocol: "udp", port: 443, source: "203.0.113.9" })).toBe(false);
    expect(isAllowed(rules, { protocol: "udp", port: 1024, source: "192.168.9.9" })).toBe(true);
    expect(isAllowed(rules, { protocol: "udp", port: 2047, source: "192.168.9.9" })).toBe(true);
    expect(isAllowed(rules, { protocol: "udp", port: 2048, source: "192.168.9.9" })).toBe(false);
    expect(isAllowed(rules, { protocol: "tcp", port: 1500, source: "192.168.9.9" })).toBe(false);
    expect(isAllowed(rules, { protocol: "tcp", port: 22, source: "172.16.5.77" })).toBe(true);
    expect(isAllowed(rules, { protocol: "udp", port: 53, source: "172.16.6.1" })).toBe(false);
    expect(isAllowed([], { protocol: "tcp", port: 443, source: "10.0.0.1" })).toBe(false);
  });

  it("refuses a broken rule or packet with a code, even when another rule would have matched", () => {
    const open: Rule = { protocol: "tcp", fromPort: 0, toPort: 65535, source: "0.0.0.0/0" };
    const packet = { protocol: "tcp" as const, port: 80, source: "10.0.0.1" };
    expect(outcome(() => isAllowed([open, { protocol: "tcp", fromPort: 90, toPort: 80, source: "0.0.0.0/0" }], packet))).toEqual({ code: "BAD_RULE" });
    expect(outcome(() => isAllowed([open, { protocol: "tcp", fromPort: 0, toPort: 65536, source: "0.0.0.0/0" }], packet))).toEqual({ code: "BAD_RULE" });
    expect(outcome(() => isAllowed([open, { protocol: "icmp" as "tcp", fromPort: 0, toPort: 0, source: "0.0.0.0/0" }], packet))).toEqual({ code: "BAD_RULE" });
    expect(outcome(() => isAllowed([open, { protocol: "tcp", fromPort: 80, toPort: 80, source: "10.0.0.1/24" }], packet))).toEqual({ code: "UNALIGNED" });
    expect(outcome(() => isAllowed([open], { ...packet, source: "10.0.0.300" }))).toEqual({ code: "BAD_ADDRESS" });
    expect(outcome(() => isAllowed([open], { ...packet, port: 70000 }))).toEqual({ code: "BAD_RULE" });
  });
});
