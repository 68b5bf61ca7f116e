import { describe, expect, it } from "vitest";
import { mergeValues } from "../merge";

describe("mergeValues", () => {
  it("merges maps at every depth and replaces scalars and lists", () => {
    const base = { a: { b: { c: 1, d: 2 }, list: [1, 2, 3] }, keep: "x" };
    expect(mergeValues(base, { a: { b: { d: 20 }, list: [9] } })).toEqual({ a: { b: { c: 1, d: 20 }, list: [9] }, keep: "x" });
    expect(mergeValues(base, { a: "flat" })).toEqual({ a: "flat", keep: "x" });
  });

  it("applies overrides in order, deletes keys set to null, and changes neither input", () => {
    const base = { a: { b: 1, c: 2 }, d: 3 };
    const first = { a: { b: 10 }, d: null };
    const second = { a: { c: null, e: 5 } };
    expect(mergeValues(base, first, second)).toEqual({ a: { b: 10, e: 5 } });
    expect(base).toEqual({ a: { b: 1, c: 2 }, d: 3 });
    expect(first).toEqual({ a: { b: 10 }, d: null });
    const merged = mergeValues(base) as { a: { b: number } };
    merged.a.b = 99;
    expect(base.a.b).toBe(1);
  });
});
