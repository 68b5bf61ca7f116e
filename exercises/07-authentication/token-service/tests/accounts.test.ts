import { describe, expect, it } from "vitest";
import { jwtVerify, SignJWT, UnsecuredJWT } from "jose";
import { AUDIENCE, challenge, errorOf, ISSUER, PASSWORD, SECRET, setup, T0 } from "./setup";

describe("register and login", () => {
  it("registers a user with a normalised email and role user, whatever role the body asks for", async () => {
    const { json, store } = await setup();
    const res = await json("POST", "/register", { email: "  Ada@Example.COM ", password: PASSWORD, role: "admin" });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({ id: expect.any(String), email: "ada@example.com", role: "user" });
    const stored = store.users.get(body.id)!;
    expect(stored.role).toBe("user");
    expect(stored.passwordHash).toMatch(/^pbkdf2-sha256\$/);
  });

  it("refuses a bad email or a password outside 12–128 characters (400), and a taken email (409)", async () => {
    const { json } = await setup();
    for (const body of [{ email: "not-an-email", password: PASSWORD }, { email: "bo@example.com", password: "short" }, { email: "bo@example.com", password: "x".repeat(129) }, { email: "bo@example.com", password: "🔒".repeat(11) }, { email: "bo@example.com" }]) {
      const res = await json("POST", "/register", body);
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toBe("invalid_request");
    }
    expect((await json("POST", "/register", { email: "cy@example.com", password: "🔒".repeat(12) })).status).toBe(201); // 12 code points
    const taken = await json("POST", "/register", { email: "ROOT@example.com", password: PASSWORD });
    expect(taken.status).toBe(409);
    expect(await errorOf(taken)).toBe("email_taken");
  });

  it("logs in with an RFC 6749 token response: a Bearer JWT for this issuer and audience, 300 s, not cacheable", async () => {
    const { json, admin } = await setup();
    const res = await json("POST", "/login", { email: "Root@Example.com", password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = await res.json();
    expect(body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 300, refresh_token: expect.any(String) });
    const { payload, protectedHeader } = await jwtVerify(body.access_token, SECRET, { issuer: ISSUER, audience: AUDIENCE, currentDate: new Date(T0) });
    expect(protectedHeader.alg).toBe("HS256");
    expect(payload).toMatchObject({ sub: admin.id, role: "admin", iat: T0 / 1000, exp: T0 / 1000 + 300 });
  });

  it("fails an unknown email and a wrong password with the same 401 answer", async () => {
    const { json } = await setup();
    const wrong = await json("POST", "/login", { email: "root@example.com", password: "wrong password!!" });
    const unknown = await json("POST", "/login", { email: "nobody@example.com", password: PASSWORD });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await unknown.json()).toEqual(await wrong.json());
  });
});

describe("the protected API", () => {
  it("GET /me answers the signed-in user, never the hash", async () => {
    const { signUp, get } = await setup();
    const { access_token } = await signUp("ada@example.com");
    const res = await get("/me", `Bearer ${access_token}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: expect.any(String), email: "ada@example.com", role: "user" });
  });

  it("401 with a bare Bearer challenge when no bearer token is sent", async () => {
    const { get } = await setup();
    for (const auth of [undefined, "Basic cm9vdDpwdw==", "Bearer"]) {
      const res = await get("/me", auth);
      expect(res.status).toBe(401);
      expect(challenge(res)).toEqual({ scheme: "bearer", params: { realm: "api" } });
      expect(await errorOf(res)).toBe("unauthenticated");
    }
  });

  it("401 error=invalid_token for a forged, unsigned, expired or foreign token", async () => {
    const { get, tick, admin, login } = await setup();
    const now = T0 / 1000;
    const claims = { role: "admin" };
    const sign = (key: Uint8Array, iss = ISSUER, aud = AUDIENCE, exp = now + 300) =>
      new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuer(iss).setAudience(aud).setSubject(admin.id).setIssuedAt(now).setExpirationTime(exp).sign(key);
    const tokens = [
      await sign(new TextEncoder().encode("some-other-key-that-is-also-forty-bytes!")),
      new UnsecuredJWT(claims).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject(admin.id).setIssuedAt(now).setExpirationTime(now + 300).encode(),
      await sign(SECRET, "https://evil.example.com"),
      await sign(SECRET, ISSUER, "https://other-api.example.com"),
      await sign(SECRET, ISSUER, AUDIENCE, now - 1),
      await new SignJWT({ role: "root" }).setProtectedHeader({ alg: "HS256" }).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject(admin.id).setIssuedAt(now).setExpirationTime(now + 300).sign(SECRET),
      await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt(now).setExpirationTime(now + 300).sign(SECRET),
      "not.a.jwt",
    ];
    for (const token of tokens) {
      const res = await get("/me", `Bearer ${token}`);
      expect(res.status, token).toBe(401);
      expect(challenge(res)).toEqual({ scheme: "bearer", params: { realm: "api", error: "invalid_token" } });
      expect(await errorOf(res)).toBe("invalid_token");
    }
    const { access_token } = await login();
    tick(299);
    expect((await get("/me", `Bearer ${access_token}`)).status).toBe(200);
    tick(1);
    expect((await get("/me", `Bearer ${access_token}`)).status).toBe(401);
  });

  it("GET /admin/users: 403 error=insufficient_scope for a user, the list without hashes for an admin", async () => {
    const { signUp, login, get } = await setup();
    const user = await signUp("ada@example.com");
    const denied = await get("/admin/users", `Bearer ${user.access_token}`);
    expect(denied.status).toBe(403);
    expect(challenge(denied)).toEqual({ scheme: "bearer", params: { realm: "api", error: "insufficient_scope" } });
    expect(await errorOf(denied)).toBe("insufficient_scope");
    expect((await get("/admin/users")).status).toBe(401);
    const res = await get("/admin/users", `Bearer ${(await login()).access_token}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      users: [
        { id: expect.any(String), email: "root@example.com", role: "admin" },
        { id: expect.any(String), email: "ada@example.com", role: "user" },
      ],
    });
  });

  it("PUT /admin/users/:id/role changes a role; the user's next refreshed token carries it", async () => {
    const { signUp, login, json, get, refresh } = await setup();
    const ada = await signUp("ada@example.com");
    const adaId = ((await (await get("/me", `Bearer ${ada.access_token}`)).json()) as { id: string }).id;
    const root = (await login()).access_token;
    expect((await json("PUT", `/admin/users/${adaId}/role`, { role: "admin" }, ada.access_token)).status).toBe(403);
    expect((await json("PUT", `/admin/users/${adaId}/role`, { role: "superuser" }, root)).status).toBe(400);
    expect((await json("PUT", "/admin/users/u999/role", { role: "admin" }, root)).status).toBe(404);
    const res = await json("PUT", `/admin/users/${adaId}/role`, { role: "admin" }, root);
    expect(await res.json()).toEqual({ id: adaId, email: "ada@example.com", role: "admin" });
    const fresh = (await (await refresh(ada.refresh_token)).json()) as { access_token: string };
    expect((await get("/admin/users", `Bearer ${fresh.access_token}`)).status).toBe(200);
  });
});
