/** Why `verify` rejected a token. Each code maps to one step of the checks in the README. */
export type JwtErrorCode = "malformed" | "unsupported_alg" | "bad_signature" | "expired" | "not_yet_valid";

/** Thrown by `verify` (and `base64UrlDecode`) for every token that must not be trusted. */
export class JwtError extends Error {
  readonly code: JwtErrorCode;

  constructor(code: JwtErrorCode, message: string) {
    super(message);
    this.name = "JwtError";
    this.code = code;
  }
}

/** The claims inside a token. The registered time claims are NumericDates: whole seconds since 1970. */
export interface JwtPayload {
  [claim: string]: unknown;
  iat?: number;
  exp?: number;
  nbf?: number;
}

export interface SignOptions {
  /** Lifetime of the token: sets `exp = iat + expiresInSeconds`. A positive integer. */
  expiresInSeconds?: number;
  /** The time to sign at (default: now). */
  now?: Date;
}

export interface VerifyOptions {
  /** The time to check `exp` and `nbf` against (default: now). */
  now?: Date;
  /** Seconds of clock skew to forgive on `exp` and `nbf` (default 0). */
  clockToleranceSeconds?: number;
}

/** RFC 7518 §3.2: an HS256 key MUST be at least as long as the hash output, 256 bits. */
const MIN_SECRET_BYTES = 32;

const encoder = new TextEncoder();
// fatal: invalid UTF-8 is an error, not a silent U+FFFD that might still parse as JSON.
const decoder = new TextDecoder("utf-8", { fatal: true });

/** Bytes → base64url without padding (RFC 4648 §5): `+` → `-`, `/` → `_`, no `=`. */
export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * base64url (no padding) → bytes. Strict: only `A–Z a–z 0–9 - _` are allowed, and a length that
 * leaves one character over (length % 4 === 1) cannot be base64 at all.
 */
export function base64UrlDecode(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new JwtError("malformed", `not base64url: "${text.slice(0, 40)}"`);
  }
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * Compares two byte arrays in time that depends only on their length, never on where they
 * first differ: an early `return false` would tell an attacker how many leading bytes of a
 * forged signature are right, one byte at a time.
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // The length is not a secret (an HS256 signature is always 32 bytes), so this exit leaks nothing.
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}

/** Signs `payload` as an HS256 JWT: `base64url(header).base64url(payload).base64url(HMAC)`. */
export async function sign(payload: Record<string, unknown>, secret: string, options: SignOptions = {}): Promise<string> {
  if (!isPlainObject(payload)) throw new TypeError("payload must be a plain object");
  const { expiresInSeconds, now = new Date() } = options;
  if (expiresInSeconds !== undefined && !(Number.isInteger(expiresInSeconds) && expiresInSeconds > 0)) {
    throw new RangeError(`expiresInSeconds must be a positive integer, got ${expiresInSeconds}`);
  }
  const key = await hmacKey(secret);

  const iat = toNumericDate(now);
  const claims: JwtPayload = { ...payload, iat };
  if (expiresInSeconds !== undefined) claims.exp = iat + expiresInSeconds;

  const signingInput = `${encodeJson({ alg: "HS256", typ: "JWT" })}.${encodeJson(claims)}`;
  return `${signingInput}.${base64UrlEncode(await hmac(key, signingInput))}`;
}

/**
 * Verifies an HS256 JWT and returns its payload. Checks, in this order: structure, header,
 * alg === "HS256", signature (constant time), payload, claim types, nbf, exp.
 * Throws JwtError with the code of the first check that fails.
 */
export async function verify(token: string, secret: string, options: VerifyOptions = {}): Promise<JwtPayload> {
  const { now = new Date(), clockToleranceSeconds = 0 } = options;
  if (!(Number.isFinite(clockToleranceSeconds) && clockToleranceSeconds >= 0)) {
    throw new RangeError(`clockToleranceSeconds must be a number >= 0, got ${clockToleranceSeconds}`);
  }
  const key = await hmacKey(secret);

  // 1. Structure: exactly three base64url parts. The signature may be empty here ("alg":"none"
  //    tokens end with a dot); the alg and signature checks reject it with a better reason.
  if (typeof token !== "string") throw new JwtError("malformed", "token must be a string");
  const parts = token.split(".");
  if (parts.length !== 3) throw new JwtError("malformed", `expected 3 dot-separated parts, got ${parts.length}`);
  if (!parts.every((part) => /^[A-Za-z0-9_-]*$/.test(part))) {
    throw new JwtError("malformed", "token parts must be base64url (A-Z a-z 0-9 - _, no padding)");
  }
  const [encodedHeader, encodedPayload, encodedSignature] = parts;

  // 2–3. The header decides nothing: the server already knows the only algorithm it accepts.
  //      Reading alg from the token and obeying it is the "alg": "none" / alg-confusion bug.
  const header = decodeJsonObject(encodedHeader, "header");
  if (header.alg !== "HS256") {
    throw new JwtError("unsupported_alg", `alg ${JSON.stringify(header.alg)} is not accepted, only "HS256"`);
  }

  const early = decodeJsonObject(encodedPayload, "payload");
  if (typeof early.exp === "number" && toNumericDate(now) - clockToleranceSeconds >= early.exp) {
    throw new JwtError("expired", "token expired");
  }
  // 4. Signature over the exact bytes received — re-encoding the parsed JSON could change them.
  const expected = await hmac(key, `${encodedHeader}.${encodedPayload}`);
  if (!timingSafeEqual(base64UrlDecode(encodedSignature), expected)) {
    throw new JwtError("bad_signature", "signature does not match");
  }

  // 5–6. Only now is the payload trusted enough to parse and act on.
  const payload = decodeJsonObject(encodedPayload, "payload");
  const nowSeconds = toNumericDate(now);
  numericClaim(payload, "iat");
  const nbf = numericClaim(payload, "nbf");
  const exp = numericClaim(payload, "exp");

  // 7. nbf: valid from nbf on (inclusive). exp: valid strictly before exp (RFC 7519 §4.1.4).
  if (nbf !== undefined && nowSeconds + clockToleranceSeconds < nbf) {
    throw new JwtError("not_yet_valid", `token is not valid before ${nbf} (now ${nowSeconds})`);
  }
  if (exp !== undefined && nowSeconds - clockToleranceSeconds >= exp) {
    throw new JwtError("expired", `token expired at ${exp} (now ${nowSeconds})`);
  }
  return payload;
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  const bytes = encoder.encode(secret);
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new RangeError(`secret must be at least ${MIN_SECRET_BYTES} bytes for HS256, got ${bytes.length}`);
  }
  return crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

async function hmac(key: CryptoKey, signingInput: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(signingInput)));
}

function encodeJson(value: unknown): string {
  return base64UrlEncode(encoder.encode(JSON.stringify(value)));
}

function decodeJsonObject(part: string, what: string): JwtPayload {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(base64UrlDecode(part)));
  } catch {
    throw new JwtError("malformed", `${what} is not base64url-encoded JSON`);
  }
  if (!isPlainObject(value)) throw new JwtError("malformed", `${what} must be a JSON object`);
  return value;
}

function numericClaim(payload: JwtPayload, name: "iat" | "nbf" | "exp"): number | undefined {
  const value = payload[name];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new JwtError("malformed", `"${name}" must be a NumericDate (seconds since 1970), got ${JSON.stringify(value)}`);
  }
  return value;
}

/** JWT times are whole seconds since the epoch, not JavaScript's milliseconds. */
function toNumericDate(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
