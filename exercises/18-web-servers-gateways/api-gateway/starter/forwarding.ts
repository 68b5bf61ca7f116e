/** A copy of `headers` without hop-by-hop fields (RFC 9110 §7.6.1), including those the Connection header names. */
export function stripHopByHop(headers: Headers): Headers {
  // TODO: see the README, step 6.
  void headers;
  throw new Error("not implemented: stripHopByHop");
}

/**
 * The address of the client: the peer itself unless the peer is a trusted proxy; then the
 * right-most X-Forwarded-For entry that is not a trusted proxy (the left-most if all are).
 */
export function clientAddress(peer: string, xForwardedFor: string | null, trusted: readonly string[]): string {
  // TODO: see the README, step 4.
  void xForwardedFor, trusted;
  throw new Error(`not implemented: clientAddress(${peer})`);
}

/** X-Forwarded-For, X-Forwarded-Proto and Forwarded for the request the gateway sends upstream. */
export function forwardingHeaders(
  incoming: Headers,
  hop: { peer: string; proto: string; host: string },
  trusted: readonly string[],
): Record<string, string> {
  // TODO: see the README, step 5.
  void incoming, hop, trusted;
  throw new Error("not implemented: forwardingHeaders");
}
