/**
 * A small simulated internet: a DNS zone and the hosts behind its addresses. Read-only — the
 * graders use their own copy. `browse.ts` uses it the way a browser uses the real one.
 */

export interface DnsRecord {
  type: "A" | "CNAME";
  /** An IPv4 address for A, another name for CNAME. */
  value: string;
}

/** Owner names (any case, with or without the trailing dot) to their records. */
export type Zone = Record<string, DnsRecord[]>;

export interface Server {
  ip: string;
  port: number;
  /** Names its TLS certificate covers, for a server on a TLS port; undefined for plain HTTP. */
  certificate?: string[];
  /** Answers one raw HTTP/1.1 request with one raw HTTP/1.1 response. */
  handle(request: string): string;
}

export interface Connection {
  /** Sends the whole request and returns the whole response (the server closes after it). */
  send(request: string): string;
}

/** What went wrong on the wire, as a code a caller can branch on. */
export class NetworkError extends Error {
  constructor(
    readonly code: "CONNECTION_REFUSED" | "TLS_REQUIRED" | "TLS_NOT_OFFERED" | "CERTIFICATE_MISMATCH",
    message: string,
  ) {
    super(message);
    this.name = "NetworkError";
  }
}

export class Network {
  /** Every connection opened, in order: what a packet capture would show. */
  readonly connections: { ip: string; port: number; serverName?: string; request?: string }[] = [];

  constructor(readonly zone: Zone, private readonly servers: Server[]) {}

  /**
   * Opens a TCP connection to ip:port. With `tls`, it also does the TLS handshake for
   * `serverName` (the SNI): it fails unless the server's certificate covers that name.
   */
  connect(ip: string, port: number, options: { tls: boolean; serverName?: string }): Connection {
    const record: (typeof this.connections)[number] = { ip, port, serverName: options.tls ? options.serverName : undefined };
    this.connections.push(record);
    const server = this.servers.find((s) => s.ip === ip && s.port === port);
    if (!server) throw new NetworkError("CONNECTION_REFUSED", `nothing listens on ${ip}:${port}`);
    if (options.tls && !server.certificate) throw new NetworkError("TLS_NOT_OFFERED", `${ip}:${port} does not speak TLS`);
    if (!options.tls && server.certificate) throw new NetworkError("TLS_REQUIRED", `${ip}:${port} only speaks TLS`);
    if (options.tls) {
      const name = (options.serverName ?? "").toLowerCase();
      if (!server.certificate!.some((covered) => covers(covered, name))) {
        throw new NetworkError("CERTIFICATE_MISMATCH", `the certificate of ${ip}:${port} does not cover "${name}"`);
      }
    }
    return {
      send(request) {
        record.request = request;
        return server.handle(request);
      },
    };
  }
}

/** `*.example.com` covers exactly one label more, as in RFC 6125; anything else must match exactly. */
function covers(pattern: string, name: string): boolean {
  const p = pattern.toLowerCase();
  if (!p.startsWith("*.")) return p === name;
  const rest = name.split(".").slice(1).join(".");
  return name.includes(".") && rest === p.slice(2);
}
