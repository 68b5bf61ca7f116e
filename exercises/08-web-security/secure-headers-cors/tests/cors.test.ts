import { describe, it, expect, vi } from "vitest";
import { withSecurity, type SecurityOptions } from "../main";

const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";

function setup(options: Partial<SecurityOptions> = {}) {
  const handler = vi.fn(async (req: Request) => Response.json({ ok: true, method: req.method }, { headers: { "X-Request-Id": "r-1" } }));
  const secured = withSecurity(handler, { allowedOrigins: [APP, ADMIN], ...options });
  return { handler, secured };
}

/**
 * Browsers treat Origin and Access-Control-Request-* as forbidden request headers: in a page or a
 * worker, `new Request(url, { headers })` silently drops them. A standalone Headers object has no
 * such guard, so requests built here answer `.headers` with one holding exactly what we sent.
 */
function request(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Request {
  const req = new Request(url, init);
  Object.defineProperty(req, "headers", { value: new Headers(init.headers) });
  return req;
}

function req(method: string, headers: Record<string, string> = {}, url = "https://api.example.com/orders") {
  return request(url, { method, headers });
}

function preflight(origin: string, method: string, requestHeaders?: string) {
  const headers: Record<string, string> = { Origin: origin, "Access-Control-Request-Method": method };
  if (requestHeaders !== undefined) headers["Access-Control-Request-Headers"] = requestHeaders;
  return req("OPTIONS", headers);
}

/** All Access-Control-* response headers, as a plain object (lowercase names). */
function corsHeaders(res: Response): Record<string, string> {
  return Object.fromEntries([...res.headers].filter(([name]) => name.startsWith("access-control-")));
}

const varyList = (res: Response) => (res.headers.get("Vary") ?? "").split(",").map((v) => v.trim().toLowerCase()).filter(Boolean);

describe("actual (non-preflight) requests", () => {
  it("echoes an allowed origin (never *) and still runs the handler", async () => {
    const { handler, secured } = setup();
    const res = await secured(req("GET", { Origin: APP }));
    expect(handler).toHaveBeenCalledTimes(1);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, method: "GET" });
    expect(corsHeaders(res)).toEqual({ "access-control-allow-origin": APP });
    expect(varyList(res)).toContain("origin");
  });

  it("adds Access-Control-Allow-Credentials only when credentials are enabled", async () => {
    const withCreds = await setup({ credentials: true }).secured(req("POST", { Origin: ADMIN }));
    expect(corsHeaders(withCreds)).toEqual({
      "access-control-allow-origin": ADMIN,
      "access-control-allow-credentials": "true",
    });
    const without = await setup().secured(req("POST", { Origin: ADMIN }));
    expect(without.headers.get("Access-Control-Allow-Credentials")).toBeNull();
  });

  it.each([
    "https://evil.example",
    "https://app.example.com.evil.example",
    "https://evilapp.example.com",
    "http://app.example.com",
    "https://app.example.com:8443",
    "null",
  ])("gives no CORS headers to origin %s, though the handler still runs", async (origin) => {
    const { handler, secured } = setup({ credentials: true });
    const res = await secured(req("GET", { Origin: origin }));
    expect(handler).toHaveBeenCalledTimes(1);
    expect(res.status).toBe(200);
    expect(corsHeaders(res)).toEqual({});
  });

  it("sends Vary: Origin on every response, even without an Origin header, merged with the handler's Vary", async () => {
    const plain = await setup().secured(req("GET"));
    expect(plain.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(varyList(plain)).toEqual(["origin"]);

    const handler = async () => new Response("hi", { headers: { Vary: "Accept-Encoding" } });
    const merged = await withSecurity(handler, { allowedOrigins: [APP] })(req("GET", { Origin: APP }));
    expect(varyList(merged)).toEqual(["accept-encoding", "origin"]);

    const already = async () => new Response("hi", { headers: { Vary: "origin" } });
    expect(varyList(await withSecurity(already, { allowedOrigins: [APP] })(req("GET")))).toEqual(["origin"]);
  });

  it("lists exposedHeaders in Access-Control-Expose-Headers", async () => {
    const res = await setup({ exposedHeaders: ["X-Request-Id", "X-RateLimit-Remaining"] }).secured(req("GET", { Origin: APP }));
    expect(res.headers.get("Access-Control-Expose-Headers")).toBe("X-Request-Id, X-RateLimit-Remaining");
  });

  it('answers any origin with "*" for a public API without credentials', async () => {
    const { secured } = setup({ allowedOrigins: ["*"] });
    for (const origin of ["https://anyone.example", "null"]) {
      const res = await secured(req("GET", { Origin: origin }));
      expect(corsHeaders(res)).toEqual({ "access-control-allow-origin": "*" });
    }
  });
});

