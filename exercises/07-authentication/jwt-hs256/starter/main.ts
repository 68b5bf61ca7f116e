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

const encoder = new TextEncoder();

/** Bytes → base64url without padding (RFC 4648 §5): `+` → `-`, `/` → `_`, no `=`. */
export function base64UrlEncode(bytes: Uint8Array): string {
  // TODO: turn the bytes into a "binary string" (String.fromCharCode per byte), btoa() it,
  // then swap + for -, / for _ and drop the trailing =.
  throw new Error("TODO: implement base64UrlEncode");
}

/**
 * base64url (no padding) → bytes. Strict: only `A–Z a–z 0–9 - _` are allowed, and a length that
 * leaves one character over (length % 4 === 1) cannot be base64 at all.
 * Throws JwtError("malformed", …) for anything else.
 */
export function base64UrlDecode(text: string): Uint8Array {
  // TODO: validate with a regular expression and the length rule, swap - and _ back,
  // add "=" padding to a multiple of 4, atob() it, and copy the char codes into a Uint8Array.
  throw new Error("TODO: implement base64UrlDecode");
}

/**
 * Compares two byte arrays in time that depends only on their length, never on where they
 * first differ. Different lengths → false straight away (a length is not a secret).
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // TODO: no early exit inside the loop — OR together a[i] ^ b[i] for every i, decide at the end.
  throw new Error("TODO: implement timingSafeEqual");
}

/**
 * Signs `payload` as an HS256 JWT: `base64url(header).base64url(payload).base64url(HMAC)`.
 * Adds `iat` (seconds, from options.now or the current time) and, with expiresInSeconds, `exp`.
 * TypeError: payload not a plain object. RangeError: bad expiresInSeconds, secret < 32 bytes.
 */
export async function sign(payload: Record<string, unknown>, secret: string, options: SignOptions = {}): Promise<string> {
  // TODO 1: validate the payload, expiresInSeconds and the secret's UTF-8 length (encoder.encode).
  // TODO 2: build the claims: { ...payload, iat } (+ exp). Seconds, not milliseconds!
  // TODO 3: base64url(JSON) the header {"alg":"HS256","typ":"JWT"} and the claims, join with "."
  // TODO 4: HMAC-SHA256 that string with crypto.subtle (importKey "raw" + sign "HMAC"),
  //         base64url the 32 bytes and append them after another ".".
  throw new Error("TODO: implement sign");
}

/**
 * Verifies an HS256 JWT and returns its payload. Checks, in this order: structure, header,
 * alg === "HS256", signature (constant time), payload, claim types, nbf, exp.
 * Throws JwtError with the code of the first check that fails (see the README table), and
 * RangeError for a secret shorter than 32 bytes or a negative clockToleranceSeconds.
 */
export async function verify(token: string, secret: string, options: VerifyOptions = {}): Promise<JwtPayload> {
  // TODO 1: structure — a string, exactly 3 parts, each /^[A-Za-z0-9_-]*$/  → "malformed"
  // TODO 2: decode the header to a JSON object (TextDecoder + JSON.parse)   → "malformed"
  // TODO 3: header.alg must be exactly "HS256" — never let the token choose → "unsupported_alg"
  // TODO 4: recompute the HMAC over the received "header.payload" characters and compare
  //         with the decoded signature using timingSafeEqual                → "bad_signature"
  // TODO 5: decode the payload to a JSON object; iat/nbf/exp must be numbers → "malformed"
  // TODO 6: now (seconds) + tolerance < nbf → "not_yet_valid"; now - tolerance >= exp → "expired"
  throw new Error("TODO: implement verify");
}
