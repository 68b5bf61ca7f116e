import { SignJWT, jwtVerify } from "jose";
import type { AuthConfig, Role } from "./store";

export interface AccessClaims {
  sub: string;
  role: Role;
}

const ROLES: readonly string[] = ["user", "admin", "service"];

/** A short-lived HS256 access token: iss, aud, sub, role, iat and exp = iat + accessTtl (seconds). */
export async function signAccessToken(claims: AccessClaims, config: AuthConfig): Promise<string> {
  const iat = Math.floor(config.now() / 1000);
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + config.accessTtl)
    .sign(config.secret);
}

/** The claims of a valid token for this API, or null: bad signature, other alg, iss or aud, expired. */
export async function verifyAccessToken(token: string, config: AuthConfig): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(token, config.secret, {
      algorithms: ["HS256"],
      issuer: config.issuer,
      currentDate: new Date(config.now()),
    });
    if (typeof payload.sub !== "string" || typeof payload.role !== "string" || !ROLES.includes(payload.role)) return null;
    return { sub: payload.sub, role: payload.role as Role };
  } catch {
    return null;
  }
}

/** 32 random bytes, base64url: unguessable, and opaque to the client. */
export function newRefreshToken(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The key a refresh token is stored under: a leaked table must not hand out working tokens. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

function base64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
