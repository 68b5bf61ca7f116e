/** Sessions end 30 minutes after the last request (idle) and 8 hours after login (absolute), whichever is first. */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 8 * 60 * 60_000;

/** `__Host-`: the browser only accepts it with Secure, Path=/ and no Domain, so no subdomain can plant it. */
export const SESSION_COOKIE = "__Host-sid";

export interface Session {
  id: string;
  email: string;
  /** The synchronizer token: random, per session, sent back with every state-changing request. */
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

export class SessionStore {
  readonly #sessions = new Map<string, Session>();

  /** A new session with fresh random id and CSRF token (never reuse one from before login). */
  create(email: string, now: number): Session {
    const session = { id: randomToken(), email, csrfToken: randomToken(), createdAt: now, lastSeenAt: now };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id, its idle clock restarted; an expired one is deleted and undefined. */
  touch(id: string | undefined, now: number): Session | undefined {
    const session = id === undefined ? undefined : this.#sessions.get(id);
    if (!session) return undefined;
    if (now - session.createdAt >= ABSOLUTE_TIMEOUT_MS) {
      this.#sessions.delete(session.id);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  destroy(id: string): void {
    this.#sessions.delete(id);
  }
}

/** The Set-Cookie value that hands the browser this session. */
export function sessionCookie(session: Session): string {
  return `${SESSION_COOKIE}=${session.id}; Path=/; Max-Age=${ABSOLUTE_TIMEOUT_MS / 1000}; Secure; HttpOnly; SameSite=Lax`;
}

/** The Set-Cookie value that makes the browser forget it. */
export function clearedCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax`;
}

/** 32 random bytes, base64url: 256 bits nobody can guess. */
function randomToken(): string {
  let binary = "";
  for (const byte of crypto.getRandomValues(new Uint8Array(32))) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
