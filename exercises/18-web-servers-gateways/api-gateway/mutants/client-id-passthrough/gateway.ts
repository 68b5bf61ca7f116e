import { Hono } from "hono";
import { clientAddress, forwardingHeaders, stripHopByHop } from "./forwarding";
import { createLimiter } from "./limiter";
import { gatewayError, type Bindings, type GatewayConfig, type GatewayOptions, type Route } from "./types";

/** RFC 9110 §9.2.2: the safe methods, PUT and DELETE. */
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]);
const REQUEST_ID = /^[\w\-=]{1,255}$/;

/** The longest prefix that owns `path` at a segment boundary: "/users" owns "/users/1", not "/usersx". */
function findRoute(routes: Route[], path: string): Route | undefined {
  const owns = (r: Route) => path === r.prefix || path.startsWith(r.prefix + "/");
  return routes.filter(owns).sort((a, b) => b.prefix.length - a.prefix.length)[0];
}

export function createGateway(config: GatewayConfig, { fetch, now = Date.now }: GatewayOptions) {
  const limiter = createLimiter(config.rateLimit, now);
  const next = new Map<Route, number>();
  const app = new Hono<{ Bindings: Bindings; Variables: { requestId: string } }>();

  app.use(async (c, proceed) => {
    const given = c.req.header("x-request-id");
    const id = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    c.set("requestId", id);
    await proceed();
    c.res.headers.set("x-request-id", id);
  });

  app.all("*", async (c) => {
    const url = new URL(c.req.url);
    const route = findRoute(config.routes, url.pathname);
    if (!route) return gatewayError(404, "NO_ROUTE");
    const { peer } = c.env;
    const incoming = c.req.raw.headers;
    const headers = stripHopByHop(incoming);
    // Identity headers are the gateway's to set: a client must not bring its own.
    headers.delete("x-api-key");

    let client = `ip:${clientAddress(peer, incoming.get("x-forwarded-for"), config.trustedProxies)}`;
    if (route.auth) {
      const key = incoming.get("x-api-key");
      const id = key !== null && Object.hasOwn(config.apiKeys, key) ? config.apiKeys[key] : undefined;
      if (!id) return gatewayError(401, "UNAUTHORIZED");
      headers.set("x-client-id", id);
      client = `key:${id}`;
    }
    const wait = limiter.take(client);
    if (wait > 0) return gatewayError(429, "RATE_LIMITED", { "retry-after": String(wait) });

    const hop = { peer, proto: url.protocol.slice(0, -1), host: url.host };
    for (const [name, value] of Object.entries(forwardingHeaders(incoming, hop, config.trustedProxies))) headers.set(name, value);
    headers.set("x-request-id", c.get("requestId"));

    const method = c.req.method.toUpperCase();
    // Buffered once, so a second try can send it again.
    const body = method === "GET" || method === "HEAD" ? undefined : await c.req.arrayBuffer();
    const target = (url.pathname.slice(route.prefix.length) || "/") + url.search;
    const first = next.get(route) ?? 0;
    next.set(route, (first + 1) % route.upstreams.length);

    let timedOut = false;
    for (let i = 0; i < route.upstreams.length; i++) {
      const upstream = route.upstreams[(first + i) % route.upstreams.length];
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), route.timeoutMs ?? 1000);
      try {
        const res = await fetch(upstream + target, { method: c.req.method, headers, body, signal: controller.signal });
        return new Response(res.body, { status: res.status, statusText: res.statusText, headers: stripHopByHop(res.headers) });
      } catch {
        timedOut = controller.signal.aborted;
        // A refused connection sent nothing, so any method may go on; after a timeout only an idempotent one.
        if (timedOut && !IDEMPOTENT.has(method)) break;
      } finally {
        clearTimeout(timer);
      }
    }
    return timedOut ? gatewayError(504, "UPSTREAM_TIMEOUT") : gatewayError(502, "UPSTREAM_UNAVAILABLE");
  });

  return app;
}
