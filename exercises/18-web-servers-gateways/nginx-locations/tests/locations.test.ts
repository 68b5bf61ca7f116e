import { describe, expect, it } from "vitest";
import { LocationError, normalizePath, selectLocation, upstreamUrl, validate, type Location } from "../locations";

const loc = (modifier: Location["modifier"], path: string, proxyPass = "http://app"): Location => ({ modifier, path, proxyPass });

const config: Location[] = [
  loc("=", "/", "http://home"),
  loc(undefined, "/", "http://default"),
  loc(undefined, "/api/", "http://api"),
  loc(undefined, "/api/v1/", "http://api-v1"),
  loc("^~", "/static/", "http://files"),
  loc("~*", "\\.(png|jpg)$", "http://images"),
  loc("~", "^/api/v1/admin", "http://admin"),
  loc("~", "^/api/v1/", "http://regex-v1"),
];
const pick = (uri: string, locations = config) => selectLocation(locations, uri)?.proxyPass ?? null;

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(LocationError);
    return (error as LocationError).code;
  }
  return "no error";
};

describe("selectLocation: nginx's search order", () => {
  it("ends the search at an exact match, which matches only the whole path", () => {
    expect(pick("/")).toBe("http://home");
    expect(pick("/?page=2")).toBe("http://home");
    expect(pick("/about")).toBe("http://default");
    expect(pick("/login", [loc("~", "^/login"), loc("=", "/login", "http://exact")])).toBe("http://exact");
  });

  it("takes the longest matching prefix, not the first one in the config", () => {
    expect(pick("/api/orders")).toBe("http://api");
    const prefixes = [loc(undefined, "/"), loc(undefined, "/shop"), loc(undefined, "/shop/cart", "http://cart")];
    expect(pick("/shop/cart/items", prefixes)).toBe("http://cart");
    expect(pick("/shopping", prefixes)).toBe("http://app");
  });

  it("lets the first matching regex, in config order, beat a longer prefix; only ~* ignores case", () => {
    expect(pick("/api/v1/admin/users")).toBe("http://admin");
    expect(pick("/api/v1/users")).toBe("http://regex-v1");
    expect(pick("/api/logo.PNG")).toBe("http://images");
    // ~ is case-sensitive, ~* is not; prefixes are case-sensitive.
    expect(pick("/API/V1/ADMIN")).toBe("http://default");
    expect(pick("/photos/cat.JPG")).toBe("http://images");
  });

  it("skips the regexes when the longest prefix is ^~", () => {
    expect(pick("/static/logo.png")).toBe("http://files");
  });

  it("still checks the regexes when a ^~ prefix matches but a longer plain prefix wins", () => {
    const locations = [loc("^~", "/media/"), loc(undefined, "/media/raw/", "http://raw"), loc("~", "\\.png$", "http://images")];
    expect(pick("/media/raw/a.png", locations)).toBe("http://images");
    expect(pick("/media/a.png", locations)).toBe("http://app");
  });

  it("falls back to the longest prefix when no regex matches, and gives null when nothing matches", () => {
    expect(pick("/api/v2/users")).toBe("http://api");
    expect(selectLocation([loc(undefined, "/api/"), loc("=", "/health")], "/metrics")).toBeNull();
    expect(selectLocation([loc("=", "/health")], "/health/live")).toBeNull();
  });
});

describe("normalizePath: what the locations are matched against", () => {
  it("drops the query, decodes %XX, merges slashes and resolves . and ..", () => {
    expect(normalizePath("/a//b/./c?x=/d")).toBe("/a/b/c");
    expect(normalizePath("/a/b/../c")).toBe("/a/c");
    expect(normalizePath("/a/b/..")).toBe("/a/");
    expect(normalizePath("/files/a%20b")).toBe("/files/a b");
  });

  it("matches the normalized path, so dot segments and encoding cannot dodge a location", () => {
    const locations = [loc(undefined, "/"), loc("^~", "/admin/", "http://admin")];
    expect(pick("/public/../admin/panel", locations)).toBe("http://admin");
    expect(pick("/%61dmin/panel", locations)).toBe("http://admin");
    expect(pick("//admin//panel", locations)).toBe("http://admin");
  });

  it("rejects a path that climbs above the root, bad %-encoding, or no leading slash with BAD_URI", () => {
    expect(codeOf(() => normalizePath("/a/../../etc/passwd"))).toBe("BAD_URI");
    expect(codeOf(() => selectLocation(config, "/%zz"))).toBe("BAD_URI");
    expect(codeOf(() => normalizePath("api/x"))).toBe("BAD_URI");
  });
});

describe("upstreamUrl: proxy_pass with and without a URI part", () => {
  it("passes the request URI as the client sent it when proxy_pass has no URI", () => {
    expect(upstreamUrl(loc(undefined, "/api/", "http://api"), "/api//orders/../x?id=3")).toBe("http://api/api//orders/../x?id=3");
  });

  it("replaces the matched prefix of the normalized path with the URI part, keeping the query", () => {
    expect(upstreamUrl(loc(undefined, "/api/", "http://users/"), "/api/v1/me?full=1")).toBe("http://users/v1/me?full=1");
    expect(upstreamUrl(loc(undefined, "/api/", "http://users/v2/"), "/api//v1/./me")).toBe("http://users/v2/v1/me");
    expect(upstreamUrl(loc("=", "/login", "http://auth/session"), "/login?next=/")).toBe("http://auth/session?next=/");
  });

  it("glues the rest on as it is, so a missing slash in the URI part shows", () => {
    expect(upstreamUrl(loc(undefined, "/api/", "http://users/v2"), "/api/me")).toBe("http://users/v2me");
  });

  it("escapes the decoded rest of the path again", () => {
    expect(upstreamUrl(loc(undefined, "/files/", "http://store/data/"), "/files/a%20b.txt")).toBe("http://store/data/a%20b.txt");
  });
});

describe("validate: what nginx -t refuses", () => {
  it("refuses a URI part in proxy_pass inside a regex location", () => {
    expect(codeOf(() => validate([loc("~", "\\.php$", "http://php/")]))).toBe("URI_IN_REGEX_LOCATION");
    expect(codeOf(() => validate([loc("~*", "\\.php$", "http://php/index")]))).toBe("URI_IN_REGEX_LOCATION");
    expect(() => validate([loc("~", "\\.php$", "http://php")])).not.toThrow();
  });

  it("refuses the same prefix twice, ^~ or not, but allows an exact location beside it", () => {
    expect(codeOf(() => validate([loc(undefined, "/a"), loc("^~", "/a")]))).toBe("DUPLICATE_LOCATION");
    expect(codeOf(() => validate([loc("=", "/a"), loc("=", "/a")]))).toBe("DUPLICATE_LOCATION");
    expect(() => validate([loc(undefined, "/a"), loc("=", "/a"), loc(undefined, "/a/")])).not.toThrow();
  });

  it("refuses a regex that does not compile with BAD_REGEX, and accepts the example config", () => {
    expect(codeOf(() => validate([loc("~", "^/(unclosed")]))).toBe("BAD_REGEX");
    expect(() => validate(config)).not.toThrow();
  });
});
