import { describe, expect, it } from "vitest";
import { BrowseError, Browser, type Step } from "../browse";
import { network, respond, server } from "./world";

const SHOP = "192.0.2.10";
const CDN = "198.51.100.7";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BrowseError);
    return (error as BrowseError).code;
  }
  throw new Error("expected open() to throw");
}

const types = (steps: Step[]) => steps.map((s) => s.type);

describe("the request/response lifecycle", () => {
  it("resolves the name, connects on port 80, sends a GET with the path, query and Host, and parses the answer", () => {
    const net = network({ "shop.example": [{ type: "A", value: SHOP }] }, [
      server(SHOP, 80, { "/cart/items?page=2": respond(200, { "Content-Type": "text/html", "X-Trace": "a1" }, "<h1>Cart</h1>") }),
    ]);
    const page = new Browser(net).open("http://shop.example/cart/items?page=2#summary");
    expect(page).toMatchObject({
      url: "http://shop.example/cart/items?page=2#summary",
      status: 200,
      headers: { "content-type": "text/html", "x-trace": "a1", "content-length": "13" },
      body: "<h1>Cart</h1>",
    });
    expect(net.connections).toEqual([
      { ip: SHOP, port: 80, serverName: undefined, request: "GET /cart/items?page=2 HTTP/1.1\r\nHost: shop.example\r\nConnection: close\r\n\r\n" },
    ]);
    expect(types(page.steps)).toEqual(["dns", "connect", "request", "response"]);
    expect(page.steps[0]).toEqual({ type: "dns", name: "shop.example", chain: ["shop.example"], address: SHOP });
    expect(page.steps[1]).toEqual({ type: "connect", address: SHOP, port: 80, tls: false });
    expect(page.steps[2]).toEqual({ type: "request", target: "/cart/items?page=2", host: "shop.example" });
    expect(page.steps[3]).toEqual({ type: "response", status: 200 });
  });

  it("asks for / when the URL has no path, and never sends the fragment", () => {
    const net = network({ "shop.example": [{ type: "A", value: SHOP }] }, [server(SHOP, 80, { "/": respond(200, {}, "home") })]);
    expect(new Browser(net).open("http://shop.example#top").body).toBe("home");
    expect(net.connections[0].request).toMatch(/^GET \/ HTTP\/1\.1\r\n/);
  });

  it("uses an explicit port, and then the Host header carries it; a default port is left out", () => {
    const net = network({ "api.example": [{ type: "A", value: SHOP }] }, [
      server(SHOP, 8080, { "/v1": respond(200, {}, "api") }),
      server(SHOP, 443, { "/": respond(200) }, ["api.example"]),
    ]);
    const browser = new Browser(net);
    expect(browser.open("http://api.example:8080/v1").body).toBe("api");
    expect(net.connections[0]).toMatchObject({ port: 8080 });
    expect(net.connections[0].request).toContain("\r\nHost: api.example:8080\r\n");
    browser.open("https://api.example:443/");
    expect(net.connections[1]).toMatchObject({ port: 443 });
    expect(net.connections[1].request).toContain("\r\nHost: api.example\r\n");
  });

  it("connects to an IP address directly, without DNS", () => {
    const net = network({}, [server(SHOP, 80, { "/": respond(200, {}, "by address") })]);
    const page = new Browser(net).open(`http://${SHOP}/`);
    expect(page.body).toBe("by address");
    expect(types(page.steps)).toEqual(["connect", "request", "response"]);
  });
});

