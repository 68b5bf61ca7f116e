import { expect } from "vitest";
import { money } from "./money";
import { MoneyError, type MoneyApi } from "./types";

/**
 * Your tests. Each case gets a Money implementation (`impl`): the correct one, yours, or one with a
 * bug planted, and throws (through expect) when that implementation misbehaves. Always go
 * through `money.of(…)`, never through your own money.ts, or no planted bug can be caught.
 */
export type Case = (impl: MoneyApi) => void | Promise<void>;

const code = (code: MoneyError["code"]) => expect.objectContaining({ code });
const amounts = (list: { amount: number }[]) => list.map((m) => m.amount);

export const cases: Record<string, Case> = {
  "adds amounts of one currency": () => {
    expect(money.of(1_000, "EUR").add(money.of(250, "EUR")).amount).toBe(1_250);
    expect(money.of(100, "EUR").subtract(money.of(250, "EUR")).amount).toBe(-150);
  },

  "refuses to combine currencies": () => {
    expect(() => money.of(1, "EUR").add(money.of(1, "USD"))).toThrow(code("CURRENCY_MISMATCH"));
    expect(() => money.of(1, "EUR").subtract(money.of(1, "USD"))).toThrow(code("CURRENCY_MISMATCH"));
  },

  "takes whole minor units only": () => {
    expect(money.of(-5, "EUR").amount).toBe(-5);
    expect(() => money.of(1.5, "EUR")).toThrow(code("INVALID_AMOUNT"));
  },

  "takes uppercase ISO codes only": () => {
    expect(money.of(1, "JPY").currency).toBe("JPY");
    expect(() => money.of(1, "eur")).toThrow(code("INVALID_CURRENCY"));
    expect(() => money.of(1, "EURO")).toThrow(code("INVALID_CURRENCY"));
  },

  "is equal by amount and currency": () => {
    expect(money.of(5, "EUR").equals(money.of(5, "EUR"))).toBe(true);
    expect(money.of(5, "EUR").equals(money.of(5, "USD"))).toBe(false);
  },

  "cannot be changed": () => {
    const m = money.of(5, "EUR");
    expect(() => { (m as { amount: number }).amount = 6; }).toThrow(TypeError);
  },

  "allocates every cent, leftovers to the first shares": () => {
    expect(amounts(money.of(100, "EUR").allocate([1, 1, 1]))).toEqual([34, 33, 33]);
  },

  "gives nothing to a zero ratio": () => {
    expect(amounts(money.of(5, "EUR").allocate([0, 1, 1]))).toEqual([0, 3, 2]);
  },

  "refuses ratios that add up to nothing": () => {
    expect(() => money.of(10, "EUR").allocate([0, 0])).toThrow(code("INVALID_RATIOS"));
  },
};
