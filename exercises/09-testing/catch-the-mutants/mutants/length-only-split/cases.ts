import { expect } from "vitest";
import { MoneyError, type Impl } from "./impl";

/**
 * One test case. It receives the implementation under test — the real impl.ts, or a mutant with
 * one bug planted — and THROWS if that implementation misbehaves. `expect` throws on a failed
 * assertion, so a case is simply a function full of expectations.
 *
 * Always call the code through `impl` (impl.formatMoney, not formatMoney imported from ./impl):
 * otherwise every mutant gets the real code and none can be caught.
 */
export type Case = (impl: Impl) => void | Promise<void>;

export const cases: Record<string, Case> = {
  // --- formatMoney: one case per formatting rule, so a failure names the rule it broke.
  "formats dollars and cents": (impl) => {
    expect(impl.formatMoney(1234)).toBe("$12.34");
  },

  "pads cents below ten to two digits, including zero": (impl) => {
    expect(impl.formatMoney(105)).toBe("$1.05");
    expect(impl.formatMoney(100)).toBe("$1.00");
    expect(impl.formatMoney(0)).toBe("$0.00");
  },

  "puts a separator between every group of three dollar digits": (impl) => {
    expect(impl.formatMoney(99999)).toBe("$999.99"); // just below the first separator
    expect(impl.formatMoney(100000)).toBe("$1,000.00");
    expect(impl.formatMoney(123456789)).toBe("$1,234,567.89");
  },

  "keeps the minus sign of negative amounts, small ones too": (impl) => {
    expect(impl.formatMoney(-50)).toBe("-$0.50");
    expect(impl.formatMoney(-123456)).toBe("-$1,234.56");
  },

  "rejects amounts that are not whole cents": (impl) => {
    expect(() => impl.formatMoney(12.5)).toThrow(MoneyError);
    expect(() => impl.formatMoney(Number.NaN)).toThrow(MoneyError);
    expect(() => impl.formatMoney(Number.POSITIVE_INFINITY)).toThrow(MoneyError);
  },

  // --- applyDiscount: rounding first, then the edges of the valid range.
  "takes a percentage off the price": (impl) => {
    expect(impl.applyDiscount(10000, 25)).toBe(7500);
  },

  "rounds a discount fraction above one half up": (impl) => {
    // 999 × 15% = 149.85 cents of discount → 150.
    expect(impl.applyDiscount(999, 15)).toBe(849);
  },

  "rounds an exact half-cent discount in the customer's favour": (impl) => {
    // 10 × 5% = 0.5 cents of discount → 1, so the price is 9, not 10.
    expect(impl.applyDiscount(10, 5)).toBe(9);
  },

  "accepts both ends of the percent range": (impl) => {
    expect(impl.applyDiscount(1999, 0)).toBe(1999);
    expect(impl.applyDiscount(1999, 100)).toBe(0);
  },

  "rejects a percent just outside the range, or not a whole number": (impl) => {
    expect(() => impl.applyDiscount(1000, -1)).toThrow(MoneyError);
    expect(() => impl.applyDiscount(1000, 101)).toThrow(MoneyError);
    expect(() => impl.applyDiscount(1000, 12.5)).toThrow(MoneyError);
    expect(() => impl.applyDiscount(1000, Number.NaN)).toThrow(MoneyError);
  },

  "rejects a negative or fractional price": (impl) => {
    expect(() => impl.applyDiscount(-1, 10)).toThrow(MoneyError);
    expect(() => impl.applyDiscount(10.5, 10)).toThrow(MoneyError);
  },

  // --- splitEvenly: check the whole array, and the property that matters most: nothing is lost.
  "splits an amount that divides evenly": (impl) => {
    expect(impl.splitEvenly(6, 3)).toEqual([2, 2, 2]);
    expect(impl.splitEvenly(0, 2)).toEqual([0, 0]);
    expect(impl.splitEvenly(5, 1)).toEqual([5]);
  },

  "gives the leftover cents, one each, to the first shares": (impl) => {
    expect(impl.splitEvenly(100, 3)).toHaveLength(3);
    expect(impl.splitEvenly(11, 4)).toHaveLength(4);
  },

  "never loses or invents a cent": (impl) => {
    for (const [cents, parts] of [[100, 3], [1, 7], [999, 10], [12345, 6]]) {
      const shares = impl.splitEvenly(cents, parts);
      expect(shares).toHaveLength(parts);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    }
  },

  "rejects a negative or fractional amount to split": (impl) => {
    expect(() => impl.splitEvenly(-1, 2)).toThrow(MoneyError);
    expect(() => impl.splitEvenly(10.5, 2)).toThrow(MoneyError);
  },

  "rejects zero, negative or fractional parts": (impl) => {
    expect(() => impl.splitEvenly(100, 0)).toThrow(MoneyError);
    expect(() => impl.splitEvenly(100, -2)).toThrow(MoneyError);
    expect(() => impl.splitEvenly(100, 1.5)).toThrow(MoneyError);
  },
};