describe("configuration", () => {
  it('refuses "*" together with credentials (TypeError when wrapping)', () => {
    expect(() => withSecurity(() => new Response(), { allowedOrigins: ["*"], credentials: true })).toThrow(TypeError);
  });

  it.each(["https://app.example.com/", "app.example.com", "null", "https://app.example.com/api", "https://APP.example.com", "ftp://files.example.com", ""])(
    "refuses %j as an allowed origin (TypeError)",
    (origin) => {
      expect(() => withSecurity(() => new Response(), { allowedOrigins: [origin] })).toThrow(TypeError);
    },
  );

  it("accepts origins with a port, and http://localhost for development", () => {
    expect(() => withSecurity(() => new Response(), { allowedOrigins: ["http://localhost:5173", "https://app.example.com:8443"] })).not.toThrow();
  });
});

describe("preflight (OPTIONS with Access-Control-Request-Method)", () => {
  it("answers an allowed preflight itself with 204 and the allowed methods, headers and max age", async () => {
    const { handler, secured } = setup({
      allowedMethods: ["GET", "POST", "PUT", "DELETE"],
      allowedHeaders: ["Content-Type", "X-Request-Id"],
      credentials: true,
      maxAgeSeconds: 300,
    });
    const res = await secured(preflight(APP, "PUT", "content-type, x-request-id"));
    expect(handler).not.toHaveBeenCalled();
    expect(res.status).toBe(204);
    expect(corsHeaders(res)).toEqual({
      "access-control-allow-origin": APP,
      "access-control-allow-methods": "GET, POST, PUT, DELETE",
      "access-control-allow-headers": "Content-Type, X-Request-Id",
      "access-control-max-age": "300",
      "access-control-allow-credentials": "true",
    });
    expect(varyList(res)).toContain("origin");
  });

  it("uses the defaults: GET, HEAD, POST, Content-Type and 600 seconds", async () => {
    const res = await setup().secured(preflight(APP, "POST", "Content-Type"));
    expect(res.status).toBe(204);
    expect(corsHeaders(res)).toEqual({
      "access-control-allow-origin": APP,
      "access-control-allow-methods": "GET, HEAD, POST",
      "access-control-allow-headers": "Content-Type",
      "access-control-max-age": "600",
    });
  });

  it("refuses a preflight from an origin not on the list: 403, no CORS headers, handler not called", async () => {
    const { handler, secured } = setup();
    const res = await secured(preflight("https://evil.example", "POST", "content-type"));
    expect(res.status).toBe(403);
    expect(corsHeaders(res)).toEqual({});
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a method or a request header that is not allowed", async () => {
    const { handler, secured } = setup({ allowedMethods: ["GET", "POST"], allowedHeaders: ["Content-Type"] });
    const badMethod = await secured(preflight(APP, "DELETE"));
    expect(badMethod.status).toBe(403);
    expect(corsHeaders(badMethod)).toEqual({});
    const badHeader = await secured(preflight(APP, "POST", "content-type,x-evil"));
    expect(badHeader.status).toBe(403);
    expect(corsHeaders(badHeader)).toEqual({});
    expect(handler).not.toHaveBeenCalled();
  });

  it("compares request header names case-insensitively and tolerates spaces and empty entries", async () => {
    const { secured } = setup({ allowedHeaders: ["Content-Type", "X-Request-Id"] });
    expect((await secured(preflight(APP, "POST", "CONTENT-TYPE ,  X-Request-ID"))).status).toBe(204);
    expect((await secured(preflight(APP, "POST", "content-type,,"))).status).toBe(204);
    expect((await secured(preflight(APP, "POST", ""))).status).toBe(204);
  });

  it("compares the requested method exactly: browsers send a non-standard method in the case it was written", async () => {
    // Fetch normalizes only DELETE, GET, HEAD, OPTIONS, POST and PUT to upper case; fetch(url, { method: "patch" })
    // asks for "patch", and the browser itself checks it against Allow-Methods byte for byte.
    const { secured } = setup({ allowedMethods: ["GET", "PATCH"] });
    expect((await secured(preflight(APP, "PATCH"))).status).toBe(204);
    const lower = await secured(preflight(APP, "patch"));
    expect(lower.status).toBe(403);
    expect(corsHeaders(lower)).toEqual({});
  });

  it('answers a preflight under a ["*"] policy with "*", never the echoed origin', async () => {
    const { handler, secured } = setup({ allowedOrigins: ["*"] });
    const res = await secured(preflight("https://anyone.example", "POST", "content-type"));
    expect(handler).not.toHaveBeenCalled();
    expect(res.status).toBe(204);
    expect(corsHeaders(res)).toEqual({
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "GET, HEAD, POST",
      "access-control-allow-headers": "Content-Type",
      "access-control-max-age": "600",
    });
  });

  it("passes an OPTIONS request without Access-Control-Request-Method to the handler", async () => {
    const { handler, secured } = setup();
    const res = await secured(req("OPTIONS", { Origin: APP }));
    expect(handler).toHaveBeenCalledTimes(1);
    expect(await res.json()).toEqual({ ok: true, method: "OPTIONS" });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe(APP);
  });
});
