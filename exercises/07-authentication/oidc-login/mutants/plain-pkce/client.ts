import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { OidcError, type OidcConfig, type PendingLogin } from "./types";

/** A login must come back within 10 minutes (house rule; providers' codes live about as long). */
export const LOGIN_TTL_MS = 10 * 60_000;

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

/** RFC 7636 §4.1–4.2: a 43-character verifier from 32 random bytes, and its S256 challenge. */
export async function createPkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  void digest;
  return { verifier, challenge: verifier };
}

/** OpenID Connect Discovery §4: the provider's metadata, whose issuer must be the one we trust. */
export async function discover(config: OidcConfig): Promise<Discovery> {
  try {
    const res = await config.fetch(`${config.issuer}/.well-known/openid-configuration`);
    const meta = (await res.json()) as Record<string, unknown>;
    const ok = res.ok && meta.issuer === config.issuer
      && ["authorization_endpoint", "token_endpoint", "jwks_uri"].every((key) => typeof meta[key] === "string");
    if (ok) return meta as unknown as Discovery;
  } catch {
    // fall through: unreachable or not JSON
  }
  throw new OidcError("discovery_failed", `no valid OpenID configuration at ${config.issuer}`);
}

/** The URL to send the browser to. Remembers verifier and nonce under a fresh state. */
export async function startLogin(config: OidcConfig, pending: Map<string, PendingLogin>): Promise<string> {
  const { authorization_endpoint } = await discover(config);
  const { verifier, challenge } = await createPkcePair();
  const state = randomToken();
  const nonce = randomToken();
  pending.set(state, { codeVerifier: verifier, nonce, createdAt: config.now() });
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: "code", client_id: config.clientId, redirect_uri: config.redirectUri, scope: "openid email",
    state, nonce, code_challenge: challenge, code_challenge_method: "plain",
  }).toString();
  return url.href;
}

/** Handles the redirect back: state, code exchange with PKCE, then the ID token's every check. */
export async function finishLogin(config: OidcConfig, pending: Map<string, PendingLogin>, callbackUrl: string): Promise<{ sub: string; email: string }> {
  const params = new URL(callbackUrl).searchParams;
  const state = params.get("state") ?? "";
  const login = pending.get(state);
  // Single use, and deleted before anything can fail: a replayed callback finds nothing.
  pending.delete(state);
  if (!login || config.now() - login.createdAt >= LOGIN_TTL_MS) throw new OidcError("state_mismatch", "unknown, used or expired state");
  const code = params.get("code");
  if (params.has("error") || !code) throw new OidcError("idp_error", params.get("error") ?? "no code in the callback");

  const { token_endpoint, jwks_uri } = await discover(config);
  const form = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");
  const res = await config.fetch(token_endpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Authorization: `Basic ${btoa(`${form(config.clientId)}:${form(config.clientSecret)}`)}`,
    },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: config.redirectUri, code_verifier: login.codeVerifier }).toString(),
  });
  const body = (await res.json().catch(() => ({}))) as { id_token?: unknown };
  if (!res.ok || typeof body.id_token !== "string") throw new OidcError("token_error", `token endpoint answered ${res.status}`);

  try {
    const jwks = createLocalJWKSet((await (await config.fetch(jwks_uri)).json()) as JSONWebKeySet);
    const { payload } = await jwtVerify(body.id_token, jwks, {
      algorithms: ["RS256"], issuer: config.issuer, audience: config.clientId, currentDate: new Date(config.now()),
    });
    if (payload.nonce !== login.nonce || typeof payload.sub !== "string" || typeof payload.email !== "string") throw new Error("claims");
    return { sub: payload.sub, email: payload.email };
  } catch {
    throw new OidcError("invalid_id_token", "the ID token failed validation");
  }
}

function randomToken(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

function base64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
