import { describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import { basic, challenge, errorOf, setup } from "./setup";

type Tokens = { access_token: string; refresh_token?: string; token_type: string; expires_in: number };
const tokensOf = async (res: Response) => (await res.json()) as Tokens;
const sha256Hex = async (text: string) =>
  Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))), (b) => b.toString(16).padStart(2, "0")).join("");

describe("POST /token, grant_type=refresh_token", () => {
  it("rotates: a new refresh and access token, and the old refresh token no longer works", async () => {
    const { login, refresh, get } = await setup();
    const first = await login();
    const res = await refresh(first.refresh_token);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const next = await tokensOf(res);
    expect(next).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 300, refresh_token: expect.any(String) });
    expect(next.refresh_token).not.toBe(first.refresh_token);
    expect((await get("/me", `Bearer ${next.access_token}`)).status).toBe(200);
    const again = await refresh(first.refresh_token);
    expect(again.status).toBe(400);
    expect(await errorOf(again)).toBe("invalid_grant");
  });

  it("a reused refresh token revokes its whole family, and only that family", async () => {
    const { login, refresh } = await setup();
    const stolen = await login();
    const other = await login();
    const rotated = await tokensOf(await refresh(stolen.refresh_token));
    expect((await refresh(stolen.refresh_token)).status).toBe(400); // the replay
    const res = await refresh(rotated.refresh_token!);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe("invalid_grant");
    expect((await refresh(other.refresh_token)).status).toBe(200);
  });

  it("refresh tokens expire refreshTtl after they were issued, and unknown ones are invalid_grant", async () => {
    const { login, refresh, tick } = await setup();
    const a = await login();
    const b = await login();
    tick(86_399);
    const rotated = await tokensOf(await refresh(a.refresh_token));
    tick(1);
    const res = await refresh(b.refresh_token);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe("invalid_grant");
    tick(86_398);
    expect((await refresh(rotated.refresh_token!)).status).toBe(200);
    expect(await errorOf(await refresh("made-up-token"))).toBe("invalid_grant");
  });

  it("stores refresh tokens only under their SHA-256 hex, never the token itself", async () => {
    const { login, store } = await setup();
    const { refresh_token } = await login();
    expect([...store.refreshTokens.keys()]).toEqual([await sha256Hex(refresh_token)]);
    expect(JSON.stringify([...store.refreshTokens.values()])).not.toContain(refresh_token);
  });

  it("answers invalid_request or unsupported_grant_type for malformed requests", async () => {
    const { form, app } = await setup();
    const cases: [Response, string][] = [
      [await form({ grant_type: "refresh_token" }), "invalid_request"],
      [await form({}), "invalid_request"],
      [await form({ grant_type: "password", username: "root@example.com", password: "x" }), "unsupported_grant_type"],
      [await app.request("/token", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ grant_type: "client_credentials" }) }), "invalid_request"],
    ];
    for (const [res, code] of cases) {
      expect(res.status).toBe(400);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      expect(await errorOf(res)).toBe(code);
    }
  });
});

describe("POST /token, grant_type=client_credentials with HTTP Basic", () => {
  // RFC 6749 §2.3.1: id and secret are form-urlencoded, then sent as Basic user and password.
  const goodAuth = basic("billing-cron", encodeURIComponent("s3cr:t 100%"));

  it("gives a machine client an access token for its role, without a refresh token; /metrics is for service and admin", async () => {
    const { form, get, signUp, login } = await setup();
    const res = await form({ grant_type: "client_credentials" }, { Authorization: goodAuth });
    expect(res.status).toBe(200);
    const body = await tokensOf(res);
    expect(body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 300 });
    expect(decodeJwt(body.access_token)).toMatchObject({ sub: "billing-cron", role: "service" });
    expect(await (await get("/metrics", `Bearer ${body.access_token}`)).json()).toEqual({ users: 1 });
    expect((await get("/me", `Bearer ${body.access_token}`)).status).toBe(403);
    expect((await get("/admin/users", `Bearer ${body.access_token}`)).status).toBe(403);
    expect((await get("/metrics", `Bearer ${(await signUp("ada@example.com")).access_token}`)).status).toBe(403);
    expect((await get("/metrics")).status).toBe(401);
    expect((await get("/metrics", `Bearer ${(await login()).access_token}`)).status).toBe(200);
  });

  it("401 invalid_client with a Basic challenge for a wrong secret, an unknown client or no credentials", async () => {
    const { form } = await setup();
    for (const headers of [{ Authorization: basic("billing-cron", "wrong") }, { Authorization: basic("nobody", "s3cr%3At%20100%25") }, { Authorization: basic("billing-cron", "s3cr") }, {}]) {
      const res = await form({ grant_type: "client_credentials" }, headers);
      expect(res.status).toBe(401);
      expect(await errorOf(res)).toBe("invalid_client");
      expect(challenge(res).scheme).toBe("basic");
    }
  });
});
