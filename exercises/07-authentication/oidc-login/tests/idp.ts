import { createNetwork } from "@roadlab/net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import type { OidcConfig } from "../types";

export const ISSUER = "https://idp.example";
export const CLIENT_ID = "roadlab-web";
export const CLIENT_SECRET = "s3cret: with spaces+plus";
export const REDIRECT = "https://app.example/callback";
export const T0 = Date.UTC(2030, 4, 6, 9, 0, 0);

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
export const s256 = async (verifier: string) => b64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));

let keys: Promise<{ good: CryptoKey; publicJwk: object; rogue: CryptoKey }> | undefined;
/** RSA keys are slow to make: one pair per test file (plus a rogue key the JWKS does not list). */
function testKeys() {
  keys ??= (async () => {
    const pair = await generateKeyPair("RS256");
    const rogue = await generateKeyPair("RS256");
    return { good: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" }, rogue: rogue.privateKey };
  })();
  return keys;
}

interface Grant { clientId: string; redirectUri: string; challenge: string; nonce: string; sub: string; email: string }

/**
 * A small OpenID provider on @roadlab/net, strict the way real ones are: it checks the
 * authorization request, client authentication, redirect_uri, and PKCE S256 at the token endpoint.
 */
export async function createIdp() {
  const { good, publicJwk, rogue } = await testKeys();
  const net = createNetwork();
  let now = T0;
  const codes = new Map<string, Grant>();
  const knobs = {
    /** Changes the ID token's claims before signing. */
    claims: (c: JWTPayload): JWTPayload => c,
    signWithRogueKey: false,
    omitIdToken: false,
    discoveryIssuer: ISSUER,
  };
  const seen: { tokenForms: URLSearchParams[] } = { tokenForms: [] };

  net.serve("idp.example", async (req) => {
    const url = new URL(req.url);
    if (url.pathname === "/.well-known/openid-configuration") {
      return Response.json({ issuer: knobs.discoveryIssuer, authorization_endpoint: `${ISSUER}/authorize`, token_endpoint: `${ISSUER}/token`, jwks_uri: `${ISSUER}/jwks`, code_challenge_methods_supported: ["S256"] });
    }
    if (url.pathname === "/jwks") return Response.json({ keys: [publicJwk] });
    if (url.pathname === "/token" && req.method === "POST") {
      const form = new URLSearchParams(await req.text());
      seen.tokenForms.push(form);
      const [id, secret] = atob((req.headers.get("Authorization") ?? "").replace(/^Basic /, "")).split(":").map((p) => decodeURIComponent(p.replace(/\+/g, " ")));
      if (id !== CLIENT_ID || secret !== CLIENT_SECRET) return Response.json({ error: "invalid_client" }, { status: 401 });
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      if (form.get("grant_type") !== "authorization_code" || !grant || grant.redirectUri !== form.get("redirect_uri") || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || (await s256(verifier)) !== grant.challenge) {
        return Response.json({ error: "invalid_grant" }, { status: 400 });
      }
      const iat = Math.floor(now / 1000);
      const claims = knobs.claims({ iss: ISSUER, aud: CLIENT_ID, sub: grant.sub, email: grant.email, nonce: grant.nonce, iat, exp: iat + 300 });
      const idToken = await new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: "k1" }).sign(knobs.signWithRogueKey ? rogue : good);
      return Response.json({ access_token: "opaque-access", token_type: "Bearer", expires_in: 300, ...(knobs.omitIdToken ? {} : { id_token: idToken }) });
    }
    return new Response("not found", { status: 404 });
  });

  /** The browser and the user: follows the authorization URL, signs in, and returns the callback URL. */
  function authorize(authorizationUrl: string, user = { sub: "user-42", email: "ada@example.com" }): string {
    const url = new URL(authorizationUrl);
    const p = url.searchParams;
    const problems = [
      url.origin + url.pathname === `${ISSUER}/authorize` || "authorization_endpoint",
      p.get("response_type") === "code" || "response_type",
      p.get("client_id") === CLIENT_ID || "client_id",
      p.get("redirect_uri") === REDIRECT || "redirect_uri",
      (p.get("scope") ?? "").split(" ").includes("openid") || "scope without openid",
      p.get("code_challenge_method") === "S256" || "code_challenge_method",
      /^[A-Za-z0-9_-]{43}$/.test(p.get("code_challenge") ?? "") || "code_challenge",
      (p.get("state") ?? "").length >= 22 || "state",
      (p.get("nonce") ?? "").length >= 22 || "nonce",
    ].filter((x) => x !== true);
    if (problems.length > 0) throw new Error(`the provider refuses the authorization request: ${problems.join(", ")}`);
    const code = crypto.randomUUID();
    codes.set(code, { clientId: CLIENT_ID, redirectUri: REDIRECT, challenge: p.get("code_challenge")!, nonce: p.get("nonce")!, sub: user.sub, email: user.email });
    return `${REDIRECT}?code=${code}&state=${encodeURIComponent(p.get("state")!)}`;
  }

  const config: OidcConfig = { issuer: ISSUER, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT, fetch: (input, init) => net.fetch(input, init), now: () => now };
  return { config, net, knobs, seen, authorize, tick: (ms: number) => { now += ms; } };
}
