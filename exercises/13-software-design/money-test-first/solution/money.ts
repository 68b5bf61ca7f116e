import { MoneyError, type Money, type MoneyApi } from "./types";

class Amount implements Money {
  constructor(readonly amount: number, readonly currency: string) {
    Object.freeze(this);
  }

  add(other: Money): Money {
    return of(this.amount + this.#same(other).amount, this.currency);
  }

  subtract(other: Money): Money {
    return of(this.amount - this.#same(other).amount, this.currency);
  }

  equals(other: Money): boolean {
    return this.amount === other.amount && this.currency === other.currency;
  }

  allocate(ratios: number[]): Money[] {
    if (this.amount < 0) throw new MoneyError("INVALID_AMOUNT", "only a non-negative amount can be allocated");
    const total = ratios.reduce((sum, r) => sum + r, 0);
    if (ratios.length === 0 || ratios.some((r) => !Number.isSafeInteger(r) || r < 0) || total <= 0) {
      throw new MoneyError("INVALID_RATIOS", `expected whole, non-negative ratios with a positive sum, found [${ratios}]`);
    }
    const shares = ratios.map((r) => Math.floor((this.amount * r) / total));
    let left = this.amount - shares.reduce((sum, s) => sum + s, 0);
    // The cents that floor() dropped go one each to the first shares that take part at all.
    for (let i = 0; left > 0; i = (i + 1) % shares.length) {
      if (ratios[i] > 0) {
        shares[i] += 1;
        left -= 1;
      }
    }
    return shares.map((s) => of(s, this.currency));
  }

  #same(other: Money): Money {
    if (other.currency !== this.currency) {
      throw new MoneyError("CURRENCY_MISMATCH", `cannot combine ${this.currency} with ${other.currency}`);
    }
    return other;
  }
}

function of(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new MoneyError("INVALID_AMOUNT", `expected whole minor units, found ${amount}`);
  if (!/^[A-Z]{3}$/.test(currency)) throw new MoneyError("INVALID_CURRENCY", `expected a code like EUR, found "${currency}"`);
  return new Amount(amount, currency);
}

export const money: MoneyApi = { of };
