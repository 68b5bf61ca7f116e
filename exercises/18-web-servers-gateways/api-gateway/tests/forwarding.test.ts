import { describe, expect, it } from "vitest";
import { clientAddress, forwardingHeaders, stripHopByHop } from "../forwarding";

const TRUSTED = ["10.0.0.1", "10.0.0.2"];

describe("stripHopByHop", () => {
  it("drops the connection-level fields and the ones Connection names, keeping the rest", () => {
    const given = new Headers({
      Connection: "keep-alive, X-Trace-Hop , close",
      "Keep-Alive": "timeout=5",
      "Proxy-Connection": "keep-alive",
      TE: "trailers",
      "Transfer-Encoding": "chunked",
      Upgrade: "websocket",
      "X-Trace-Hop": "1",
      "X-Kept": "yes",
      Accept: "application/json",
    });
    const out = stripHopByHop(given);
    expect([...out.keys()].sort()).toEqual(["accept", "x-kept"]);
    expect(given.get("x-trace-hop")).toBe("1");
  });
});

describe("clientAddress", () => {
  it("is the peer unless the peer is trusted; behind trusted proxies, the right-most address that is not one", () => {
    expect(clientAddress("203.0.113.5", "1.2.3.4", TRUSTED)).toBe("203.0.113.5");
    expect(clientAddress("10.0.0.1", "1.2.3.4, 198.51.100.7", TRUSTED)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.1", "1.2.3.4, 198.51.100.7,10.0.0.2", TRUSTED)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.1", "10.0.0.2, 10.0.0.1", TRUSTED)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.1", null, TRUSTED)).toBe("10.0.0.1");
  });
});

describe("forwardingHeaders", () => {
  const hop = { peer: "203.0.113.5", proto: "https", host: "gw.example" };

  it("starts the chain afresh for an untrusted peer and appends to a trusted one", () => {
    const incoming = new Headers({ "x-forwarded-for": "1.2.3.4", "x-forwarded-proto": "http", forwarded: "for=1.2.3.4" });
    expect(forwardingHeaders(incoming, hop, TRUSTED)).toEqual({
      "x-forwarded-for": "203.0.113.5",
      "x-forwarded-proto": "https",
      forwarded: "for=203.0.113.5;host=gw.example;proto=https",
    });
    // From a trusted proxy: appended to its chain, its X-Forwarded-Proto kept.
    const fromProxy = new Headers({ "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "http", forwarded: "for=198.51.100.7;proto=http" });
    expect(forwardingHeaders(fromProxy, { ...hop, peer: "10.0.0.1" }, TRUSTED)).toEqual({
      "x-forwarded-for": "198.51.100.7, 10.0.0.1",
      "x-forwarded-proto": "http",
      forwarded: "for=198.51.100.7;proto=http, for=10.0.0.1;host=gw.example;proto=https",
    });
    expect(forwardingHeaders(new Headers(), { ...hop, peer: "10.0.0.1" }, TRUSTED)["x-forwarded-for"]).toBe("10.0.0.1");
  });

  it("quotes Forwarded values that are not tokens, with IPv6 in brackets (RFC 7239)", () => {
    const out = forwardingHeaders(new Headers(), { peer: "2001:db8::7", proto: "https", host: "gw.example:8443" }, TRUSTED);
    expect(out.forwarded).toBe('for="[2001:db8::7]";host="gw.example:8443";proto=https');
    expect(out["x-forwarded-for"]).toBe("2001:db8::7");
  });
});
