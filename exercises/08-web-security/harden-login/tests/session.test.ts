import { describe, expect, it } from "vitest";
import { ALICE_PW, errorOf, MINUTE, parseSetCookie, request, setup } from "./setup";

describe("sessions", () => {
  it("GET /account answers the session's user and CSRF token, uncached; no or unknown cookie is 401", async () => {
    const { send, session } = await setup();
    const { cookie } = await session();
    const res = await send(request("GET", "/account", { cookie }));
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await res.json()).toEqual({ email: "alice@example.com", name: "Alice", csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43,}$/) });
    for (const other of [undefined, "__Host-sid=forged", "sid=" + cookie.split("=")[1]]) {
      const denied = await send(request("GET", "/account", { cookie: other }));
      expect(denied.status).toBe(401);
      expect(await errorOf(denied)).toBe("unauthenticated");
    }
  });

  it("ends after 30 idle minutes, each request restarting the idle clock", async () => {
    const { send, session, tick } = await setup();
    const { cookie } = await session();
    const account = () => send(request("GET", "/account", { cookie }));
    tick(29 * MINUTE);
    expect((await account()).status).toBe(200);
    tick(29 * MINUTE);
    expect((await account()).status).toBe(200);
    tick(30 * MINUTE);
    expect((await account()).status).toBe(401);
    tick(1 * MINUTE);
    expect((await account()).status).toBe(401);
  });

  it("ends 8 hours after login however active it is", async () => {
    const { send, session, tick } = await setup();
    const { cookie } = await session();
    for (let minutes = 20; minutes < 480; minutes += 20) {
      tick(20 * MINUTE);
      expect((await send(request("GET", "/account", { cookie }))).status, `after ${minutes} minutes`).toBe(200);
    }
    tick(20 * MINUTE);
    expect((await send(request("GET", "/account", { cookie }))).status).toBe(401);
  });

  it("logout needs the CSRF token, ends the session and clears the cookie; a new login drops the old session", async () => {
    const { send, session, login } = await setup();
    const { cookie, csrf } = await session();
    expect((await send(request("POST", "/logout", { cookie, form: {} }))).status).toBe(403);
    const res = await send(request("POST", "/logout", { cookie, form: { csrf_token: csrf } }));
    expect(res.status).toBe(204);
    expect(parseSetCookie(res.headers.get("Set-Cookie")).attributes["max-age"]).toBe("0");
    expect((await send(request("GET", "/account", { cookie }))).status).toBe(401);

    const second = await session();
    const fresh = await login("alice@example.com", ALICE_PW, undefined, second.cookie);
    expect(parseSetCookie(fresh.headers.get("Set-Cookie")).value).not.toBe(second.cookie.split("=")[1]);
    expect((await send(request("GET", "/account", { cookie: second.cookie }))).status).toBe(401);
  });
});

describe("CSRF and HTTPS", () => {
  it("changes the email only with this session's CSRF token", async () => {
    const { send, session, login } = await setup();
    const alice = await session();
    const bob = await session("bob@example.com", "hunter2-but-longer");
    const change = (token: string | undefined, cookie = alice.cookie) =>
      send(request("POST", "/account/email", { cookie, form: token === undefined ? { email: "a@example.org" } : { email: "a@example.org", csrf_token: token } }));
    for (const token of [undefined, "", bob.csrf, alice.csrf.slice(0, -1)]) {
      const res = await change(token);
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toBe("bad_csrf_token");
    }
    for (const [email, status, code] of [["not an email", 400, "invalid_request"], ["Bob@Example.com", 409, "email_taken"]] as const) {
      const res = await send(request("POST", "/account/email", { cookie: alice.cookie, form: { email, csrf_token: alice.csrf } }));
      expect(res.status).toBe(status);
      expect(await errorOf(res)).toBe(code);
    }
    const ok = await change(alice.csrf);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ email: "a@example.org" });
    expect((await login("a@example.org", ALICE_PW)).status).toBe(200);
  });

  it("refuses every POST whose Origin is not the site's own, even with a valid token", async () => {
    const { send, session } = await setup();
    const { cookie, csrf } = await session();
    for (const origin of ["https://evil.example", "http://bank.example", "https://bank.example.evil.example", "null", ""]) {
      const res = await send(request("POST", "/account/email", { cookie, origin, form: { email: "e@example.org", csrf_token: csrf } }));
      expect(res.status, `Origin: ${origin || "(none)"}`).toBe(403);
      expect(await errorOf(res)).toBe("bad_origin");
    }
    const loginCsrf = await send(request("POST", "/login", { origin: "https://evil.example", form: { email: "alice@example.com", password: ALICE_PW } }));
    expect(loginCsrf.status).toBe(403);
  });

  it("redirects plain HTTP to HTTPS with 308 and sends HSTS on every HTTPS response, never over HTTP", async () => {
    const { send } = await setup();
    const insecure = await send(request("GET", "/account?tab=1", { scheme: "http" }));
    expect(insecure.status).toBe(308);
    expect(insecure.headers.get("Location")).toBe("https://bank.example/account?tab=1");
    expect(insecure.headers.get("Strict-Transport-Security")).toBeNull();
    expect((await send(request("GET", "/nowhere"))).status).toBe(404);
    for (const req of [request("GET", "/account"), request("GET", "/nowhere"), request("POST", "/login", { form: { email: "x@example.com", password: "y" } })]) {
      const res = await send(req);
      const directives = (res.headers.get("Strict-Transport-Security") ?? "").split(";").map((d) => d.trim().toLowerCase()).sort();
      expect(directives, `${req.method} ${new URL(req.url).pathname}`).toEqual(["includesubdomains", "max-age=63072000"]);
    }
  });
});
