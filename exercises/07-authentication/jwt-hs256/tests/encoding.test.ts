import { describe, it, expect } from "vitest";
import { base64UrlDecode, base64UrlEncode, timingSafeEqual } from "../main";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);

describe("base64UrlEncode", () => {
  it("encodes without padding, using - and _ instead of + and /", () => {
    expect(base64UrlEncode(text("hello"))).toBe("aGVsbG8"); // base64: aGVsbG8=
    expect(base64UrlEncode(bytes(0xfb, 0xff))).toBe("-_8"); // base64: +/8=
    expect(base64UrlEncode(bytes(0xfb, 0xef, 0xbe))).toBe("----"); // base64: ++++
    expect(base64UrlEncode(bytes(0xff, 0xff, 0xff))).toBe("____"); // base64: ////
    expect(base64UrlEncode(bytes())).toBe("");
  });

  it("never emits =, +, / for any length", () => {
    for (let length = 0; length <= 12; length++) {
      const data = Uint8Array.from({ length }, (_, i) => 0xf8 + (i % 8));
      expect(base64UrlEncode(data)).toMatch(/^[A-Za-z0-9_-]*$/);
    }
  });
});

describe("base64UrlDecode", () => {
  it("decodes unpadded base64url, including - and _", () => {
    expect(Array.from(base64UrlDecode("-_8"))).toEqual([0xfb, 0xff]);
    expect(new TextDecoder().decode(base64UrlDecode("aGVsbG8"))).toBe("hello");
    expect(Array.from(base64UrlDecode(""))).toEqual([]);
  });

  it("round-trips every length from 0 to 40 bytes", () => {
    for (let length = 0; length <= 40; length++) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 37 + length) % 256);
      expect(Array.from(base64UrlDecode(base64UrlEncode(data)))).toEqual(Array.from(data));
    }
  });

  it.each([
    ["+/8", "standard base64 characters + and /"],
    ["aGVsbG8=", "= padding"],
    ["aGVs bG8", "a space"],
    ["abcde", "a length that leaves one character over"],
    ["aGVsbG8!", "a character outside the alphabet"],
  ])("rejects %j (%s) with a JwtError whose code is malformed", (input) => {
    expect(() => base64UrlDecode(input)).toThrow(expect.objectContaining({ code: "malformed" }));
  });
});

describe("timingSafeEqual", () => {
  it("is true for equal bytes and false for any difference", () => {
    expect(timingSafeEqual(bytes(1, 2, 3), bytes(1, 2, 3))).toBe(true);
    expect(timingSafeEqual(bytes(), bytes())).toBe(true);
    expect(timingSafeEqual(bytes(9, 2, 3), bytes(1, 2, 3))).toBe(false);
    expect(timingSafeEqual(bytes(1, 2, 3), bytes(1, 2, 4))).toBe(false);
    expect(timingSafeEqual(bytes(0x80), bytes(0x00))).toBe(false);
  });

  it("is false when the lengths differ, even if one is a prefix of the other", () => {
    expect(timingSafeEqual(bytes(1, 2, 3), bytes(1, 2))).toBe(false);
    expect(timingSafeEqual(bytes(), bytes(0))).toBe(false);
  });

  it("reads every byte even when the very first one differs (no early exit)", () => {
    // Wrap the arrays so we can see which indexes the comparison looks at. A loop that stops at
    // the first difference answers faster the fewer leading bytes are right: a timing leak.
    const read = new Set<string>();
    const watched = (data: Uint8Array, name: string): Uint8Array =>
      new Proxy(data, {
        get(target, key, receiver) {
          if (typeof key === "string" && /^\d+$/.test(key)) read.add(`${name}[${key}]`);
          // Array methods and iteration (for…of, forEach, reduce, …) go through the indexes too.
          const arrayMethod = key === Symbol.iterator ? "values" : key;
          if (typeof arrayMethod === "string" && arrayMethod !== "constructor" && typeof Reflect.get(Array.prototype, arrayMethod) === "function") {
            return (Reflect.get(Array.prototype, arrayMethod) as (...args: unknown[]) => unknown).bind(receiver);
          }
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    const a = watched(Uint8Array.from({ length: 32 }, (_, i) => i), "a");
    const b = watched(Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 255 : i)), "b");

    expect(timingSafeEqual(a, b)).toBe(false);
    const skipped = Array.from({ length: 32 }, (_, i) => i).filter((i) => !read.has(`a[${i}]`) && !read.has(`b[${i}]`));
    expect(skipped, "byte positions that were never compared").toEqual([]);
  });
});