describe("domain names and DNS", () => {
  it("follows CNAMEs to the hosting provider's address, with names in any case and trailing dots", () => {
    const zone = {
      "WWW.Shop.Example.": [{ type: "CNAME" as const, value: "shop.CDN.example." }],
      "shop.cdn.example": [{ type: "CNAME" as const, value: "edge-7.cdn.example" }],
      "edge-7.cdn.example.": [{ type: "A" as const, value: CDN }, { type: "A" as const, value: "198.51.100.8" }],
    };
    const net = network(zone, [server(CDN, 80, { "/": respond(200, {}, "via cdn") })]);
    const page = new Browser(net).open("http://www.shop.example/");
    expect(page.body).toBe("via cdn");
    expect(page.steps[0]).toEqual({
      type: "dns",
      name: "www.shop.example",
      chain: ["www.shop.example", "shop.cdn.example", "edge-7.cdn.example"],
      address: CDN,
    });
    // The request still names the site, not the CDN: one CDN address hosts many sites.
    expect(net.connections[0].request).toContain("\r\nHost: www.shop.example\r\n");
  });

  it("fails with NXDOMAIN for a name with no address, and DNS_LOOP for a CNAME cycle", () => {
    const zone = {
      "a.example": [{ type: "CNAME" as const, value: "b.example" }],
      "b.example": [{ type: "CNAME" as const, value: "A.example." }],
      "dangling.example": [{ type: "CNAME" as const, value: "gone.example" }],
    };
    const browser = new Browser(network(zone, []));
    expect(codeOf(() => browser.open("http://missing.example/"))).toBe("NXDOMAIN");
    expect(codeOf(() => browser.open("http://dangling.example/"))).toBe("NXDOMAIN");
    expect(codeOf(() => browser.open("http://a.example/"))).toBe("DNS_LOOP");
  });
});

