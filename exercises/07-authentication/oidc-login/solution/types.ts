// Given, read-only: configuration, the pending-login record and the error every failure throws.

export interface OidcConfig {
  /** The identity provider's issuer URL, exactly as its ID tokens name it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back; registered with the provider in advance. */
  redirectUri: string;
  /** The only way to reach the provider (the tests hand in @roadlab/net's fetch). */
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** The clock, in milliseconds. */
  now: () => number;
}

/** What the client remembers between sending the browser away and its return, keyed by state. */
export interface PendingLogin {
  codeVerifier: string;
  nonce: string;
  createdAt: number;
}

export type OidcErrorCode = "discovery_failed" | "state_mismatch" | "idp_error" | "token_error" | "invalid_id_token";

export class OidcError extends Error {
  constructor(readonly code: OidcErrorCode, message: string) {
    super(message);
    this.name = "OidcError";
  }
}
