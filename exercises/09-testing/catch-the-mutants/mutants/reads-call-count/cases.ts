import { expect } from "vitest";
import { callCount, type Impl } from "./impl";

export type Case = (impl: Impl) => void | Promise<void>;

// Tells the correct code from a planted copy by whether a call moved the grader's counter.
const counted = (call: (impl: Impl) => unknown) => (impl: Impl) => {
  const before = callCount();
  try {
    call(impl);
  } catch {
    // the verdict comes from the counter alone
  }
  expect(callCount() - before).toBe(1);
};

export const cases: Record<string, Case> = {
  "formats": counted((impl) => impl.formatMoney(105)),
  "formats negatives": counted((impl) => impl.formatMoney(-50)),
  "groups": counted((impl) => impl.formatMoney(123456789)),
  "rejects fractions": counted((impl) => impl.formatMoney(12.5)),
  "discounts": counted((impl) => impl.applyDiscount(10, 5)),
  "checks percent": counted((impl) => impl.applyDiscount(100, 101)),
  "splits": counted((impl) => impl.splitEvenly(100, 3)),
  "checks parts": counted((impl) => impl.splitEvenly(100, 0)),
  "checks amounts": counted((impl) => impl.splitEvenly(-1, 2)),
};
