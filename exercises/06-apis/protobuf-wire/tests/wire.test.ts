import { describe, expect, it } from "vitest";
import { decode, encode, encodeVarint, grpcFrame, zigzag } from "../wire";
import { ProductSchema } from "../schema";

const hex = (bytes: Uint8Array | number[]) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join(" ");
const bytes = (text: string) => Uint8Array.from(text.split(" ").map((h) => parseInt(h, 16)));
const empty = { id: 0, name: "", stockChange: 0, tagIds: [], active: false };

describe("varints and zigzag", () => {
  it("writes base-128 varints, least significant group first", () => {
    expect(hex(encodeVarint(1))).toBe("01");
    expect(hex(encodeVarint(127))).toBe("7f");
    expect(hex(encodeVarint(128))).toBe("80 01");
    expect(hex(encodeVarint(150))).toBe("96 01");
    expect(hex(encodeVarint(0xffffffff))).toBe("ff ff ff ff 0f");
  });

  it("maps signed numbers with zigzag", () => {
    expect([0, -1, 1, -2, 2147483647, -2147483648].map(zigzag)).toEqual([0, 1, 2, 3, 4294967294, 4294967295]);
  });
});

describe("encode", () => {
  it("matches the protobuf documentation's examples", () => {
    expect(hex(encode(ProductSchema, { id: 150 }))).toBe("08 96 01");
    expect(hex(encode(ProductSchema, { name: "testing" }))).toBe("12 07 74 65 73 74 69 6e 67");
    expect(hex(encode(ProductSchema, { tagIds: [3, 270, 86942] }))).toBe("22 06 03 8e 02 9e a7 05");
  });

  it("writes fields in field-number order, zigzags sint32 and sends true as 1", () => {
    const message = { active: true, stockChange: -3, id: 7 };
    expect(hex(encode(ProductSchema, message))).toBe("08 07 18 05 28 01");
  });

  it("leaves out default values, as proto3 does", () => {
    expect(encode(ProductSchema, { id: 0, name: "", stockChange: 0, tagIds: [], active: false })).toHaveLength(0);
  });

  it("counts a string's length in UTF-8 bytes", () => {
    expect(hex(encode(ProductSchema, { name: "Crème" }))).toBe("12 06 43 72 c3 a8 6d 65");
  });
});

describe("decode", () => {
  it("reads back what encode wrote, with defaults for absent fields", () => {
    const product = { id: 42, name: "Tasse à café", stockChange: -120, tagIds: [1, 300, 70000], active: true };
    expect(decode(ProductSchema, encode(ProductSchema, product))).toEqual(product);
    expect(decode(ProductSchema, new Uint8Array())).toEqual(empty);
  });

  it("skips unknown fields and lets the last value of a field win", () => {
    // field 9 (varint 1), field 10 (LEN "hi"), field 11 (fixed32), then id twice
    const wire = bytes("48 01 52 02 68 69 5d 01 02 03 04 08 05 08 06");
    expect(decode(ProductSchema, wire)).toEqual({ ...empty, id: 6 });
  });

  it("accepts a repeated field both packed and one record at a time", () => {
    expect(decode(ProductSchema, bytes("20 01 22 02 02 03 20 04")).tagIds).toEqual([1, 2, 3, 4]);
  });

  it("refuses truncated input and a field with the wrong wire type", () => {
    expect(() => decode(ProductSchema, bytes("08 96"))).toThrow(expect.objectContaining({ code: "TRUNCATED" }));
    expect(() => decode(ProductSchema, bytes("12 07 74 65"))).toThrow(expect.objectContaining({ code: "TRUNCATED" }));
    expect(() => decode(ProductSchema, bytes("10 05"))).toThrow(expect.objectContaining({ code: "WRONG_WIRE_TYPE" }));
    expect(() => decode(ProductSchema, bytes("4b 01"))).toThrow(expect.objectContaining({ code: "WRONG_WIRE_TYPE" })); // field 9, wire type 3
  });
});

describe("gRPC framing", () => {
  it("prefixes a message with a zero compressed flag and its big-endian length", () => {
    const message = encode(ProductSchema, { name: "x".repeat(300) });
    const frame = grpcFrame(message);
    expect(hex(frame.subarray(0, 5))).toBe("00 00 00 01 2f");
    expect(frame.subarray(5)).toEqual(message);
  });
});
