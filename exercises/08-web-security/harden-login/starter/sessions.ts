// TODO: idle and absolute timeouts (README.md), and a cookie name the browser protects.
export const SESSION_COOKIE = "sid";

export interface Session {
  id: string;
  email: string;
  /** The synchronizer token: random, per session, sent back with every state-changing request. */
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

let counter = 0;

export class SessionStore {
  readonly #sessions = new Map<string, Session>();

  /** TODO: unguessable id and CSRF token. */
  create(email: string, now: number): Session {
    const session = { id: String(++counter), email, csrfToken: "", createdAt: now, lastSeenAt: now };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** TODO: expire idle and old sessions (deleting them), and restart the idle clock on use. */
  touch(id: string | undefined, now: number): Session | undefined {
    void now;
    return id === undefined ? undefined : this.#sessions.get(id);
  }

  destroy(id: string): void {
    this.#sessions.delete(id);
  }
}

/** TODO: the attributes that keep the cookie from scripts, plain HTTP and other sites. */
export function sessionCookie(session: Session): string {
  return `${SESSION_COOKIE}=${session.id}`;
}

export function clearedCookie(): string {
  return `${SESSION_COOKIE}=`;
}
