/** Headers that describe one connection, not the message (RFC 9110 §7.6.1): never forwarded. */
const HOP_BY_HOP = ["connection", "proxy-connection", "keep-alive", "te", "transfer-encoding", "upgrade"];

/** A copy of `headers` without hop-by-hop fields, including those the Connection header names. */
export function stripHopByHop(headers: Headers): Headers {
  const out = new Headers(headers);
  const named = (headers.get("connection") ?? "").split(",").map((name) => name.trim().toLowerCase());
  for (const name of [...HOP_BY_HOP, ...named]) if (name) out.delete(name);
  return out;
}

const list = (value: string | null) => (value ?? "").split(",").map((part) => part.trim()).filter(Boolean);

/**
 * The address of the client: the peer itself unless the peer is a trusted proxy; then the
 * right-most X-Forwarded-For entry that is not a trusted proxy (the left-most if all are).
 */
export function clientAddress(peer: string, xForwardedFor: string | null, trusted: readonly string[]): string {
  const chain = list(xForwardedFor);
  for (let i = chain.length - 1; i >= 0; i--) if (!trusted.includes(chain[i])) return chain[i];
  return chain[0] ?? peer;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** One RFC 7239 parameter value: a token as it is, anything else quoted; IPv6 in brackets. */
function forwardedValue(value: string, isNode = false): string {
  const v = isNode && value.includes(":") ? `[${value}]` : value;
  return TOKEN.test(v) ? v : `"${v.replace(/["\\]/g, "\\$&")}"`;
}

/** X-Forwarded-For, X-Forwarded-Proto and Forwarded for the request the gateway sends upstream. */
export function forwardingHeaders(
  incoming: Headers,
  hop: { peer: string; proto: string; host: string },
  trusted: readonly string[],
): Record<string, string> {
  // A chain from an untrusted peer is whatever the client typed: start it afresh.
  const believe = trusted.includes(hop.peer);
  const append = (name: string, value: string) => {
    const before = believe ? incoming.get(name) : null;
    return before ? `${before}, ${value}` : value;
  };
  const element = `for=${forwardedValue(hop.peer, true)};host=${forwardedValue(hop.host)};proto=${forwardedValue(hop.proto)}`;
  return {
    "x-forwarded-for": append("x-forwarded-for", hop.peer),
    "x-forwarded-proto": (believe && incoming.get("x-forwarded-proto")) || hop.proto,
    forwarded: append("forwarded", element),
  };
}
