import { describe, expect, it } from "vitest";
import { matches, splitKey } from "../topic";

describe("splitKey", () => {
  it("splits on every dot, keeping empty words, and gives no words for the empty key", () => {
    expect(splitKey("order.eu.paid")).toEqual(["order", "eu", "paid"]);
    expect(splitKey("a..b")).toEqual(["a", "", "b"]);
    expect(splitKey("a.")).toEqual(["a", ""]);
    expect(splitKey(".")).toEqual(["", ""]);
    expect(splitKey("")).toEqual([]);
  });
});

describe("matches", () => {
  it.each([
    ["order.*.paid", "order.eu.paid", true],
    ["order.*.paid", "order.paid", false],
    ["order.*.paid", "order.eu.fr.paid", false],
    ["order.#", "order.eu.paid", true],
    ["order.#", "order", true],
    ["order.#", "orders.eu", false],
    ["#.paid", "paid", true],
    ["#.paid", "order.eu.paid", true],
    ["#", "anything.at.all", true],
    ["*", "one", true],
    ["*", "one.two", false],
    ["order", "order", true],
    ["order", "order.eu", false],
    ["*.eu.#", "order.eu", true],
    ["#.eu.#", "eu", true],
    ["#.eu.#", "order.us", false],
    ["a.#.b", "a.b", true],
    ["a.#.b", "a.x.y.b", true],
    ["a.#.b", "a.x.y.c", false],
  ])("binding %j, routing key %j: %s", (binding, key, expected) => {
    expect(matches(binding, key)).toBe(expected);
  });

  it("treats empty words as words", () => {
    expect(matches("a.*.b", "a..b")).toBe(true);
    expect(matches("a.b", "a..b")).toBe(false);
    expect(matches("a.*", "a.")).toBe(true);
    expect(matches("a", "a.")).toBe(false);
    expect(matches("*.*", ".")).toBe(true);
  });

  it("lets # match the empty routing key, and * not", () => {
    expect(matches("#", "")).toBe(true);
    expect(matches("*", "")).toBe(false);
    expect(matches("", "")).toBe(true);
    expect(matches("", "a")).toBe(false);
  });

  it("compares words exactly: no prefixes, no case folding", () => {
    expect(matches("order.*", "Order.eu")).toBe(false);
    expect(matches("ord*.eu", "order.eu")).toBe(false);
    expect(matches("ord*.eu", "ord*.eu")).toBe(true);
  });

  it("handles many # without blowing up", () => {
    expect(matches("#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.x", "a.".repeat(40) + "y")).toBe(false);
  });
});
