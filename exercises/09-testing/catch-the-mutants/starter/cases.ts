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
  "formats dollars and cents": (impl) => {
    expect(impl.formatMoney(1234)).toBe("$12.34");
  },

  "takes a percentage off the price": (impl) => {
    expect(impl.applyDiscount(10000, 25)).toBe(7500);
  },

  // An error case looks like this (toThrow with a class checks the error's type):
  //
  //   "rejects …": (impl) => {
  //     expect(() => impl.formatMoney(…)).toThrow(MoneyError);
  //   },
  //
  // TODO: add cases until every mutant is caught — at least 8 in all. Think in categories:
  //   - formatMoney: small cents, zero, negative amounts, thousands separators, invalid input
  //   - applyDiscount: rounding (fractions above and exactly at a half cent), both boundaries
  //     of percent (0 and 100 are allowed), values just outside them, invalid input
  //   - splitEvenly: amounts that divide evenly and that don't (check the whole array and
  //     that it adds up), the smallest valid and the first invalid number of parts
};
