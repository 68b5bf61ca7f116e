import type { Db } from "@roadlab/db";

export type Role = "admin" | "editor" | "viewer";
export type Action = "posts:read" | "posts:create" | "posts:edit" | "posts:delete" | "users:manage";

/** What the rest of the app knows about a signed-in user. Never the password hash. */
export interface User {
  id: number;
  email: string;
  role: Role;
}

export type AuthErrorCode =
  | "invalid_email"
  | "weak_password"
  | "email_taken"
  | "invalid_credentials"
  | "unauthenticated"
  | "forbidden";

/** Every expected failure of this module. An HTTP layer maps the codes to 400/409/401/403. */
export class AuthError extends Error {
  readonly code: AuthErrorCode;

  constructor(code: AuthErrorCode, message: string) {
    super(message);
    this.name = "AuthError";
    this.code = code;
  }
}

export interface HashOptions {
  /** PBKDF2 iterations. Defaults to DEFAULT_ITERATIONS; tests pass a small number to stay fast. */
  iterations?: number;
}

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. Raise it as hardware gets faster. */
export const DEFAULT_ITERATIONS = 600_000;

/** A few passwords every attacker tries first. Real systems check a list of millions (e.g. Have I Been Pwned). */
export const COMMON_PASSWORDS: readonly string[] = [
  "password1234",
  "passwordpassword",
  "123456789012",
  "qwertyuiop12",
  "qwertyuiopasdf",
  "iloveyou1234",
  "letmeinplease",
  "administrator",
  "welcome12345",
  "changeme1234",
  "correcthorsebatterystaple",
];

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

/** Who may do what. Deny by default: anything not listed here is forbidden. */
export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  viewer: ["posts:read"],
  editor: ["posts:read", "posts:create", "posts:edit"],
  admin: ["posts:read", "posts:create", "posts:edit", "posts:delete", "users:manage"],
};

const SCHEME = "pbkdf2-sha256";
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const encoder = new TextEncoder();

/**
 * "pbkdf2-sha256$<iterations>$<salt>$<hash>" (salt and hash in standard base64): everything
 * needed to check a password later, so the iteration count can rise without breaking old rows.
 */
export async function hashPassword(password: string, options: HashOptions = {}): Promise<string> {
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new RangeError(`iterations must be a positive integer, got ${iterations}`);
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await pbkdf2(password, salt, iterations, HASH_BYTES);
  return [SCHEME, iterations, toBase64(salt), toBase64(hash)].join("$");
}

/** True when `password` matches `stored`. A malformed or unknown `stored` value is never a match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const candidate = await pbkdf2(password, parsed.salt, parsed.iterations, parsed.hash.length);
  return timingSafeEqual(candidate, parsed.hash);
}

/** Trims and lowercases; throws AuthError("invalid_email") for anything that is not name@domain.tld. */
export function normalizeEmail(email: string): string {
  const normalized = typeof email === "string" ? email.trim().toLowerCase() : "";
  if (normalized.length > 254 || !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(normalized)) {
    throw new AuthError("invalid_email", "enter an email address like name@example.com");
  }
  return normalized;
}

