import { describe, expect, it } from "vitest";
import { createPkcePair, finishLogin, startLogin } from "../client";
import { OidcError, type PendingLogin } from "../types";
import { createIdp, ISSUER, s256 } from "./idp";

async function setup() {
  const idp = await createIdp();
  const pending = new Map<string, PendingLogin>();
  const start = () => startLogin(idp.config, pending);
  const finish = (callback: string) => finishLogin(idp.config, pending, callback);
  return { ...idp, pending, start, finish };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(OidcError);
    return (error as OidcError).code;
  }
}

describe("PKCE", () => {
  it("makes a 43-128 character verifier and its S256 challenge, fresh every time", async () => {
    const a = await createPkcePair();
    const b = await createPkcePair();
    expect(a.verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(a.challenge).toBe(await s256(a.verifier));
    expect(b.verifier).not.toBe(a.verifier);
  });
});

describe("the authorization-code flow", () => {
  it("sends the browser to the discovered endpoint with code, openid scope, state, nonce and an S256 challenge", async () => {
    const { start, pending } = await setup();
    const url = new URL(await start());
    expect(url.origin + url.pathname).toBe(`${ISSUER}/authorize`);
    const p = url.searchParams;
    expect(Object.fromEntries([...p].filter(([k]) => ["response_type", "client_id", "redirect_uri", "code_challenge_method"].includes(k)))).toEqual({
      response_type: "code", client_id: "roadlab-web", redirect_uri: "https://app.example/callback", code_challenge_method: "S256",
    });
    expect(p.get("scope")!.split(" ")).toContain("openid");
    const saved = pending.get(p.get("state")!)!;
    expect(saved.nonce).toBe(p.get("nonce"));
    expect(p.get("code_challenge")).toBe(await s256(saved.codeVerifier));
    const again = new URL(await start()).searchParams;
    expect([again.get("state"), again.get("nonce")]).not.toContain(p.get("state"));
    expect(again.get("nonce")).not.toBe(p.get("nonce"));
  });

  it("signs the user in: exchanges the code with the verifier and returns the ID token's sub and email", async () => {
    const { start, finish, authorize, seen, pending } = await setup();
    const callback = authorize(await start(), { sub: "user-7", email: "grace@example.com" });
    expect(await finish(callback)).toEqual({ sub: "user-7", email: "grace@example.com" });
    expect(seen.tokenForms).toHaveLength(1);
    expect(seen.tokenForms[0].get("grant_type")).toBe("authorization_code");
    expect(pending.size).toBe(0);
  });

  it("refuses an unknown, replayed or 10-minute-old state with state_mismatch, before calling the provider", async () => {
    const { start, finish, authorize, seen, tick } = await setup();
    const callback = authorize(await start());
    const forged = new URL(callback);
    forged.searchParams.set("state", "attacker-chosen-state-value");
    expect(await codeOf(finish(forged.href))).toBe("state_mismatch");
    expect(await codeOf(finish(callback.replace(/&state=.*/, "")))).toBe("state_mismatch");
    await finish(callback);
    expect(await codeOf(finish(callback))).toBe("state_mismatch");
    const late = authorize(await start());
    tick(10 * 60_000);
    expect(await codeOf(finish(late))).toBe("state_mismatch");
    expect(seen.tokenForms).toHaveLength(1);
  });

  it("reports the provider's error redirect as idp_error and forgets that state", async () => {
    const { start, finish, pending } = await setup();
    const state = new URL(await start()).searchParams.get("state")!;
    const callback = `https://app.example/callback?error=access_denied&state=${encodeURIComponent(state)}`;
    expect(await codeOf(finish(callback))).toBe("idp_error");
    expect(pending.size).toBe(0);
    const other = new URL(await start()).searchParams.get("state")!;
    expect(await codeOf(finish(`https://app.example/callback?state=${encodeURIComponent(other)}`))).toBe("idp_error");
  });

  it("fails with token_error when the provider refuses the exchange or sends no ID token", async () => {
    const { start, finish, authorize, knobs } = await setup();
    const callback = new URL(authorize(await start()));
    callback.searchParams.set("code", "a-code-the-provider-never-issued");
    expect(await codeOf(finish(callback.href))).toBe("token_error");
    knobs.omitIdToken = true;
    expect(await codeOf(finish(authorize(await start())))).toBe("token_error");
  });

  it("fails with discovery_failed when the metadata names another issuer or the provider is down", async () => {
    const { start, knobs, net } = await setup();
    knobs.discoveryIssuer = "https://evil.example";
    expect(await codeOf(start())).toBe("discovery_failed");
    knobs.discoveryIssuer = ISSUER;
    net.faults("idp.example", { down: true });
    expect(await codeOf(start())).toBe("discovery_failed");
    net.faults("idp.example", { errorRate: 1, errorStatus: 500 });
    expect(await codeOf(start())).toBe("discovery_failed");
  });
});

describe("ID token validation", () => {
  const cases: [string, (k: Awaited<ReturnType<typeof createIdp>>["knobs"]) => void][] = [
    ["another nonce (a token from another login)", (k) => { k.claims = (c) => ({ ...c, nonce: "someone-elses-nonce-value" }); }],
    ["no nonce", (k) => { k.claims = ({ nonce: _n, ...c }) => c; }],
    ["no email claim", (k) => { k.claims = ({ email: _e, ...c }) => c; }],
    ["another audience (a token for another client)", (k) => { k.claims = (c) => ({ ...c, aud: "another-client" }); }],
    ["another issuer", (k) => { k.claims = (c) => ({ ...c, iss: "https://evil.example" }); }],
    ["expired", (k) => { k.claims = (c) => ({ ...c, exp: (c.iat as number) - 1 }); }],
    ["signed with a key not in the JWKS", (k) => { k.signWithRogueKey = true; }],
  ];
  it.each(cases)("rejects an ID token with %s as invalid_id_token", async (_name, tamper) => {
    const { start, finish, authorize, knobs } = await setup();
    tamper(knobs);
    expect(await codeOf(finish(authorize(await start())))).toBe("invalid_id_token");
  });
});
