import { describe, expect, it } from "vitest";
import { parseShard } from "./grade";

describe("parseShard", () => {
  it("reads i/n", () => {
    expect(parseShard("1/2")).toEqual({ i: 1, n: 2 });
    expect(parseShard("4/4")).toEqual({ i: 4, n: 4 });
    expect(parseShard(undefined)).toBeUndefined();
  });

  it.each(["0/2", "3/2", "1-2", "a/b", "1/0", "/2", "1/2/3"])("refuses %j in one line", (text) => {
    expect(() => parseShard(text)).toThrow(`--shard must be <i>/<n> with 1 ≤ i ≤ n (e.g. 1/4), got "${text}"`);
  });
});