/** Everything wrong with a new password ([] when it is acceptable). Length, not character classes. */
export function checkPasswordPolicy(password: string): string[] {
  const normalized = password.normalize("NFKC");
  // Count code points, not UTF-16 units: "🔒" is one character to the person typing it.
  const length = [...normalized].length;
  const problems: string[] = [];
  if (length < MIN_PASSWORD_LENGTH) problems.push(`must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (length > MAX_PASSWORD_LENGTH) problems.push(`must be at most ${MAX_PASSWORD_LENGTH} characters`);
  if (COMMON_PASSWORDS.includes(normalized)) problems.push("is too common");
  return problems;
}

/** Creates a viewer account. Only email and password are read from `input`: no self-chosen roles. */
export async function register(
  db: Db,
  input: { email: string; password: string },
  options: HashOptions = {},
): Promise<User> {
  const email = normalizeEmail(input.email);
  const problems = checkPasswordPolicy(input.password);
  if (problems.length > 0) throw new AuthError("weak_password", `password ${problems.join(", ")}`);

  const passwordHash = await hashPassword(input.password, options);
  try {
    // No SELECT first: two sign-ups racing would both pass it. The UNIQUE constraint decides.
    const { rows } = await db.query<User>(
      "INSERT INTO users (email, password_hash, role) VALUES ($1, $2, 'viewer') RETURNING id, email, role",
      [email, passwordHash],
    );
    return rows[0];
  } catch (error) {
    if ((error as { code?: string }).code === "23505") {
      throw new AuthError("email_taken", "an account with this email already exists");
    }
    throw error;
  }
}

/**
 * Returns the user when email and password match. Every failure is the same
 * AuthError("invalid_credentials"), with the same message and about the same work.
 */
export async function login(db: Db, email: string, password: string, options: HashOptions = {}): Promise<User> {
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const row = await findUser(db, email);

  // An unknown email still costs one PBKDF2 run, so response times don't reveal who has an account.
  const stored = row && parseHash(row.password_hash) ? row.password_hash : dummyHash(iterations);
  const matches = await verifyPassword(password, stored);
  if (!row || !matches) throw new AuthError("invalid_credentials", "wrong email or password");

  // The only moment we hold the plain password: upgrade hashes made with an older, lower cost.
  if (parseHash(row.password_hash)!.iterations < iterations) {
    await db.query("UPDATE users SET password_hash = $1 WHERE id = $2", [await hashPassword(password, { iterations }), row.id]);
  }
  return { id: row.id, email: row.email, role: row.role };
}

/**
 * Throws unless `user` may perform `action`: AuthError("unauthenticated") without a user (401),
 * AuthError("forbidden") when the role does not grant it (403). Unknown roles get nothing.
 */
export function authorize(user: User | null | undefined, action: Action): void {
  if (!user) throw new AuthError("unauthenticated", "sign in first");
  // Object.hasOwn: a role like "constructor" must not find Object.prototype's properties.
  const granted = Object.hasOwn(PERMISSIONS, user.role) ? PERMISSIONS[user.role] : [];
  if (!granted.includes(action)) throw new AuthError("forbidden", `role "${user.role}" may not ${action}`);
}

interface UserRow extends User {
  password_hash: string;
}

async function findUser(db: Db, email: string): Promise<UserRow | undefined> {
  let normalized: string;
  try {
    normalized = normalizeEmail(email);
  } catch {
    return undefined; // not an email at all: treated like an unknown one
  }
  const { rows } = await db.query<UserRow>("SELECT id, email, role, password_hash FROM users WHERE email = $1", [normalized]);
  return rows[0];
}

/** A well-formed hash no password matches (all-zero hash), with the cost a real one would have. */
function dummyHash(iterations: number): string {
  return [SCHEME, iterations, toBase64(new Uint8Array(SALT_BYTES)), toBase64(new Uint8Array(HASH_BYTES))].join("$");
}

function parseHash(stored: string): { iterations: number; salt: Uint8Array; hash: Uint8Array } | undefined {
  const parts = typeof stored === "string" ? stored.split("$") : [];
  if (parts.length !== 4 || parts[0] !== SCHEME || !/^[1-9][0-9]{0,8}$/.test(parts[1])) return undefined;
  const salt = fromBase64(parts[2]);
  const hash = fromBase64(parts[3]);
  if (!salt || !hash || salt.length === 0 || hash.length === 0) return undefined;
  return { iterations: Number(parts[1]), salt, hash };
}

async function pbkdf2(password: string, salt: Uint8Array, iterations: number, bytes: number): Promise<Uint8Array> {
  // NFKC: "é" typed as one code point or as e + accent must be the same password (NIST SP 800-63B).
  const key = await crypto.subtle.importKey("raw", encoder.encode(password.normalize("NFKC")), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(salt), iterations }, key, bytes * 8);
  return new Uint8Array(bits);
}

/** Looks at every byte, so the time taken does not reveal how much of the hash matched. */
function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}

/** Bytes → standard base64 (with = padding). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Standard base64 → bytes, or undefined if `text` is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}
