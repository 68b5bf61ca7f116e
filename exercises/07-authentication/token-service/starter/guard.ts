import type { MiddlewareHandler } from "hono";
import type { AuthConfig, Role } from "./store";
import type { AccessClaims } from "./tokens";

export type Env = { Variables: { auth: AccessClaims } };

/**
 * Lets the request through (with c.set("auth", claims)) only for a valid Bearer access token
 * whose role is one of `roles`. Otherwise answer as README.md's table says: 401 or 403, with
 * the right WWW-Authenticate challenge and error body.
 */
export function requireRole(config: AuthConfig, ...roles: Role[]): MiddlewareHandler<Env> {
  return async (c, next) => {
    // TODO
    return c.json({ error: "not implemented" }, 501);
  };
}
