import { describe, expect, it } from "vitest";
import { money } from "../money";
import { MoneyError } from "../types";

const eur = (n: number) => money.of(n, "EUR");
const codeOf = (fn: () => unknown) => {
  try { fn(); } catch (e) { expect(e).toBeInstanceOf(MoneyError); return (e as MoneyError).code; }
  return undefined;
};
const amounts = (list: { amount: number }[]) => list.map((m) => m.amount);

describe("your Money", () => {
  it("is made from whole minor units and an uppercase three-letter code", () => {
    expect(eur(-250)).toMatchObject({ amount: -250, currency: "EUR" });
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) expect(codeOf(() => eur(bad))).toBe("INVALID_AMOUNT");
    for (const bad of ["eur", "EURO", "E1R", ""]) expect(codeOf(() => money.of(1, bad))).toBe("INVALID_CURRENCY");
  });

  it("adds and subtracts in one currency only", () => {
    expect(eur(1_000).add(eur(250)).amount).toBe(1_250);
    expect(eur(100).subtract(eur(250)).amount).toBe(-150);
    expect(codeOf(() => eur(1).add(money.of(1, "USD")))).toBe("CURRENCY_MISMATCH");
    expect(codeOf(() => eur(1).subtract(money.of(1, "USD")))).toBe("CURRENCY_MISMATCH");
  });

  it("is equal by value", () => {
    expect(eur(5).equals(eur(5))).toBe(true);
    expect(eur(5).equals(eur(6))).toBe(false);
    expect(eur(5).equals(money.of(5, "USD"))).toBe(false);
  });

  it("cannot be changed", () => {
    const m = eur(5);
    expect(() => { (m as { amount: number }).amount = 6; }).toThrow();
    m.add(eur(1));
    expect(m.amount).toBe(5);
  });

  it("allocates without losing a cent, leftovers to the first shares", () => {
    expect(amounts(eur(100).allocate([1, 1, 1]))).toEqual([34, 33, 33]);
    expect(amounts(eur(5).allocate([3, 7]))).toEqual([2, 3]);
    expect(amounts(eur(0).allocate([1, 2]))).toEqual([0, 0]);
    expect(eur(7).allocate([1]).map((m) => m.currency)).toEqual(["EUR"]);
  });

  it("gives nothing to a zero ratio", () => {
    expect(amounts(eur(5).allocate([0, 1, 1]))).toEqual([0, 3, 2]);
  });

  it("refuses ratios it cannot honour, and negative amounts", () => {
    for (const bad of [[], [0, 0], [1, -1], [1.5, 1]]) expect(codeOf(() => eur(10).allocate(bad))).toBe("INVALID_RATIOS");
    expect(codeOf(() => eur(-10).allocate([1, 1]))).toBe("INVALID_AMOUNT");
  });
});
