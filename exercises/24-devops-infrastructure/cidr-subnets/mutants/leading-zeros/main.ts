/** Why an address, a CIDR block, a subnet plan or a rule was refused. */
export type NetErrorCode =
  | "BAD_ADDRESS"
  | "BAD_CIDR"
  | "UNALIGNED"
  | "BAD_SUBNET_SIZE"
  | "NO_SPACE"
  | "BAD_RULE";

export class NetError extends Error {
  readonly code: NetErrorCode;
  constructor(code: NetErrorCode, message: string) {
    super(message);
    this.name = "NetError";
    this.code = code;
  }
}

/** A block of addresses: `network` is an unsigned 32-bit integer with every host bit zero. */
export interface Cidr {
  network: number;
  prefix: number;
}

/** The five addresses AWS keeps back in every subnet, as dotted quads. */
export interface AwsReserved {
  network: string;
  router: string;
  dns: string;
  future: string;
  broadcast: string;
}

export interface Tier {
  name: string;
  prefix: number;
}

export interface PlannedSubnet {
  name: string;
  tier: string;
  az: string;
  cidr: string;
  usableHosts: number;
}

export type Protocol = "tcp" | "udp";

export interface Rule {
  protocol: Protocol | "all";
  fromPort: number;
  toPort: number;
  source: string;
}

export interface Packet {
  protocol: Protocol;
  port: number;
  source: string;
}

/** AWS accepts VPCs and subnets from /16 (65,536 addresses) down to /28 (16 addresses). */
export const MIN_PREFIX = 16;
export const MAX_PREFIX = 28;

const OCTET = /^[0-9]{1,3}$/;
const PREFIX = /^(0|[1-9][0-9]?)$/;

export function parseIp(text: string): number {
  const parts = text.split(".");
  if (parts.length !== 4) throw new NetError("BAD_ADDRESS", `expected four dot-separated octets, found "${text}"`);
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part) || Number(part) > 255) {
      throw new NetError("BAD_ADDRESS", `octet "${part}" in "${text}" is not 0-255 without leading zeros`);
    }
    // Multiplying keeps the value a plain non-negative number; `<< 24` would go negative from 128.0.0.0.
    value = value * 256 + Number(part);
  }
  return value;
}

export function formatIp(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new NetError("BAD_ADDRESS", `expected an integer 0..4294967295, found ${value}`);
  }
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
}

/** The network mask; `-1 << 32` is -1 in JavaScript (shift counts wrap at 32), so /0 is special. */
function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

function size(prefix: number): number {
  return 2 ** (32 - prefix);
}

export function parseCidr(text: string): Cidr {
  const slash = text.indexOf("/");
  if (slash < 0) throw new NetError("BAD_CIDR", `expected address/prefix, found "${text}"`);
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!PREFIX.test(prefixText) || Number(prefixText) > 32) {
    throw new NetError("BAD_CIDR", `prefix "${prefixText}" in "${text}" is not 0-32`);
  }
  const prefix = Number(prefixText);
  const network = (address & maskOf(prefix)) >>> 0;
  if (network !== address) {
    throw new NetError("UNALIGNED", `"${text}" has host bits set; did you mean ${formatIp(network)}/${prefix}?`);
  }
  return { network, prefix };
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIp(cidr.network)}/${cidr.prefix}`;
}

export function contains(cidr: Cidr, ip: number): boolean {
  return (ip & maskOf(cidr.prefix)) >>> 0 === cidr.network;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  // Two aligned blocks either nest or are disjoint, so the wider one must contain the other's start.
  const wider = a.prefix <= b.prefix ? a : b;
  const narrower = wider === a ? b : a;
  return contains(wider, narrower.network);
}

function checkSubnetSize(cidr: Cidr): void {
  if (cidr.prefix < MIN_PREFIX || cidr.prefix > MAX_PREFIX) {
    throw new NetError("BAD_SUBNET_SIZE", `a subnet must be /${MIN_PREFIX} to /${MAX_PREFIX}, found /${cidr.prefix}`);
  }
}

export function awsReserved(cidr: Cidr): AwsReserved {
  checkSubnetSize(cidr);
  const base = cidr.network;
  return {
    network: formatIp(base),
    router: formatIp(base + 1),
    dns: formatIp(base + 2),
    future: formatIp(base + 3),
    broadcast: formatIp(base + size(cidr.prefix) - 1),
  };
}

export function usableHosts(cidr: Cidr): number {
  checkSubnetSize(cidr);
  return size(cidr.prefix) - 5;
}

export function planSubnets(vpcText: string, azs: string[], tiers: Tier[]): PlannedSubnet[] {
  const vpc = parseCidr(vpcText);
  checkSubnetSize(vpc);
  const requests = tiers.flatMap((tier) => {
    if (!Number.isInteger(tier.prefix) || tier.prefix < vpc.prefix || tier.prefix > MAX_PREFIX) {
      throw new NetError(
        "BAD_SUBNET_SIZE",
        `tier "${tier.name}": prefix must be /${vpc.prefix} to /${MAX_PREFIX} inside ${vpcText}, found /${tier.prefix}`,
      );
    }
    return azs.map((az) => ({ tier: tier.name, az, prefix: tier.prefix }));
  });
  // Largest first: each block then starts where the last ended, already aligned, with no gaps.
  const bySize = [...requests].sort((x, y) => x.prefix - y.prefix);
  const placed = new Map<(typeof requests)[number], Cidr>();
  const end = vpc.network + size(vpc.prefix);
  let next = vpc.network;
  for (const request of bySize) {
    const blockSize = size(request.prefix);
    const start = Math.ceil(next / blockSize) * blockSize;
    if (start + blockSize > end) {
      throw new NetError("NO_SPACE", `${request.tier}-${request.az} (/${request.prefix}) does not fit in ${vpcText}`);
    }
    placed.set(request, { network: start, prefix: request.prefix });
    next = start + blockSize;
  }
  return requests.map((request) => {
    const cidr = placed.get(request)!;
    return {
      name: `${request.tier}-${request.az}`,
      tier: request.tier,
      az: request.az,
      cidr: formatCidr(cidr),
      usableHosts: usableHosts(cidr),
    };
  });
}

function checkPort(port: number, what: string): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new NetError("BAD_RULE", `${what} must be an integer 0-65535, found ${port}`);
  }
}

export function isAllowed(rules: Rule[], packet: Packet): boolean {
  const source = parseIp(packet.source);
  checkPort(packet.port, "packet port");
  let allowed = false;
  // Validate every rule, not just up to the first match: a broken rule is a broken group.
  for (const rule of rules) {
    const block = parseCidr(rule.source);
    if (rule.protocol !== "all" && rule.protocol !== "tcp" && rule.protocol !== "udp") {
      throw new NetError("BAD_RULE", `protocol must be "tcp", "udp" or "all", found "${String(rule.protocol)}"`);
    }
    if (rule.protocol !== "all") {
      checkPort(rule.fromPort, "fromPort");
      checkPort(rule.toPort, "toPort");
      if (rule.fromPort > rule.toPort) {
        throw new NetError("BAD_RULE", `fromPort ${rule.fromPort} is above toPort ${rule.toPort}`);
      }
    }
    const protocolMatches = rule.protocol === "all" || rule.protocol === packet.protocol;
    const portMatches = rule.protocol === "all" || (packet.port >= rule.fromPort && packet.port <= rule.toPort);
    if (protocolMatches && portMatches && contains(block, source)) allowed = true;
  }
  return allowed;
}
