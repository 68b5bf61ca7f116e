import { expect } from "vitest";
import { MoneyError, type MoneyApi } from "./types";

/**
 * Your tests. Each case gets a Money implementation (`impl`): the correct one, yours, or one with a
 * bug planted, and throws (through expect) when that implementation misbehaves. Always go
 * through `impl.of(…)`, never through your own money.ts, or no planted bug can be caught.
 */
export type Case = (impl: MoneyApi) => void | Promise<void>;

const code = (code: MoneyError["code"]) => expect.objectContaining({ code });
const amounts = (list: { amount: number }[]) => list.map((m) => m.amount);

export const cases: Record<string, Case> = {
  "adds amounts of one currency": (impl) => {
    expect(impl.of(1_000, "EUR").add(impl.of(250, "EUR")).amount).toBe(1_250);
    expect(impl.of(100, "EUR").subtract(impl.of(250, "EUR")).amount).toBe(-150);
  },

  "refuses to combine currencies": (impl) => {
    expect(() => impl.of(1, "EUR").add(impl.of(1, "USD"))).toThrow(code("CURRENCY_MISMATCH"));
    expect(() => impl.of(1, "EUR").subtract(impl.of(1, "USD"))).toThrow(code("CURRENCY_MISMATCH"));
  },

  "takes whole minor units only": (impl) => {
    expect(impl.of(-5, "EUR").amount).toBe(-5);
    expect(() => impl.of(1.5, "EUR")).toThrow(code("INVALID_AMOUNT"));
  },

  "takes uppercase ISO codes only": (impl) => {
    expect(impl.of(1, "JPY").currency).toBe("JPY");
    expect(() => impl.of(1, "eur")).toThrow(code("INVALID_CURRENCY"));
    expect(() => impl.of(1, "EURO")).toThrow(code("INVALID_CURRENCY"));
  },

  "is equal by amount and currency": (impl) => {
    expect(impl.of(5, "EUR").equals(impl.of(5, "EUR"))).toBe(true);
    expect(impl.of(5, "EUR").equals(impl.of(5, "USD"))).toBe(false);
  },

  "cannot be changed": (impl) => {
    const m = impl.of(5, "EUR");
    expect(() => { (m as { amount: number }).amount = 6; }).toThrow(TypeError);
  },

  "allocates every cent, leftovers to the first shares": (impl) => {
    expect(amounts(impl.of(100, "EUR").allocate([1, 1, 1]))).toEqual([34, 33, 33]);
  },

  "gives nothing to a zero ratio": (impl) => {
    expect(amounts(impl.of(5, "EUR").allocate([0, 1, 1]))).toEqual([0, 3, 2]);
  },

  "refuses ratios that add up to nothing": (impl) => {
    expect(() => impl.of(10, "EUR").allocate([0, 0])).toThrow(code("INVALID_RATIOS"));
  },
};
