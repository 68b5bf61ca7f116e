/**
 * The correct Money and its mutants come from ONE factory, so every implementation a case meets
 * has the same source text and a fresh identity: only behaviour tells them apart.
 */
import { MoneyError, type Money, type MoneyApi } from "../types";

export interface Bugs {
  remainderToLast: boolean;
  dropsRemainder: boolean;
  remainderToZeroRatio: boolean;
  addIgnoresCurrency: boolean;
  lowercaseCurrency: boolean;
  fractionalAmount: boolean;
  equalsIgnoresCurrency: boolean;
  zeroSumRatios: boolean;
  mutable: boolean;
}

export function makeMoney(bugs: Partial<Bugs> = {}): MoneyApi {
  const fail = (code: MoneyError["code"]) => { throw new MoneyError(code, code); };
  const of = (amount: number, currency: string): Money => {
    if (!(bugs.fractionalAmount ? Number.isFinite(amount) : Number.isSafeInteger(amount))) fail("INVALID_AMOUNT");
    if (!(bugs.lowercaseCurrency ? /^[A-Za-z]{3}$/ : /^[A-Z]{3}$/).test(currency)) fail("INVALID_CURRENCY");
    const same = (other: Money) => {
      if (other.currency !== currency) fail("CURRENCY_MISMATCH");
      return other.amount;
    };
    const m: Money = {
      amount,
      currency,
      add: (other) => of(amount + (bugs.addIgnoresCurrency ? other.amount : same(other)), currency),
      subtract: (other) => of(amount - same(other), currency),
      equals: (other) => other.amount === amount && (bugs.equalsIgnoresCurrency || other.currency === currency),
      allocate: (ratios) => {
        if (amount < 0) fail("INVALID_AMOUNT");
        const total = ratios.reduce((s, r) => s + r, 0);
        if (ratios.length === 0 || ratios.some((r) => !Number.isSafeInteger(r) || r < 0)) fail("INVALID_RATIOS");
        if (total <= 0) {
          if (!bugs.zeroSumRatios) fail("INVALID_RATIOS");
          return ratios.map(() => of(0, currency));
        }
        const shares = ratios.map((r) => Math.floor((amount * r) / total));
        let left = bugs.dropsRemainder ? 0 : amount - shares.reduce((s, x) => s + x, 0);
        const order = shares.map((_, i) => i);
        if (bugs.remainderToLast) order.reverse();
        for (let k = 0; left > 0; k = (k + 1) % order.length) {
          const i = order[k];
          if (ratios[i] > 0 || bugs.remainderToZeroRatio) { shares[i] += 1; left -= 1; }
        }
        return shares.map((s) => of(s, currency));
      },
    };
    return bugs.mutable ? m : Object.freeze(m);
  };
  return { of };
}

export const mutants: { title: string; bugs: Partial<Bugs>; hidden?: boolean }[] = [
  { title: "gives the leftover cents to the last shares", bugs: { remainderToLast: true } },
  { title: "drops the leftover cents", bugs: { dropsRemainder: true } },
  { title: "gives a leftover cent to a share whose ratio is 0", bugs: { remainderToZeroRatio: true } },
  { title: "adds money of different currencies", bugs: { addIgnoresCurrency: true } },
  { title: "accepts a lowercase currency code", bugs: { lowercaseCurrency: true } },
  { title: "accepts a fractional amount", bugs: { fractionalAmount: true } },
  { title: "compares amounts only", bugs: { equalsIgnoresCurrency: true }, hidden: true },
  { title: "allocates by ratios that add up to 0", bugs: { zeroSumRatios: true }, hidden: true },
  { title: "can be changed after it is made", bugs: { mutable: true }, hidden: true },
];
