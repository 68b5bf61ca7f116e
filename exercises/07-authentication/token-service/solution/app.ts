import { Hono, type Context } from "hono";
import { requireRole, type Env } from "./guard";
import { dummyHash, timingSafeEqual, verifyPassword, hashPassword } from "./passwords";
import { findUserByEmail, toPublic, type AuthConfig, type Store, type UserRecord } from "./store";
import { newRefreshToken, sha256Hex, signAccessToken } from "./tokens";

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function createApp(config: AuthConfig, store: Store) {
  const app = new Hono<Env>();
  // RFC 6749 §5.1: token responses must not be cached.
  const tokenReply = (c: Context, body: object, status: 200 | 400 | 401 = 200) => {
    c.header("Cache-Control", "no-store");
    return c.json(body, status);
  };

  /** A new refresh token in `family`, stored by its hash, plus an access token with the user's current role. */
  async function issue(c: Context, user: UserRecord, family: string) {
    const refresh = newRefreshToken();
    store.refreshTokens.set(await sha256Hex(refresh), {
      userId: user.id, family, expiresAt: config.now() + config.refreshTtl * 1000, usedAt: null, revoked: false,
    });
    const access = await signAccessToken({ sub: user.id, role: user.role }, config);
    return tokenReply(c, { access_token: access, token_type: "Bearer", expires_in: config.accessTtl, refresh_token: refresh });
  }

  app.post("/register", async (c) => {
    const body = await readJson(c);
    const email = typeof body.email === "string" ? body.email.trim().toLowerCase() : "";
    const password = typeof body.password === "string" ? body.password : "";
    const length = [...password].length;
    if (!EMAIL.test(email) || length < 12 || length > 128) return c.json({ error: "invalid_request" }, 400);
    if (findUserByEmail(store, email)) return c.json({ error: "email_taken" }, 409);
    // Only email and password are read: a "role" in the body is mass assignment, and ignored.
    const user: UserRecord = { id: store.nextUserId(), email, role: "user", passwordHash: await hashPassword(password, config.iterations) };
    store.users.set(user.id, user);
    return c.json(toPublic(user), 201);
  });

  app.post("/login", async (c) => {
    const body = await readJson(c);
    if (typeof body.email !== "string" || typeof body.password !== "string") return c.json({ error: "invalid_request" }, 400);
    const user = findUserByEmail(store, body.email.trim().toLowerCase());
    // Same answer and the same PBKDF2 work whether or not the email has an account.
    const ok = await verifyPassword(body.password, user?.passwordHash ?? dummyHash(config.iterations));
    if (!user || !ok) return c.json({ error: "invalid_credentials" }, 401);
    return issue(c, user, crypto.randomUUID());
  });

  app.post("/token", async (c) => {
    if (!(c.req.header("Content-Type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      return tokenReply(c, { error: "invalid_request" }, 400);
    }
    const form = new URLSearchParams(await c.req.text());
    const grant = form.get("grant_type");

    if (grant === "refresh_token") {
      const token = form.get("refresh_token");
      if (!token) return tokenReply(c, { error: "invalid_request" }, 400);
      const record = store.refreshTokens.get(await sha256Hex(token));
      if (!record || record.revoked || config.now() >= record.expiresAt) return tokenReply(c, { error: "invalid_grant" }, 400);
      if (record.usedAt !== null) {
        // A rotated token came back: the token was stolen, or the client is confused. Either way
        // we cannot tell the thief from the owner, so the whole family dies (RFC 9700 §4.14.2).
        for (const other of store.refreshTokens.values()) if (other.family === record.family) other.revoked = true;
        return tokenReply(c, { error: "invalid_grant" }, 400);
      }
      const user = store.users.get(record.userId);
      if (!user) return tokenReply(c, { error: "invalid_grant" }, 400);
      record.usedAt = config.now();
      return issue(c, user, record.family);
    }

    if (grant === "client_credentials") {
      const client = await authenticateClient(config, c.req.header("Authorization"));
      if (!client) {
        c.header("WWW-Authenticate", 'Basic realm="token"');
        return tokenReply(c, { error: "invalid_client" }, 401);
      }
      // RFC 6749 §4.4.3: no refresh token; the client can always ask again with its secret.
      const access = await signAccessToken({ sub: client.id, role: client.role }, config);
      return tokenReply(c, { access_token: access, token_type: "Bearer", expires_in: config.accessTtl });
    }

    return tokenReply(c, { error: grant ? "unsupported_grant_type" : "invalid_request" }, 400);
  });

  app.get("/me", requireRole(config, "user", "admin"), (c) => {
    const user = store.users.get(c.get("auth").sub);
    return user ? c.json(toPublic(user)) : c.json({ error: "not_found" }, 404);
  });

  app.get("/admin/users", requireRole(config, "admin"), (c) => c.json({ users: [...store.users.values()].map(toPublic) }));

  app.put("/admin/users/:id/role", requireRole(config, "admin"), async (c) => {
    const { role } = await readJson(c);
    if (role !== "user" && role !== "admin") return c.json({ error: "invalid_request" }, 400);
    const user = store.users.get(c.req.param("id"));
    if (!user) return c.json({ error: "not_found" }, 404);
    user.role = role;
    return c.json(toPublic(user));
  });

  app.get("/metrics", requireRole(config, "service", "admin"), (c) => c.json({ users: store.users.size }));

  return app;
}

/** HTTP Basic (RFC 7617) carrying form-urlencoded client id and secret (RFC 6749 §2.3.1). */
async function authenticateClient(config: AuthConfig, header: string | undefined) {
  const match = /^Basic +([A-Za-z0-9+/]+=*)$/i.exec(header ?? "");
  if (!match) return undefined;
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]), (ch) => ch.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  let id: string, secret: string;
  try {
    [id, secret] = [decoded.slice(0, colon), decoded.slice(colon + 1)].map((part) => decodeURIComponent(part.replace(/\+/g, " ")));
  } catch {
    return undefined;
  }
  const client = config.clients.find((candidate) => candidate.id === id);
  const [given, expected] = await Promise.all([sha256(secret), sha256(client?.secret ?? "")]);
  // Hash both sides first so the comparison is constant-time over equal lengths.
  return client && timingSafeEqual(given, expected) ? client : undefined;
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

async function readJson(c: Context): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => null);
  return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
