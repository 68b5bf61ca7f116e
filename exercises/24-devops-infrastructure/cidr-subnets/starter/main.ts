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

// TODO: implement each function below as README.md describes. Work in plain non-negative numbers:
// JavaScript's bitwise operators return signed 32-bit results, so finish with `>>> 0`.

export function parseIp(text: string): number {
  throw new Error("not implemented: parseIp");
}

export function formatIp(value: number): string {
  throw new Error("not implemented: formatIp");
}

export function parseCidr(text: string): Cidr {
  throw new Error("not implemented: parseCidr");
}

export function formatCidr(cidr: Cidr): string {
  throw new Error("not implemented: formatCidr");
}

export function contains(cidr: Cidr, ip: number): boolean {
  throw new Error("not implemented: contains");
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  throw new Error("not implemented: overlaps");
}

export function awsReserved(cidr: Cidr): AwsReserved {
  throw new Error("not implemented: awsReserved");
}

export function usableHosts(cidr: Cidr): number {
  throw new Error("not implemented: usableHosts");
}

export function planSubnets(vpc: string, azs: string[], tiers: Tier[]): PlannedSubnet[] {
  throw new Error("not implemented: planSubnets");
}

export function isAllowed(rules: Rule[], packet: Packet): boolean {
  throw new Error("not implemented: isAllowed");
}