describe("HTTPS", () => {
  it("uses port 443 with TLS, and asks for the certificate of the URL's name, not of the CNAME target", () => {
    const zone = {
      "www.shop.example": [{ type: "CNAME" as const, value: "shop.cdn.example" }],
      "shop.cdn.example": [{ type: "A" as const, value: CDN }],
    };
    // The CDN presents the customer's certificate for the customer's name.
    const net = network(zone, [server(CDN, 443, { "/": respond(200, {}, "secure") }, ["www.shop.example", "*.cdn.example"])]);
    expect(new Browser(net).open("https://www.shop.example/").body).toBe("secure");
    expect(net.connections[0]).toMatchObject({ ip: CDN, port: 443, serverName: "www.shop.example" });
    const onlyCdn = network(zone, [server(CDN, 443, { "/": respond(200) }, ["*.cdn.example"])]);
    expect(codeOf(() => new Browser(onlyCdn).open("https://www.shop.example/"))).toBe("CERTIFICATE_MISMATCH");
  });

  it("reports what the network refused, with the network's code", () => {
    const zone = { "shop.example": [{ type: "A" as const, value: SHOP }] };
    const plainOnly = new Browser(network(zone, [server(SHOP, 80, { "/": respond(200) })]));
    expect(codeOf(() => plainOnly.open("https://shop.example/"))).toBe("CONNECTION_REFUSED");
    const plainOn443 = new Browser(network(zone, [server(SHOP, 443, { "/": respond(200) })]));
    expect(codeOf(() => plainOn443.open("https://shop.example/"))).toBe("TLS_NOT_OFFERED");
    const tlsOn80 = new Browser(network(zone, [server(SHOP, 80, { "/": respond(200) }, ["shop.example"])]));
    expect(codeOf(() => tlsOn80.open("http://shop.example/"))).toBe("TLS_REQUIRED");
  });

  it("remembers Strict-Transport-Security and upgrades later http:// URLs of that host, :80 to :443", () => {
    const zone = { "bank.example": [{ type: "A" as const, value: SHOP }] };
    const sts = respond(200, { "Strict-Transport-Security": "max-age=31536000" }, "welcome");
    const net = network(zone, [
      server(SHOP, 443, { "/": sts, "/login": respond(200, {}, "login") }, ["bank.example"]),
      server(SHOP, 8443, { "/x": respond(200, {}, "x") }, ["bank.example"]),
    ]);
    const browser = new Browser(net);
    expect(browser.isHsts("bank.example")).toBe(false);
    browser.open("https://bank.example/");
    expect(browser.isHsts("BANK.example")).toBe(true);

    const page = browser.open("http://bank.example/login");
    expect(page).toMatchObject({ url: "https://bank.example/login", body: "login" });
    expect(page.steps[0]).toEqual({ type: "hsts-upgrade", from: "http://bank.example/login", to: "https://bank.example/login" });
    expect(net.connections[1]).toMatchObject({ port: 443, serverName: "bank.example" });

    expect(browser.open("http://bank.example:80/login").url).toBe("https://bank.example/login");
    expect(net.connections[2]).toMatchObject({ port: 443 });
    expect(browser.open("http://bank.example:8443/x").url).toBe("https://bank.example:8443/x");
    expect(net.connections[3]).toMatchObject({ port: 8443, serverName: "bank.example" });
  });

  it("upgrades a redirect's http:// Location to a known HSTS host too", () => {
    const zone = {
      "bank.example": [{ type: "A" as const, value: SHOP }],
      "news.example": [{ type: "A" as const, value: CDN }],
    };
    const net = network(zone, [
      server(SHOP, 443, { "/": respond(200, { "Strict-Transport-Security": "max-age=600" }), "/offer": respond(200, {}, "offer") }, ["bank.example"]),
      server(CDN, 80, { "/ad": respond(302, { Location: "http://bank.example/offer" }) }),
    ]);
    const browser = new Browser(net);
    browser.open("https://bank.example/");
    const page = browser.open("http://news.example/ad");
    expect(page).toMatchObject({ url: "https://bank.example/offer", body: "offer" });
    expect(types(page.steps)).toEqual(["dns", "connect", "request", "response", "redirect", "hsts-upgrade", "dns", "connect", "request", "response"]);
    expect(net.connections[2]).toMatchObject({ ip: SHOP, port: 443, serverName: "bank.example" });
  });

  it("ignores Strict-Transport-Security sent over plain HTTP, covers subdomains only when told, and forgets at max-age=0", () => {
    const zone = {
      "bank.example": [{ type: "A" as const, value: SHOP }],
      "plain.example": [{ type: "A" as const, value: SHOP }],
    };
    let header = "max-age=600; includeSubDomains";
    const net = network(zone, [
      server(SHOP, 80, { "/": respond(200, { "Strict-Transport-Security": "max-age=600" }) }),
      server(SHOP, 443, { "/": () => respond(200, { "Strict-Transport-Security": header }) }, ["bank.example"]),
    ]);
    const browser = new Browser(net);
    browser.open("http://plain.example/");
    expect(browser.isHsts("plain.example")).toBe(false);

    browser.open("https://bank.example/");
    expect(browser.isHsts("api.bank.example")).toBe(true);
    expect(browser.isHsts("notbank.example")).toBe(false);

    header = "max-age=600";
    browser.open("https://bank.example/");
    expect(browser.isHsts("bank.example")).toBe(true);
    expect(browser.isHsts("api.bank.example")).toBe(false);

    header = "max-age=0";
    browser.open("https://bank.example/");
    expect(browser.isHsts("bank.example")).toBe(false);
  });
});

