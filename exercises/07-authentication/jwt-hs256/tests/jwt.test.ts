import { describe, it, expect } from "vitest";
import { SignJWT, jwtVerify, errors } from "jose";
import { JwtError, sign, verify } from "../main";

const SECRET = "correct-horse-battery-staple-0123456789"; // 39 bytes: long enough for HS256
const OTHER_SECRET = "another-secret-that-is-long-enough-too!!";
const joseKey = (secret = SECRET) => new TextEncoder().encode(secret);

/** 2024-05-01T12:00:00Z as a JWT NumericDate (seconds). */
const T = 1_714_564_800;
const at = (seconds: number) => new Date(seconds * 1000);

// The tests' own tiny JWT toolkit, so forged tokens do not depend on your code.
function b64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
const part = (value: unknown) => b64url(new TextEncoder().encode(JSON.stringify(value)));
function unpart(segment: string): unknown {
  const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
}
async function hs256(input: string, secret = SECRET): Promise<string> {
  const key = await crypto.subtle.importKey("raw", joseKey(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return b64url(new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(input))));
}
/** A correctly HS256-signed token with any header and payload at all. */
async function forge(header: unknown, payload: unknown, secret = SECRET): Promise<string> {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${await hs256(input, secret)}`;
}
function joseToken(payload: Record<string, unknown> = { sub: "user-42" }, alg = "HS256") {
  return new SignJWT(payload).setProtectedHeader({ alg });
}

describe("sign", () => {
  it("produces header.payload.signature in base64url with an HS256 JWT header", async () => {
    const token = await sign({ sub: "user-42" }, SECRET, { now: at(T) });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const [header, payload, signature] = token.split(".");
    expect(unpart(header)).toEqual({ alg: "HS256", typ: "JWT" });
    expect(unpart(payload)).toEqual({ sub: "user-42", iat: T });
    expect(signature).toHaveLength(43); // 32 bytes of HMAC-SHA256, unpadded
  });

  it("makes tokens that jose's jwtVerify accepts, with the same claims", async () => {
    const token = await sign({ sub: "user-42", role: "editor" }, SECRET, { now: at(T), expiresInSeconds: 900 });
    const { payload, protectedHeader } = await jwtVerify(token, joseKey(), { algorithms: ["HS256"], currentDate: at(T + 60) });
    expect(protectedHeader).toEqual({ alg: "HS256", typ: "JWT" });
    expect(payload).toEqual({ sub: "user-42", role: "editor", iat: T, exp: T + 900 });
  });

  it("encodes non-ASCII text as UTF-8, so jose reads back exactly what was signed", async () => {
    // "?>>" and "~~~" make standard base64 emit + and /, which must not reach the token.
    const claims = { name: "Zoë Ünal 🚀", note: "?>>?>>~~~", tags: ["naïve", "café"] };
    const token = await sign(claims, SECRET, { now: at(T) });
    expect(token).not.toMatch(/[+/=]/);
    const { payload } = await jwtVerify(token, joseKey(), { algorithms: ["HS256"], currentDate: at(T) });
    expect(payload).toEqual({ ...claims, iat: T });
  });

  it("writes iat and exp in whole seconds, not milliseconds", async () => {
    const token = await sign({ sub: "a" }, SECRET, { now: new Date(T * 1000 + 999), expiresInSeconds: 60 });
    expect(unpart(token.split(".")[1])).toEqual({ sub: "a", iat: T, exp: T + 60 });
    // jose agrees it is expired 60 seconds later (an exp in milliseconds would be valid for ages).
    await expect(jwtVerify(token, joseKey(), { currentDate: at(T + 61) })).rejects.toBeInstanceOf(errors.JWTExpired);
  });

  it("replaces an iat the payload brings with the signing time", async () => {
    const token = await sign({ sub: "a", iat: 1 }, SECRET, { now: at(T), expiresInSeconds: 60 });
    expect(unpart(token.split(".")[1])).toEqual({ sub: "a", iat: T, exp: T + 60 });
  });

  it("uses the current time when no `now` is given", async () => {
    const before = Math.floor(Date.now() / 1000);
    const token = await sign({ sub: "a" }, SECRET, { expiresInSeconds: 30 });
    const after = Math.floor(Date.now() / 1000);
    const { iat, exp } = unpart(token.split(".")[1]) as { iat: number; exp: number };
    expect(iat).toBeGreaterThanOrEqual(before);
    expect(iat).toBeLessThanOrEqual(after);
    expect(exp).toBe(iat + 30);
  });

  it("refuses a payload that is not a plain object (TypeError)", async () => {
    for (const payload of [null, [1, 2], "sub=1", 42]) {
      await expect(sign(payload as unknown as Record<string, unknown>, SECRET)).rejects.toBeInstanceOf(TypeError);
    }
  });

  it("refuses a bad expiresInSeconds and a secret shorter than 32 bytes (RangeError)", async () => {
    for (const expiresInSeconds of [0, -60, 1.5, Number.NaN]) {
      await expect(sign({ sub: "a" }, SECRET, { expiresInSeconds })).rejects.toBeInstanceOf(RangeError);
    }
    await expect(sign({ sub: "a" }, "hunter2")).rejects.toBeInstanceOf(RangeError);
    await expect(sign({ sub: "a" }, "x".repeat(31))).rejects.toBeInstanceOf(RangeError);
    await expect(sign({ sub: "a" }, "x".repeat(32))).resolves.toEqual(expect.any(String));
  });
});

describe("verify: accepting good tokens", () => {
  it("accepts a token signed by jose (header without typ) and returns its payload", async () => {
    const token = await joseToken({ sub: "user-7", scope: "read:orders" }).setIssuedAt(T).setExpirationTime(T + 3600).sign(joseKey());
    expect(await verify(token, SECRET, { now: at(T + 10) })).toEqual({ sub: "user-7", scope: "read:orders", iat: T, exp: T + 3600 });
  });

  it("accepts a jose token with UTF-8 claims", async () => {
    const token = await joseToken({ name: "Zoë 🚀", note: "?>>?>>~~~" }).sign(joseKey());
    expect(await verify(token, SECRET)).toEqual({ name: "Zoë 🚀", note: "?>>?>>~~~" });
  });

  it("round-trips its own tokens", async () => {
    const token = await sign({ sub: "user-1", admin: false }, SECRET, { now: at(T), expiresInSeconds: 60 });
    expect(await verify(token, SECRET, { now: at(T + 59) })).toEqual({ sub: "user-1", admin: false, iat: T, exp: T + 60 });
  });
});

describe("verify: signatures", () => {
  it("rejects a token signed with a different secret (bad_signature)", async () => {
    const token = await joseToken().sign(joseKey(OTHER_SECRET));
    await expect(verify(token, SECRET)).rejects.toMatchObject({ code: "bad_signature" });
  });

  it("rejects a tampered payload: the attacker makes themselves admin but cannot re-sign", async () => {
    const token = await sign({ sub: "user-42", role: "viewer" }, SECRET, { now: at(T) });
    const [header, , signature] = token.split(".");
    const forged = `${header}.${part({ sub: "user-42", role: "admin", iat: T })}.${signature}`;
    await expect(verify(forged, SECRET, { now: at(T) })).rejects.toMatchObject({ code: "bad_signature" });
  });

  it("rejects a changed, truncated, borrowed or missing signature", async () => {
    const token = await joseToken().sign(joseKey());
    const [header, payload, signature] = token.split(".");
    const flip = signature[10] === "A" ? "B" : "A";
    const changed = signature.slice(0, 10) + flip + signature.slice(11);
    const borrowed = (await joseToken({ sub: "someone-else" }).sign(joseKey())).split(".")[2];
    for (const sig of [changed, signature.slice(0, -1), signature.slice(0, 22), borrowed, ""]) {
      await expect(verify(`${header}.${payload}.${sig}`, SECRET), `signature "${sig}"`).rejects.toMatchObject({ code: "bad_signature" });
    }
  });

  it("throws JwtError instances, so callers can answer 401 without parsing messages", async () => {
    const token = await joseToken().sign(joseKey(OTHER_SECRET));
    await expect(verify(token, SECRET)).rejects.toBeInstanceOf(JwtError);
  });
});

describe("verify: the alg header is not trusted", () => {
  it('rejects unsigned "alg": "none" tokens in any spelling (unsupported_alg)', async () => {
    for (const alg of ["none", "None", "NONE", "nOnE"]) {
      const unsigned = `${part({ alg, typ: "JWT" })}.${part({ sub: "user-42", role: "admin" })}.`;
      await expect(verify(unsigned, SECRET), `"alg": "${alg}"`).rejects.toMatchObject({ code: "unsupported_alg" });
    }
  });

  it("rejects HS384 and HS512 tokens even when correctly signed with the same secret", async () => {
    for (const alg of ["HS384", "HS512"]) {
      const token = await joseToken({ sub: "user-42" }, alg).sign(joseKey());
      await expect(verify(token, SECRET), alg).rejects.toMatchObject({ code: "unsupported_alg" });
    }
  });

  it("rejects RS256, a missing alg and a non-string alg, whatever the signature", async () => {
    // Alg confusion: a server that let the header pick the algorithm could be tricked into
    // checking an "RS256" token with HMAC and its public key as the secret.
    for (const header of [{ alg: "RS256", typ: "JWT" }, { typ: "JWT" }, { alg: ["HS256"] }, { alg: "hs256" }]) {
      const token = await forge(header, { sub: "user-42" });
      await expect(verify(token, SECRET), JSON.stringify(header)).rejects.toMatchObject({ code: "unsupported_alg" });
    }
  });
});

describe("verify: malformed tokens", () => {
  it.each([
    ["an empty string", ""],
    ["one part", "abc"],
    ["two parts", "abc.def"],
    ["four parts", "a.b.c.d"],
    ["padding in a part", "eyJhbGciOiJIUzI1NiJ9.e30=.abc"],
    ["characters outside base64url", "eyJhbGciOiJIUzI1NiJ9.e3+/.abc"],
    ["a header that is not JSON", `${b64url(new TextEncoder().encode("not json"))}.e30.abc`],
    ["a header that is a JSON array", `${part(["HS256"])}.e30.abc`],
    ["a header that is JSON null", `${part(null)}.e30.abc`],
  ])("rejects %s (malformed)", async (_, token) => {
    await expect(verify(token, SECRET)).rejects.toMatchObject({ code: "malformed" });
  });

  it("rejects a token that is not a string at all (malformed)", async () => {
    await expect(verify(undefined as unknown as string, SECRET)).rejects.toMatchObject({ code: "malformed" });
  });

  it("rejects a correctly signed payload that is not a JSON object (malformed)", async () => {
    for (const payload of ["user-42", [1, 2, 3], 7, null]) {
      const token = await forge({ alg: "HS256", typ: "JWT" }, payload);
      await expect(verify(token, SECRET), JSON.stringify(payload)).rejects.toMatchObject({ code: "malformed" });
    }
  });

  it("rejects correctly signed exp, nbf or iat claims that are not numbers (malformed)", async () => {
    for (const claims of [{ exp: "tomorrow" }, { exp: null }, { nbf: "2024-01-01" }, { iat: true }]) {
      const token = await forge({ alg: "HS256" }, { sub: "a", ...claims });
      await expect(verify(token, SECRET, { now: at(T) }), JSON.stringify(claims)).rejects.toMatchObject({ code: "malformed" });
    }
  });

  it("refuses a secret shorter than 32 bytes and a negative clock tolerance (RangeError)", async () => {
    const token = await joseToken().sign(joseKey());
    await expect(verify(token, "short")).rejects.toBeInstanceOf(RangeError);
    await expect(verify(token, SECRET, { clockToleranceSeconds: -1 })).rejects.toBeInstanceOf(RangeError);
  });
});

describe("verify: exp and nbf", () => {
  it("accepts a token until the second before exp, and rejects it from exp on (expired)", async () => {
    const token = await joseToken().setExpirationTime(T).sign(joseKey());
    await expect(verify(token, SECRET, { now: at(T - 1) })).resolves.toEqual({ sub: "user-42", exp: T });
    await expect(verify(token, SECRET, { now: at(T) })).rejects.toMatchObject({ code: "expired" });
    await expect(verify(token, SECRET, { now: at(T + 3600) })).rejects.toMatchObject({ code: "expired" });
  });

  it("forgives clock skew on exp up to clockToleranceSeconds, and not one second more", async () => {
    const token = await joseToken().setExpirationTime(T).sign(joseKey());
    await expect(verify(token, SECRET, { now: at(T + 29), clockToleranceSeconds: 30 })).resolves.toEqual({ sub: "user-42", exp: T });
    await expect(verify(token, SECRET, { now: at(T + 30), clockToleranceSeconds: 30 })).rejects.toMatchObject({ code: "expired" });
  });

  it("rejects a token before nbf (not_yet_valid) and accepts it from nbf on", async () => {
    const token = await joseToken().setNotBefore(T).sign(joseKey());
    await expect(verify(token, SECRET, { now: at(T - 1) })).rejects.toMatchObject({ code: "not_yet_valid" });
    await expect(verify(token, SECRET, { now: at(T) })).resolves.toEqual({ sub: "user-42", nbf: T });
  });

  it("forgives clock skew on nbf up to clockToleranceSeconds", async () => {
    const token = await joseToken().setNotBefore(T).sign(joseKey());
    await expect(verify(token, SECRET, { now: at(T - 5), clockToleranceSeconds: 5 })).resolves.toEqual({ sub: "user-42", nbf: T });
    await expect(verify(token, SECRET, { now: at(T - 6), clockToleranceSeconds: 5 })).rejects.toMatchObject({ code: "not_yet_valid" });
  });

  it("checks against the current time when no `now` is given", async () => {
    const old = await sign({ sub: "a" }, SECRET, { now: new Date("2001-01-01T00:00:00Z"), expiresInSeconds: 60 });
    await expect(verify(old, SECRET)).rejects.toMatchObject({ code: "expired" });
    const future = await joseToken().setNotBefore(Math.floor(Date.now() / 1000) + 10 * 365 * 86_400).sign(joseKey());
    await expect(verify(future, SECRET)).rejects.toMatchObject({ code: "not_yet_valid" });
  });

  it("checks the signature before the times: a forged expired token is bad_signature, not expired", async () => {
    const token = await joseToken().setExpirationTime(T).sign(joseKey(OTHER_SECRET));
    await expect(verify(token, SECRET, { now: at(T + 60) })).rejects.toMatchObject({ code: "bad_signature" });
  });
});
