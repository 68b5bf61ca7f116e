import { Hono } from "hono";
import { clientAddress, forwardingHeaders, stripHopByHop } from "./forwarding";
import { createLimiter } from "./limiter";
import { gatewayError, type Bindings, type GatewayConfig, type GatewayOptions } from "./types";

/**
 * The gateway: one Hono app in front of every service. The server puts the connection's peer
 * address in `c.env.peer`. See the README for the steps, in order.
 */
export function createGateway(config: GatewayConfig, { fetch, now = Date.now }: GatewayOptions) {
  const limiter = createLimiter(config.rateLimit, now);
  const app = new Hono<{ Bindings: Bindings }>();

  app.all("*", async (c) => {
    // TODO: route, auth, rate limit, forwarding headers, request id, tries across instances.
    void c, fetch, limiter, clientAddress, forwardingHeaders, stripHopByHop;
    return gatewayError(502, "UPSTREAM_UNAVAILABLE");
  });

  return app;
}
