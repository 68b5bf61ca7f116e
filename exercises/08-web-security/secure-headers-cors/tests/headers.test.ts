import { describe, it, expect, vi } from "vitest";
import { withSecurity } from "../main";

const options = { allowedOrigins: ["https://app.example.com"] };
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

/**
 * The values README.md states, written out here: a response is checked against them, never against
 * the learner's own DEFAULT_CSP or HSTS constants (a weak constant must not pass by definition).
 */
const README_CSP = { "default-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'none'"], "frame-ancestors": ["'none'"] };
const README_HSTS = { "max-age": "63072000", includesubdomains: "" };

/** CSP Level 3 §2.2: directives split on ";", a name (any case) then a space-separated source list. */
function cspDirectives(value: string | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of (value ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name !== undefined) out[name.toLowerCase()] = sources.sort();
  }
  return out;
}

/** RFC 6797 §6.1: directives split on ";", names case-insensitive, an optional (quoted) value. */
function hstsDirectives(value: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (value ?? "").split(";")) {
    const [name, raw = ""] = part.trim().split("=");
    if (name) out[name.trim().toLowerCase()] = raw.trim().replace(/^"(.*)"$/, "$1");
  }
  return out;
}

const html = () => new Response("<h1>hi</h1>", { headers: { "Content-Type": "text/html; charset=utf-8" } });

describe("security headers", () => {
  it("adds CSP, nosniff, Referrer-Policy and X-Frame-Options, and keeps the handler's response", async () => {
    const res = await withSecurity(html, options)(new Request("https://shop.example.com/"));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("<h1>hi</h1>");
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect({
      nosniff: res.headers.get("X-Content-Type-Options"),
      referrer: res.headers.get("Referrer-Policy"),
      frames: res.headers.get("X-Frame-Options"),
    }).toEqual({ nosniff: "nosniff", referrer: "strict-origin-when-cross-origin", frames: "DENY" });
  });

  it("sends exactly the README's default CSP: only our own origin, no plugins, no <base>, no framing", async () => {
    const res = await withSecurity(html, options)(new Request("https://shop.example.com/"));
    expect(cspDirectives(res.headers.get("Content-Security-Policy")), "CSP directives sent (any order)").toEqual(README_CSP);
  });

  it("sends Strict-Transport-Security for two years with includeSubDomains, on https only", async () => {
    const secured = withSecurity(html, options);
    const https = (await secured(new Request("https://shop.example.com/"))).headers.get("Strict-Transport-Security");
    expect(hstsDirectives(https), `Strict-Transport-Security sent: ${https}`).toEqual(README_HSTS);
    expect((await secured(new Request("http://shop.example.com/"))).headers.get("Strict-Transport-Security")).toBeNull();
  });

  it("uses the contentSecurityPolicy option, and leaves headers the handler set itself", async () => {
    const custom = "default-src 'self'; img-src 'self' https://cdn.example.com; frame-ancestors 'none'";
    const own = await withSecurity(html, { ...options, contentSecurityPolicy: custom })(new Request("https://shop.example.com/"));
    expect(own.headers.get("Content-Security-Policy")).toBe(custom);

    const embeddable = () =>
      new Response("widget", {
        headers: { "Content-Security-Policy": "frame-ancestors https://partner.example", "Referrer-Policy": "no-referrer" },
      });
    const res = await withSecurity(embeddable, options)(new Request("https://shop.example.com/widget"));
    expect(res.headers.get("Content-Security-Policy")).toBe("frame-ancestors https://partner.example");
    expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("removes X-Powered-By", async () => {
    const chatty = () => new Response("ok", { headers: { "X-Powered-By": "Express 4.17.1" } });
    const res = await withSecurity(chatty, options)(new Request("https://shop.example.com/"));
    expect(res.headers.get("X-Powered-By")).toBeNull();
  });

  it("adds the headers to error responses too, keeping status and statusText", async () => {
    const notFound = () => new Response("missing", { status: 404, statusText: "Not Found" });
    const res = await withSecurity(notFound, options)(new Request("https://shop.example.com/nope"));
    expect([res.status, res.statusText, await res.text()]).toEqual([404, "Not Found", "missing"]);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("adds them to preflight answers as well", async () => {
    const preflight = request("https://shop.example.com/api", {
      method: "OPTIONS",
      headers: { Origin: "https://app.example.com", "Access-Control-Request-Method": "POST" },
    });
    const res = await withSecurity(html, options)(preflight);
    expect(res.status).toBe(204);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(hstsDirectives(res.headers.get("Strict-Transport-Security"))).toEqual(README_HSTS);
    expect(cspDirectives(res.headers.get("Content-Security-Policy"))).toEqual(README_CSP);
  });

  it("works when the handler's response has immutable headers (Response.redirect, fetch)", async () => {
    const redirect = () => Response.redirect("https://shop.example.com/login", 302);
    const res = await withSecurity(redirect, options)(request("https://shop.example.com/account", { headers: { Origin: "https://app.example.com" } }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("https://shop.example.com/login");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("https://app.example.com");
  });

  it("passes the original request to the handler", async () => {
    const handler = vi.fn(async (req: Request) => new Response(`${req.method} ${new URL(req.url).pathname} ${await req.text()}`));
    const res = await withSecurity(handler, options)(new Request("https://shop.example.com/notes", { method: "POST", body: "hello" }));
    expect(await res.text()).toBe("POST /notes hello");
  });
});