describe("redirects", () => {
  it("follows 301, 302, 303, 307 and 308, resolving a relative Location against the current URL", () => {
    const zone = {
      "old.example": [{ type: "A" as const, value: SHOP }],
      "new.example": [{ type: "A" as const, value: CDN }],
    };
    const net = network(zone, [
      server(SHOP, 80, {
        "/a": respond(301, { Location: "b?x=1" }),
        "/b?x=1": respond(302, { Location: "/c" }),
        "/c": respond(303, { Location: "//new.example/d" }),
      }),
      server(CDN, 80, { "/d": respond(307, { Location: "http://new.example/e" }), "/e": respond(308, { Location: "/f" }), "/f": respond(200, {}, "arrived") }),
    ]);
    const page = new Browser(net).open("http://old.example/a");
    expect(page).toMatchObject({ url: "http://new.example/f", status: 200, body: "arrived" });
    expect(page.steps.filter((s) => s.type === "redirect")).toEqual([
      { type: "redirect", location: "http://old.example/b?x=1" },
      { type: "redirect", location: "http://old.example/c" },
      { type: "redirect", location: "http://new.example/d" },
      { type: "redirect", location: "http://new.example/e" },
      { type: "redirect", location: "http://new.example/f" },
    ]);
    expect(net.connections.map((c) => c.ip)).toEqual([SHOP, SHOP, SHOP, CDN, CDN, CDN]);
  });

  it("gives up with TOO_MANY_REDIRECTS after maxRedirects (5 by default) redirects", () => {
    const zone = { "loop.example": [{ type: "A" as const, value: SHOP }] };
    const looping = () => network(zone, [server(SHOP, 80, { "/": respond(302, { Location: "/" }) })]);
    const five = looping();
    expect(codeOf(() => new Browser(five).open("http://loop.example/"))).toBe("TOO_MANY_REDIRECTS");
    expect(five.connections).toHaveLength(6);
    const one = looping();
    expect(codeOf(() => new Browser(one, { maxRedirects: 1 }).open("http://loop.example/"))).toBe("TOO_MANY_REDIRECTS");
    expect(one.connections).toHaveLength(2);
    const none = looping();
    expect(codeOf(() => new Browser(none, { maxRedirects: 0 }).open("http://loop.example/"))).toBe("TOO_MANY_REDIRECTS");
    expect(none.connections).toHaveLength(1);
  });

  it("returns a 3xx without a Location as the page, and refuses a redirect to another scheme", () => {
    const zone = { "shop.example": [{ type: "A" as const, value: SHOP }] };
    const net = network(zone, [server(SHOP, 80, { "/": respond(301, {}, "moved, somewhere"), "/ftp": respond(302, { Location: "ftp://files.example/x" }) })]);
    const browser = new Browser(net);
    expect(browser.open("http://shop.example/")).toMatchObject({ status: 301, body: "moved, somewhere" });
    expect(codeOf(() => browser.open("http://shop.example/ftp"))).toBe("UNSUPPORTED_SCHEME");
  });
});

describe("URLs and responses it refuses", () => {
  it("refuses what is not an http(s) URL", () => {
    const browser = new Browser(network({}, []));
    expect(codeOf(() => browser.open("shop.example/cart"))).toBe("BAD_URL");
    expect(codeOf(() => browser.open("http://"))).toBe("BAD_URL");
    expect(codeOf(() => browser.open("ftp://shop.example/"))).toBe("UNSUPPORTED_SCHEME");
    expect(codeOf(() => browser.open("mailto:someone@shop.example"))).toBe("UNSUPPORTED_SCHEME");
  });

  it("parses a status line without a reason, joins repeated headers and cuts the body at Content-Length bytes", () => {
    const zone = { "shop.example": [{ type: "A" as const, value: SHOP }] };
    const raw = "HTTP/1.1 200\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nContent-Length: 5\r\n\r\ncafé and more";
    const page = new Browser(network(zone, [server(SHOP, 80, { "/": raw })])).open("http://shop.example/");
    expect(page).toMatchObject({ status: 200, body: "café", headers: { "set-cookie": "a=1, b=2", "content-length": "5" } });
  });

  it("fails with BAD_RESPONSE for a broken status line, a missing end of headers or a short body", () => {
    const zone = { "shop.example": [{ type: "A" as const, value: SHOP }] };
    const browser = new Browser(network(zone, [server(SHOP, 80, {
      "/v2": "HTTP/2 200\r\n\r\n",
      "/nohead": "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n",
      "/short": "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc",
      "/badline": "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
    })]));
    for (const path of ["/v2", "/nohead", "/short", "/badline"]) {
      expect(codeOf(() => browser.open(`http://shop.example${path}`)), path).toBe("BAD_RESPONSE");
    }
  });
});
