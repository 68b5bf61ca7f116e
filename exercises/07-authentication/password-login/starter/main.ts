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

/**
 * The PBKDF2 cost used when no `iterations` option is given.
 * TODO: 1,000 is far too cheap for real passwords. Pick a value of at least 100,000
 * (OWASP recommends 600,000 for PBKDF2-HMAC-SHA256).
 */
export const DEFAULT_ITERATIONS = 1_000;

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
  // TODO: fill in the table from the README.
  viewer: [],
  editor: [],
  admin: [],
};

/**
 * "pbkdf2-sha256$<iterations>$<salt>$<hash>" with a random 16-byte salt and a 32-byte
 * PBKDF2-HMAC-SHA256 hash, both in standard base64 (use toBase64 below).
 * Normalises the password with .normalize("NFKC") first. RangeError for bad `iterations`.
 */
export async function hashPassword(password: string, options: HashOptions = {}): Promise<string> {
  // TODO 1: iterations = options.iterations ?? DEFAULT_ITERATIONS; reject non-integers and < 1.
  // TODO 2: salt = crypto.getRandomValues(new Uint8Array(16)).
  // TODO 3: crypto.subtle.importKey("raw", <password bytes>, "PBKDF2", false, ["deriveBits"]),
  //         then crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, 256).
  // TODO 4: join the four fields with "$".
  throw new Error("TODO: implement hashPassword");
}

/** True when `password` matches `stored`. A malformed or unknown `stored` value is never a match (false, no throw). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  // TODO: split on "$" and check every field (scheme, positive integer iterations, base64 salt
  // and hash). Derive with the STORED salt and iterations, then compare all the bytes in
  // constant time (no early exit).
  throw new Error("TODO: implement verifyPassword");
}

/** Trims and lowercases; throws AuthError("invalid_email") for anything that is not name@domain.tld. */
export function normalizeEmail(email: string): string {
  // TODO
  throw new Error("TODO: implement normalizeEmail");
}

/** Everything wrong with a new password ([] when it is acceptable). Length, not character classes. */
export function checkPasswordPolicy(password: string): string[] {
  // TODO: after NFKC, count characters with [...password].length; check MIN/MAX_PASSWORD_LENGTH
  // and COMMON_PASSWORDS (case-insensitively). One message per problem.
  throw new Error("TODO: implement checkPasswordPolicy");
}

/** Creates a viewer account. Only email and password are read from `input`: no self-chosen roles. */
export async function register(
  db: Db,
  input: { email: string; password: string },
  options: HashOptions = {},
): Promise<User> {
  // TODO: normalise the email, check the policy (AuthError "weak_password"), hash, then
  // INSERT … RETURNING id, email, role. A unique violation (error.code "23505") → "email_taken".
  throw new Error("TODO: implement register");
}

/**
 * Returns the user when email and password match. Every failure is the same
 * AuthError("invalid_credentials"), with the same message and the same work.
 */
export async function login(db: Db, email: string, password: string, options: HashOptions = {}): Promise<User> {
  // TODO 1: look the user up by normalised email (an invalid email is just "not found").
  // TODO 2: verify the password — and when there is no user (or no usable hash), verify against
  //         a dummy hash with the current iteration count, so the work is the same.
  // TODO 3: on success, if the stored hash used fewer iterations than the current setting,
  //         store a fresh hash. Return { id, email, role }.
  throw new Error("TODO: implement login");
}

/**
 * Throws unless `user` may perform `action`: AuthError("unauthenticated") without a user (401),
 * AuthError("forbidden") when the role does not grant it (403). Unknown roles get nothing.
 */
export function authorize(user: User | null | undefined, action: Action): void {
  // TODO: look the role up in PERMISSIONS — careful, PERMISSIONS["constructor"] is not undefined.
  throw new Error("TODO: implement authorize");
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
