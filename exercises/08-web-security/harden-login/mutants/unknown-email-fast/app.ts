import { readCookie, readForm, reply, type ClientInfo, type Handler } from "./http";
import { constantTimeEqual, hashPassword, verifyPassword } from "./passwords";
import { SESSION_COOKIE, SessionStore, clearedCookie, sessionCookie, type Session } from "./sessions";
import { Throttle } from "./throttle";
import type { Users } from "./users";

export interface ServiceConfig {
  /** The site's own origin, e.g. "https://bank.example": the only one allowed to POST. */
  origin: string;
  /** PBKDF2 iterations for new and upgraded hashes. */
  iterations: number;
  /** The clock, in milliseconds. */
  now: () => number;
}

/** RFC 6797: two years, for this host and every subdomain. Sent over HTTPS only (§7.2). */
export const HSTS = "max-age=63072000; includeSubDomains";
const LOCK_MS = 15 * 60_000;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function createService(config: ServiceConfig, users: Users): Handler {
  const sessions = new SessionStore();
  const perEmail = new Throttle(5, LOCK_MS);
  const perIp = new Throttle(20, LOCK_MS);
  // A hash no password matches, at today's cost: an unknown email costs the same PBKDF2 run.
  const dummy = `pbkdf2-sha256$${config.iterations}$${btoa("\0".repeat(16))}$${btoa("\0".repeat(32))}`;

  async function login(req: Request, info: ClientInfo): Promise<Response> {
    const form = await readForm(req);
    const email = (form.get("email") ?? "").trim().toLowerCase();
    const password = form.get("password") ?? "";
    const now = config.now();
    // Unknown emails are counted too: otherwise "never locks" would say "no such account".
    const wait = Math.max(perEmail.retryAfter(email, now), perIp.retryAfter(info.ip, now));
    if (wait > 0) return reply(429, { error: "too_many_attempts" }, [["Retry-After", String(wait)]]);

    const user = users.get(email);
    if (!user) {
      perEmail.fail(email, now);
      perIp.fail(info.ip, now);
      return reply(401, { error: "invalid_credentials" });
    }
    const verdict = await verifyPassword(password, user?.passwordHash ?? dummy, config.iterations);
    if (!user || !verdict.ok) {
      perEmail.fail(email, now);
      perIp.fail(info.ip, now);
      return reply(401, { error: "invalid_credentials" }); // one answer for both cases
    }
    perEmail.reset(email);
    if (verdict.needsRehash) user.passwordHash = await hashPassword(password, config.iterations);

    const previous = readCookie(req, SESSION_COOKIE);
    if (previous) sessions.destroy(previous); // a session id from before login is never promoted
    const session = sessions.create(user.email, now);
    return reply(200, { email: user.email, name: user.name }, [["Set-Cookie", sessionCookie(session)]]);
  }

  /** The form's csrf_token must be this session's token: a token from another session is no token. */
  function csrfOk(session: Session, form: URLSearchParams): boolean {
    const encoder = new TextEncoder();
    return constantTimeEqual(encoder.encode(form.get("csrf_token") ?? ""), encoder.encode(session.csrfToken));
  }

  async function route(req: Request, info: ClientInfo, path: string): Promise<Response> {
    if (req.method === "POST" && req.headers.get("Origin") !== config.origin) return reply(403, { error: "bad_origin" });
    if (req.method === "POST" && path === "/login") return login(req, info);

    const known = ["GET /account", "POST /account/email", "POST /logout"];
    if (!known.includes(`${req.method} ${path}`)) return reply(404, { error: "not_found" });
    const session = sessions.touch(readCookie(req, SESSION_COOKIE), config.now());
    if (!session) return reply(401, { error: "unauthenticated" });
    const user = users.get(session.email)!;

    if (req.method === "GET") {
      return reply(200, { email: user.email, name: user.name, csrfToken: session.csrfToken }, [["Cache-Control", "no-store"]]);
    }
    const form = await readForm(req);
    if (!csrfOk(session, form)) return reply(403, { error: "bad_csrf_token" });
    if (path === "/logout") {
      sessions.destroy(session.id);
      return reply(204, null, [["Set-Cookie", clearedCookie()]]);
    }
    const email = (form.get("email") ?? "").trim().toLowerCase();
    if (!EMAIL.test(email)) return reply(400, { error: "invalid_request" });
    if (users.has(email)) return reply(409, { error: "email_taken" });
    users.delete(user.email);
    users.set(email, { ...user, email });
    session.email = email;
    return reply(200, { email });
  }

  return async (req, info) => {
    const url = new URL(req.url);
    if (url.protocol === "http:") {
      // No HSTS over plain HTTP (RFC 6797 §7.2): an attacker in the middle could strip or forge it.
      url.protocol = "https:";
      return reply(308, null, [["Location", url.href]]);
    }
    const res = await route(req, info, url.pathname);
    res.headers.set("Strict-Transport-Security", HSTS);
    return res;
  };
}
