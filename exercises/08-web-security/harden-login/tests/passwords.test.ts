import { describe, expect, it } from "vitest";
import { constantTimeEqual, hashPassword, verifyPassword } from "../passwords";
import { isPbkdf2Of, legacyHash, pbkdf2Hash } from "./setup";

describe("password hashing", () => {
  it("stores pbkdf2-sha256$iterations$salt$hash with a fresh 16-byte salt per hash", async () => {
    const first = await hashPassword("tulip-lantern-orbit-42", 1000);
    const second = await hashPassword("tulip-lantern-orbit-42", 1000);
    expect(await isPbkdf2Of(first, "tulip-lantern-orbit-42", 1000)).toBe(true);
    expect(await isPbkdf2Of(second, "tulip-lantern-orbit-42", 1000)).toBe(true);
    expect(first.split("$")[2]).not.toBe(second.split("$")[2]);
    expect(first.split("$")[3]).not.toBe(second.split("$")[3]);
  });

  it("defaults to at least OWASP's 600,000 iterations", async () => {
    const stored = await hashPassword("a long enough passphrase");
    const iterations = Number(stored.split("$")[1]);
    expect(iterations).toBeGreaterThanOrEqual(600_000);
    expect(await isPbkdf2Of(stored, "a long enough passphrase", iterations)).toBe(true);
  });

  it("verifies both schemes and asks for a rehash when the stored cost is old", async () => {
    const stored = await pbkdf2Hash("tulip-lantern-orbit-42", 1000);
    expect(await verifyPassword("tulip-lantern-orbit-42", stored, 1000)).toEqual({ ok: true, needsRehash: false });
    expect(await verifyPassword("tulip-lantern-orbit-42", stored, 2000)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword("tulip-lantern-orbit-43", stored, 2000)).toEqual({ ok: false, needsRehash: false });
    const legacy = await legacyHash("hunter2-but-longer");
    expect(await verifyPassword("hunter2-but-longer", legacy, 1000)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword("hunter2", legacy, 1000)).toEqual({ ok: false, needsRehash: false });
    for (const bad of ["", "!", "sha256$zz", "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$1000$@@$AAAA", "md5$abc"]) {
      expect(await verifyPassword("anything", bad, 1000)).toEqual({ ok: false, needsRehash: false });
    }
  });

  it("constantTimeEqual reads every byte of both arrays even when the first differs", () => {
    const reads = { count: 0 };
    const watched = (bytes: Uint8Array) =>
      new Proxy(bytes, { get: (target, prop) => (typeof prop === "string" && /^\d+$/.test(prop) && reads.count++, Reflect.get(target, prop)) });
    const a = new Uint8Array(32).fill(7);
    const b = new Uint8Array(32).fill(7);
    expect(constantTimeEqual(watched(a), watched(b))).toBe(true);
    b[0] = 8;
    reads.count = 0;
    expect(constantTimeEqual(watched(a), watched(b))).toBe(false);
    expect(reads.count).toBeGreaterThanOrEqual(64);
    expect(constantTimeEqual(new Uint8Array(3), new Uint8Array(4))).toBe(false);
  });
});
