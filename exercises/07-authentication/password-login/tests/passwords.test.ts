import { describe, it, expect } from "vitest";
import {
  AuthError,
  DEFAULT_ITERATIONS,
  checkPasswordPolicy,
  hashPassword,
  normalizeEmail,
  verifyPassword,
} from "../main";

const FAST = { iterations: 1_000 };

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** The tests' own PBKDF2-HMAC-SHA256, to check your hashes independently. */
async function pbkdf2(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, 256));
}

describe("hashPassword", () => {
  it('writes "pbkdf2-sha256$iterations$salt$hash" with a 16-byte salt and the real 32-byte PBKDF2 hash', async () => {
    const stored = await hashPassword("tea with milk and honey", FAST);
    const parts = stored.split("$");
    expect(parts).toHaveLength(4);
    expect(parts.slice(0, 2)).toEqual(["pbkdf2-sha256", "1000"]);
    const salt = fromBase64(parts[2]);
    expect(salt.length, "salt bytes").toBe(16);
    expect(fromBase64(parts[3]).length, "hash bytes").toBe(32);
    expect(parts[3]).toBe(toBase64(await pbkdf2("tea with milk and honey", salt, 1000)));
  });

  it("uses a fresh random salt each time, so equal passwords get different hashes", async () => {
    const a = await hashPassword("tea with milk and honey", FAST);
    const b = await hashPassword("tea with milk and honey", FAST);
    expect(a.split("$")[2]).not.toBe(b.split("$")[2]);
    expect(a).not.toBe(b);
    expect(a).not.toContain("tea with milk");
  });

  it("defaults to at least 100,000 iterations", async () => {
    expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    const stored = await hashPassword("tea with milk and honey");
    expect(stored.split("$")[1]).toBe(String(DEFAULT_ITERATIONS));
  });

  it("rejects an iteration count that is not a positive integer (RangeError)", async () => {
    for (const iterations of [0, -1, 1.5, Number.NaN]) {
      await expect(hashPassword("tea with milk and honey", { iterations }), String(iterations)).rejects.toBeInstanceOf(RangeError);
    }
  });
});

describe("verifyPassword", () => {
  it("accepts the right password and rejects near misses", async () => {
    const stored = await hashPassword("Tea with milk and honey", FAST);
    expect(await verifyPassword("Tea with milk and honey", stored)).toBe(true);
    expect(await verifyPassword("tea with milk and honey", stored)).toBe(false);
    expect(await verifyPassword("Tea with milk and honey ", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("reads the iteration count and salt from the stored string (hashes made elsewhere still verify)", async () => {
    const salt = Uint8Array.from({ length: 16 }, (_, i) => 200 - i);
    const stored = `pbkdf2-sha256$1234$${toBase64(salt)}$${toBase64(await pbkdf2("made by another service", salt, 1234))}`;
    expect(await verifyPassword("made by another service", stored)).toBe(true);
    expect(await verifyPassword("made by another servic", stored)).toBe(false);
  });

  it("returns false, without throwing, for stored values it cannot read", async () => {
    const good = await hashPassword("tea with milk and honey", FAST);
    const [, iterations, salt, hash] = good.split("$");
    const broken = [
      "",
      "!",
      "tea with milk and honey",
      `bcrypt$${iterations}$${salt}$${hash}`,
      `pbkdf2-sha256$abc$${salt}$${hash}`,
      `pbkdf2-sha256$0$${salt}$${hash}`,
      `pbkdf2-sha256$${iterations}$${salt}`,
      `pbkdf2-sha256$${iterations}$${salt}$${hash}$extra`,
      `pbkdf2-sha256$${iterations}$${salt}$not base64!`,
    ];
    for (const stored of broken) {
      await expect(verifyPassword("tea with milk and honey", stored), JSON.stringify(stored)).resolves.toBe(false);
    }
  });

  it("treats the same text typed as composed or decomposed Unicode as the same password (NFKC)", async () => {
    const composed = "caf\u00e9 au lait for two"; // é as one code point
    const decomposed = "cafe\u0301 au lait for two"; // e + combining acute accent
    const stored = await hashPassword(composed, FAST);
    expect(await verifyPassword(decomposed, stored)).toBe(true);
  });
});

describe("normalizeEmail", () => {
  it("trims and lowercases", () => {
    expect(normalizeEmail("  Ada.Lovelace@Example.COM \n")).toBe("ada.lovelace@example.com");
    expect(normalizeEmail("o'brien+news@mail.example.ie")).toBe("o'brien+news@mail.example.ie");
  });

  it.each(["", "   ", "ada", "ada@", "@example.com", "ada@example", "ada@@example.com", "ada lovelace@example.com", "ada@example..com"])(
    "rejects %j with AuthError invalid_email",
    (email) => {
      expect(() => normalizeEmail(email)).toThrow(AuthError);
      expect(() => normalizeEmail(email)).toThrow(expect.objectContaining({ code: "invalid_email" }));
    },
  );
});

describe("checkPasswordPolicy", () => {
  it("accepts long passphrases without demanding digits, capitals or symbols", () => {
    expect(checkPasswordPolicy("correct horse battery")).toEqual([]);
    expect(checkPasswordPolicy("twelve chars")).toEqual([]); // exactly 12
    expect(checkPasswordPolicy("x".repeat(128))).toEqual([]);
  });

  it("reports a password that is too short or too long", () => {
    expect(checkPasswordPolicy("eleven char")).toHaveLength(1); // 11
    expect(checkPasswordPolicy("")).toHaveLength(1);
    expect(checkPasswordPolicy("x".repeat(129))).toHaveLength(1);
  });

  it("counts characters, not UTF-16 code units", () => {
    expect(checkPasswordPolicy("🔒".repeat(12))).toEqual([]); // 12 characters, 24 code units
    expect(checkPasswordPolicy("🔒".repeat(6))).toHaveLength(1); // 6 characters, 12 code units
  });

  it("reports passwords from the common list, whatever their case", () => {
    expect(checkPasswordPolicy("password1234")).toHaveLength(1);
    expect(checkPasswordPolicy("PassWord1234")).toHaveLength(1);
    expect(checkPasswordPolicy("CorrectHorseBatteryStaple")).toHaveLength(1);
  });
});
