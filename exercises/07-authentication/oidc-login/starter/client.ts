import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { OidcError, type OidcConfig, type PendingLogin } from "./types";

// Remove once used.
void [createLocalJWKSet, jwtVerify, OidcError];
export type { JSONWebKeySet };

/** A login must come back within 10 minutes. */
export const LOGIN_TTL_MS = 10 * 60_000;

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

/** RFC 7636: a verifier of 43–128 unreserved characters, and base64url(SHA-256(verifier)). */
export async function createPkcePair(): Promise<{ verifier: string; challenge: string }> {
  // TODO: crypto.getRandomValues, crypto.subtle.digest
  throw new Error("not implemented: createPkcePair");
}

/** GET <issuer>/.well-known/openid-configuration; its issuer must be config.issuer. */
export async function discover(config: OidcConfig): Promise<Discovery> {
  // TODO: OidcError("discovery_failed") for anything wrong
  void config;
  throw new Error("not implemented: discover");
}

/** The authorization URL to send the browser to; remembers the verifier and nonce under a fresh state. */
export async function startLogin(config: OidcConfig, pending: Map<string, PendingLogin>): Promise<string> {
  // TODO
  void [config, pending];
  throw new Error("not implemented: startLogin");
}

/** Handles the redirect back to redirectUri and returns who signed in. */
export async function finishLogin(config: OidcConfig, pending: Map<string, PendingLogin>, callbackUrl: string): Promise<{ sub: string; email: string }> {
  // TODO: state, error, code exchange (client_secret_basic, code_verifier), ID token checks
  void [config, pending, callbackUrl];
  throw new Error("not implemented: finishLogin");
}
