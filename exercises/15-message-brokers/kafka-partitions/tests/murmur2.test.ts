import { describe, expect, it } from "vitest";
import { murmur2, partitionFor } from "../murmur2";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("murmur2", () => {
  // The cases of Kafka's own UtilsTest.testMurmur2 (clients/src/test/java/org/apache/kafka/common/utils).
  it.each([
    ["21", -973932308],
    ["foobar", -790332482],
    ["a-little-bit-long-string", -985981536],
    ["a-little-bit-longer-string", -1486304829],
    ["lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971],
    ["abc", 479470107],
  ])("hashes %j as Kafka does", (text, expected) => {
    expect(murmur2(bytes(text))).toBe(expected);
  });

  it("hashes bytes above 127 as unsigned, and the empty array", () => {
    expect(murmur2(new Uint8Array([0xc3, 0xa9]))).toBe(186971271);
    expect(murmur2(new Uint8Array([0xff, 0x80, 0x00, 0x7f, 0xfe]))).toBe(murmur2(new Uint8Array([255, 128, 0, 127, 254])));
    expect(Number.isInteger(murmur2(new Uint8Array([])))).toBe(true);
    expect(murmur2(new Uint8Array([]))).toBe(murmur2(new Uint8Array(0)));
  });
});

describe("partitionFor", () => {
  it("masks the sign bit (toPositive), then takes the remainder", () => {
    expect([3, 4, 6, 12].map((n) => partitionFor("21", n))).toEqual([0, 0, 0, 0]);
    expect([3, 4, 6, 12].map((n) => partitionFor("foobar", n))).toEqual([0, 2, 0, 6]);
    expect([3, 4, 6, 12].map((n) => partitionFor("a-little-bit-longer-string", n))).toEqual([2, 3, 5, 11]);
  });

  it("hashes the key's UTF-8 bytes", () => {
    expect(partitionFor("é", 1000)).toBe(186971271 % 1000);
  });
});
