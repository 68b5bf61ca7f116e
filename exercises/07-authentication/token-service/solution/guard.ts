import type { Context, MiddlewareHandler } from "hono";
import type { AuthConfig, Role } from "./store";
import { verifyAccessToken, type AccessClaims } from "./tokens";

export type Env = { Variables: { auth: AccessClaims } };

const REALM = 'Bearer realm="api"';

/**
 * RFC 6750 §3: no credentials → 401 with a bare challenge; a bad token → 401 error="invalid_token";
 * a good token whose role may not do this → 403 error="insufficient_scope".
 */
export function requireRole(config: AuthConfig, ...roles: Role[]): MiddlewareHandler<Env> {
  return async (c, next) => {
    const header = c.req.header("Authorization") ?? "";
    const match = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(header);
    if (!match) return challenge(c, 401, "unauthenticated", REALM);
    const claims = await verifyAccessToken(match[1], config);
    if (!claims) return challenge(c, 401, "invalid_token", `${REALM}, error="invalid_token"`);
    if (!roles.includes(claims.role)) return challenge(c, 403, "insufficient_scope", `${REALM}, error="insufficient_scope"`);
    c.set("auth", claims);
    await next();
  };
}

function challenge(c: Context, status: 401 | 403, error: string, header: string) {
  c.header("WWW-Authenticate", header);
  return c.json({ error }, status);
}
