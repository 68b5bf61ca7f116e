import type { AuthConfig, Role } from "./store";

export interface AccessClaims {
  sub: string;
  role: Role;
}

/**
 * A short-lived HS256 access token with iss, aud, sub, role, iat and exp = iat + accessTtl
 * (JWT times are whole seconds; the clock is config.now(), in milliseconds). Use jose's SignJWT.
 */
export async function signAccessToken(claims: AccessClaims, config: AuthConfig): Promise<string> {
  // TODO
  throw new Error("not implemented: signAccessToken");
}

/**
 * The claims of a valid token for this API, or null: a bad signature, an alg other than HS256,
 * another issuer or audience, an expired token (at config.now()), a missing sub or unknown role.
 */
export async function verifyAccessToken(token: string, config: AuthConfig): Promise<AccessClaims | null> {
  // TODO: jose's jwtVerify, with every option that matters
  throw new Error("not implemented: verifyAccessToken");
}

/** 32 random bytes, base64url. */
export function newRefreshToken(): string {
  // TODO: crypto.getRandomValues
  throw new Error("not implemented: newRefreshToken");
}

/** SHA-256 of the text, as 64 lowercase hex digits: the key a refresh token is stored under. */
export async function sha256Hex(text: string): Promise<string> {
  // TODO: crypto.subtle.digest
  throw new Error("not implemented: sha256Hex");
}
