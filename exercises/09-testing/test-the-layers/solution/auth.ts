/** The security layer: a bearer-token guard for every route. READ-ONLY: you test it. */
import type { MiddlewareHandler } from "hono";
import { noteCall } from "./errors";

/** The tokens the service knows (the tests use these): token → user. */
export const TOKENS: Readonly<Record<string, string>> = { "tok-ada": "ada", "tok-bob": "bob" };

export type AuthEnv = { Variables: { user: string } };

/**
 * Lets a request through only with `Authorization: Bearer <token>` for a known token, and sets
 * the user. Anything else — no header, another scheme, an unknown token — is answered
 * 401 {"error":{"code":"UNAUTHENTICATED"}} with `WWW-Authenticate: Bearer`, on every method.
 */
export function bearerAuth(tokens: Readonly<Record<string, string>>): MiddlewareHandler<AuthEnv> {
  noteCall();
  return async (c, next) => {
    noteCall();
    const match = /^Bearer (\S+)$/.exec(c.req.header("authorization") ?? "");
    const user = match && Object.hasOwn(tokens, match[1]) ? tokens[match[1]] : undefined;
    if (user === undefined) {
      c.header("WWW-Authenticate", "Bearer");
      return c.json({ error: { code: "UNAUTHENTICATED" } }, 401);
    }
    c.set("user", user);
    await next();
  };
}
