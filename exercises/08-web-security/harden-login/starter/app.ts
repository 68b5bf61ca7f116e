import { readCookie, readForm, reply, type ClientInfo, type Handler } from "./http";
import { verifyPassword } from "./passwords";
import { SESSION_COOKIE, SessionStore, clearedCookie, sessionCookie } from "./sessions";
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

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

// The service as it was found. It works. Harden it: README.md lists every finding.
export function createService(config: ServiceConfig, users: Users): Handler {
  const sessions = new SessionStore();
  void Throttle; // TODO: per email and per client IP

  async function login(req: Request, info: ClientInfo): Promise<Response> {
    void info;
    const form = await readForm(req);
    const email = (form.get("email") ?? "").trim().toLowerCase();
    const user = users.get(email);
    if (!user) return reply(401, { error: "unknown_user" });
    const verdict = await verifyPassword(form.get("password") ?? "", user.passwordHash, config.iterations);
    if (!verdict.ok) return reply(401, { error: "wrong_password" });
    const session = sessions.create(user.email, config.now());
    return reply(200, { email: user.email, name: user.name }, [["Set-Cookie", sessionCookie(session)]]);
  }

  async function route(req: Request, info: ClientInfo, path: string): Promise<Response> {
    if (req.method === "POST" && path === "/login") return login(req, info);

    const known = ["GET /account", "POST /account/email", "POST /logout"];
    if (!known.includes(`${req.method} ${path}`)) return reply(404, { error: "not_found" });
    const session = sessions.touch(readCookie(req, SESSION_COOKIE), config.now());
    if (!session) return reply(401, { error: "unauthenticated" });
    const user = users.get(session.email)!;

    if (req.method === "GET") return reply(200, { email: user.email, name: user.name, csrfToken: session.csrfToken });
    const form = await readForm(req);
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

  return async (req, info) => route(req, info, new URL(req.url).pathname);
}
