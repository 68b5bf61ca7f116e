// Read-only: the authoritative name servers your resolver talks to. Do not change this file.

export type RecordType = "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "NS" | "SOA";

/**
 * One resource record. `name` and name-valued `value`s (CNAME, NS targets) in a zone may be
 * written in any case, with or without a trailing dot. Values are in presentation format:
 * MX "10 mail.example.com", TXT "v=spf1 -all",
 * SOA "mname rname serial refresh retry expire minimum" (seven fields, minimum last).
 */
export interface ZoneRecord {
  name: string;
  type: RecordType;
  ttl: number;
  value: string;
}

/** A zone one server is authoritative for. `origin` "" (or ".") is the root. */
export interface Zone {
  origin: string;
  records: ZoneRecord[];
}

export type Reply =
  /** Records of the asked type, or the one CNAME at that name when another type was asked. */
  | { kind: "answer"; records: ZoneRecord[] }
  /** "Not mine: ask these servers." `glue` holds the A records of the NS names this zone knows. */
  | { kind: "referral"; zone: string; ns: ZoneRecord[]; glue: ZoneRecord[] }
  | { kind: "nxdomain"; soa: ZoneRecord }
  | { kind: "nodata"; soa: ZoneRecord }
  /** The name is outside this server's zone. */
  | { kind: "refused" }
  /** No server answers at that address. */
  | { kind: "unreachable" };

export interface Query {
  server: string;
  name: string;
  type: RecordType;
}

/** The servers' own comparison: lower case, one trailing dot dropped. Queries must arrive like this. */
function canon(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

function isAtOrBelow(name: string, origin: string): boolean {
  return origin === "" || name === origin || name.endsWith(`.${origin}`);
}

function reply(zone: Zone, name: string, type: RecordType): Reply {
  const origin = canon(zone.origin);
  if (!isAtOrBelow(name, origin)) return { kind: "refused" };
  const records = zone.records.map((r) => ({ ...r, name: canon(r.name) }));
  // The highest zone cut between the origin and the name wins: nothing below it is ours.
  const labels = name === "" ? [] : name.split(".");
  const originDepth = origin === "" ? 0 : origin.split(".").length;
  for (let depth = originDepth + 1; depth <= labels.length; depth++) {
    const cut = labels.slice(labels.length - depth).join(".");
    const ns = records.filter((r) => r.type === "NS" && r.name === cut);
    if (ns.length > 0) {
      const targets = new Set(ns.map((r) => canon(r.value)));
      const glue = records.filter((r) => r.type === "A" && targets.has(r.name));
      return { kind: "referral", zone: cut, ns, glue };
    }
  }
  const soa = records.find((r) => r.type === "SOA" && r.name === origin);
  if (!soa) throw new Error(`zone "${origin}" has no SOA record`);
  const here = records.filter((r) => r.name === name);
  const cname = here.find((r) => r.type === "CNAME");
  if (cname && type !== "CNAME") return { kind: "answer", records: [cname] };
  const matching = here.filter((r) => r.type === type);
  if (matching.length > 0) return { kind: "answer", records: matching };
  const exists = here.length > 0 || records.some((r) => name === "" || r.name.endsWith(`.${name}`));
  return exists ? { kind: "nodata", soa } : { kind: "nxdomain", soa };
}

/** Servers by IP address. Every query is logged, so tests can see what the cache saved. */
export class Network {
  readonly log: Query[] = [];
  private readonly servers: Map<string, Zone>;

  constructor(servers: Record<string, Zone>) {
    this.servers = new Map(Object.entries(servers));
  }

  send(server: string, name: string, type: RecordType): Reply {
    this.log.push({ server, name, type });
    const zone = this.servers.get(server);
    if (!zone) return { kind: "unreachable" };
    // Copies, so a resolver that edits a reply cannot edit the zone.
    return structuredClone(reply(zone, name, type));
  }
}
