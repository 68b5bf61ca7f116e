import { hashPassword } from "./passwords";

export type Role = "user" | "admin" | "service";

/** A person who signed up. The hash never leaves the server: answer with toPublic(user). */
export interface UserRecord {
  id: string;
  email: string;
  role: "user" | "admin";
  passwordHash: string;
}

/** One refresh token, stored under the SHA-256 (hex) of the token, never the token itself. */
export interface RefreshRecord {
  userId: string;
  /** Every token rotated from the same login shares its family id. */
  family: string;
  /** Milliseconds since the epoch; the token is dead from this moment on. */
  expiresAt: number;
  /** When it was exchanged for a new one (null while unused). */
  usedAt: number | null;
  revoked: boolean;
}

/** A machine client (a cron job, another service) that logs in with its id and secret. */
export interface MachineClient {
  id: string;
  secret: string;
  role: "service";
}

export interface AuthConfig {
  /** HS256 key, at least 32 bytes. */
  secret: Uint8Array;
  /** The JWT iss claim: who issued the token. */
  issuer: string;
  /** The JWT aud claim: the API the token is for. */
  audience: string;
  /** Access token lifetime in seconds. */
  accessTtl: number;
  /** Refresh token lifetime in seconds. */
  refreshTtl: number;
  clients: readonly MachineClient[];
  /** The clock, in milliseconds since the epoch. Tests move it. */
  now: () => number;
  /** PBKDF2 iterations for new password hashes (tests use a small number to stay fast). */
  iterations: number;
}

export interface Store {
  /** Users by id. */
  users: Map<string, UserRecord>;
  /** Refresh tokens by SHA-256 hex of the token. */
  refreshTokens: Map<string, RefreshRecord>;
  /** "u1", "u2", …: the next user id. */
  nextUserId(): string;
}

export function createStore(): Store {
  let last = 0;
  return { users: new Map(), refreshTokens: new Map(), nextUserId: () => `u${++last}` };
}

/** Adds a user directly (how an operator seeds the first admin). The email must be normalised. */
export async function addUser(
  store: Store,
  input: { email: string; password: string; role: UserRecord["role"] },
  iterations: number,
): Promise<UserRecord> {
  const user: UserRecord = { id: store.nextUserId(), email: input.email, role: input.role, passwordHash: await hashPassword(input.password, iterations) };
  store.users.set(user.id, user);
  return user;
}

export function findUserByEmail(store: Store, email: string): UserRecord | undefined {
  for (const user of store.users.values()) if (user.email === email) return user;
  return undefined;
}

/** What the API may show about a user. */
export function toPublic(user: UserRecord): { id: string; email: string; role: UserRecord["role"] } {
  return { id: user.id, email: user.email, role: user.role };
}
