import { describe, expect, it } from "vitest";
import { decode, encode } from "../base62";

describe("base62", () => {
  it("encodes with 0-9, then a-z, then A-Z, most significant digit first, unpadded", () => {
    const cases: [number, string][] = [
      [0, "0"], [9, "9"], [10, "a"], [35, "z"], [36, "A"], [61, "Z"], [62, "10"], [3843, "ZZ"],
      [1_000_000, "4c92"], [62 ** 7 - 1, "ZZZZZZZ"], [62 ** 7, "10000000"],
    ];
    for (const [n, code] of cases) {
      expect(encode(n), String(n)).toBe(code);
      expect(decode(code), code).toBe(n);
    }
    for (const n of [1, 61, 62, 12345, 987654321, 2 ** 53 - 1]) expect(decode(encode(n))).toBe(n);
  });

  it("rejects what it cannot encode or decode with a RangeError", () => {
    for (const n of [-1, 1.5, Number.NaN, 2 ** 53]) expect(() => encode(n), String(n)).toThrow(RangeError);
    for (const s of ["", "ab-c", "é", "a b"]) expect(() => decode(s), s).toThrow(RangeError);
  });
});
