import { afterEach, describe, expect, it, vi } from "vitest";
import { ALICE_PW, BOB_PW, errorOf, isPbkdf2Of, MINUTE, parseSetCookie, pbkdf2Hash, setup } from "./setup";

afterEach(() => vi.restoreAllMocks());

describe("POST /login", () => {
  it("logs in and sets a __Host- session cookie that is Secure, HttpOnly, SameSite and 8 hours long", async () => {
    const { login } = await setup();
    const res = await login(" Alice@Example.com ", ALICE_PW);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ email: "alice@example.com", name: "Alice" });
    const cookie = parseSetCookie(res.headers.get("Set-Cookie"));
    expect(cookie.name).toBe("__Host-sid");
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(cookie.attributes).toMatchObject({ path: "/", secure: "", httponly: "", "max-age": "28800" });
    expect(cookie.attributes.samesite?.toLowerCase()).toMatch(/^(lax|strict)$/);
    expect(cookie.attributes).not.toHaveProperty("domain");
  });

  it("answers an unknown email exactly like a wrong password, after the same one PBKDF2 run", async () => {
    const { login } = await setup();
    const derive = vi.spyOn(crypto.subtle, "deriveBits");
    const wrong = await login("alice@example.com", "wrong-password-here");
    expect(derive).toHaveBeenCalledTimes(1);
    const unknown = await login("mallory@example.com", ALICE_PW);
    expect(derive).toHaveBeenCalledTimes(2);
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await unknown.json()).toEqual(await wrong.json());
    expect(unknown.headers.get("Set-Cookie")).toBeNull();
  });

  it("upgrades legacy SHA-256 and low-cost hashes on a successful login only", async () => {
    const { login, users } = await setup();
    const legacy = users.get("bob@example.com")!.passwordHash;
    expect((await login("bob@example.com", "not-bobs-password")).status).toBe(401);
    expect(users.get("bob@example.com")!.passwordHash).toBe(legacy);
    expect((await login("bob@example.com", BOB_PW)).status).toBe(200);
    expect(await isPbkdf2Of(users.get("bob@example.com")!.passwordHash, BOB_PW, 1000)).toBe(true);
    users.get("alice@example.com")!.passwordHash = await pbkdf2Hash(ALICE_PW, 500);
    expect((await login("alice@example.com", ALICE_PW)).status).toBe(200);
    expect(await isPbkdf2Of(users.get("alice@example.com")!.passwordHash, ALICE_PW, 1000)).toBe(true);
  });

  it("locks an email for 15 minutes after 5 failures in a row, known or not; a success resets the count", async () => {
    const { login, tick } = await setup();
    for (let i = 0; i < 4; i++) await login("alice@example.com", "guess-" + i);
    expect((await login("alice@example.com", ALICE_PW)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login("alice@example.com", "guess-" + i)).status).toBe(401);
    expect((await login("alice@example.com", "guess-5")).status).toBe(401);
    const locked = await login("alice@example.com", ALICE_PW);
    expect(locked.status).toBe(429);
    expect(await errorOf(locked)).toBe("too_many_attempts");
    expect(locked.headers.get("Retry-After")).toBe("900");
    tick(15 * MINUTE - 1000);
    const later = await login("alice@example.com", ALICE_PW);
    expect([later.status, later.headers.get("Retry-After")]).toEqual([429, "1"]);
    tick(1000);
    expect((await login("alice@example.com", "guess-7")).status).toBe(401); // the count started again
    expect((await login("alice@example.com", ALICE_PW)).status).toBe(200);

    for (let i = 0; i < 5; i++) await login("nobody@example.com", "guess-" + i);
    expect((await login("nobody@example.com", "guess-6")).status).toBe(429);
  });

  it("locks a client IP after 20 failures across any emails (credential stuffing), not other IPs", async () => {
    const { login } = await setup();
    for (let i = 0; i < 19; i++) expect((await login(`user${i}@example.com`, "leaked-password", "198.51.100.9")).status).toBe(401);
    expect((await login("alice@example.com", ALICE_PW, "198.51.100.9")).status).toBe(200); // does not reset the IP's count
    expect((await login("user19@example.com", "leaked-password", "198.51.100.9")).status).toBe(401);
    const locked = await login("alice@example.com", ALICE_PW, "198.51.100.9");
    expect([locked.status, locked.headers.get("Retry-After")]).toEqual([429, "900"]);
    expect((await login("alice@example.com", ALICE_PW, "203.0.113.50")).status).toBe(200);
  });
});
