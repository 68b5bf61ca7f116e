/**
 * Checkout money helpers — the code under test. READ-ONLY: you test it, you don't change it.
 *
 * Every amount is an integer number of CENTS (1999 means $19.99). Floating-point dollars are
 * never used for money, because 0.1 + 0.2 !== 0.3 and a shop cannot lose a cent to rounding noise.
 */

/** Thrown for every invalid input. Your cases can check for it: `toThrow(MoneyError)`. */
export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MoneyError";
  }
}

/** The shape every case receives: this module, or a mutant of it with one bug planted. */
export interface Impl {
  formatMoney(cents: number): string;
  applyDiscount(cents: number, percent: number): number;
  splitEvenly(cents: number, parts: number): number[];
}

/**
 * Formats cents as US dollars for a receipt.
 *
 *   formatMoney(123456)  → "$1,234.56"   (a comma between every group of three digits)
 *   formatMoney(105)     → "$1.05"       (always two digits of cents)
 *   formatMoney(0)       → "$0.00"
 *   formatMoney(-50)     → "-$0.50"      (a minus sign before the dollar sign)
 *
 * Throws MoneyError unless `cents` is a safe integer (12.5, NaN, Infinity are rejected).
 */
export function formatMoney(cents: number): string {
  calls++; // bookkeeping for the grader, see callCount() at the end
  assertWholeCents(cents, "amount");
  // Work on the absolute value and put the sign back at the end: splitting a negative
  // number into dollars and cents directly loses the sign of amounts between -$1 and $0.
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}$${groupThousands(dollars)}.${String(rest).padStart(2, "0")}`;
}

/**
 * The price after a percentage discount, in cents.
 *
 *   applyDiscount(10000, 25) → 7500
 *   applyDiscount(999, 15)   → 849    (the discount is 149.85 cents, rounded to 150)
 *   applyDiscount(10, 5)     → 9      (the discount is exactly half a cent: it rounds UP,
 *                                      in the customer's favour)
 *
 * The DISCOUNT is rounded to the nearest cent, halves rounding up; the price is what is left.
 * `cents` must be a safe integer ≥ 0 and `percent` a whole number from 0 to 100, both ends
 * included (0 changes nothing, 100 makes the item free). Anything else throws MoneyError.
 */
export function applyDiscount(cents: number, percent: number): number {
  calls++; // bookkeeping for the grader, see callCount() at the end
  assertWholeCents(cents, "price");
  if (cents < 0) throw new MoneyError(`price must not be negative, got ${cents}`);
  // Number.isInteger is false for NaN, so this one check also rejects NaN and Infinity.
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw new MoneyError(`percent must be a whole number from 0 to 100, got ${percent}`);
  }
  // cents * percent is an exact integer, and x.5 is exact in binary, so Math.round
  // (which rounds halves up) rounds the true value, not floating-point noise.
  const discount = Math.round((cents * percent) / 100);
  return cents - discount;
}

/**
 * Splits an amount into `parts` shares that add up to exactly `cents`.
 *
 *   splitEvenly(100, 3) → [34, 33, 33]   (shares differ by at most one cent;
 *                                          the larger shares come first)
 *   splitEvenly(6, 3)   → [2, 2, 2]
 *   splitEvenly(0, 2)   → [0, 0]
 *
 * `cents` must be a safe integer ≥ 0 and `parts` an integer ≥ 1; anything else throws MoneyError.
 */
export function splitEvenly(cents: number, parts: number): number[] {
  calls++; // bookkeeping for the grader, see callCount() at the end
  assertWholeCents(cents, "amount");
  if (cents < 0) throw new MoneyError(`amount must not be negative, got ${cents}`);
  if (!Number.isInteger(parts) || parts < 1) {
    throw new MoneyError(`parts must be a whole number of at least 1, got ${parts}`);
  }
  const base = Math.floor(cents / parts);
  const remainder = cents % parts;
  // The leftover cents (fewer than `parts`) go one each to the first shares, so nothing is lost.
  return Array.from({ length: parts }, (_, i) => (i < remainder ? base + 1 : base));
}

function assertWholeCents(cents: number, what: string): void {
  if (!Number.isSafeInteger(cents)) {
    throw new MoneyError(`${what} must be a whole number of cents, got ${cents}`);
  }
}

/** "1234567" → "1,234,567". */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
}

// ---------------------------------------------------------------------------------------------
// Bookkeeping for the grader, not part of the money code. The functions above count their calls,
// so the hidden tests can tell a case that calls formatMoney (or the others) imported from
// "./impl" directly from one that goes through `impl`. The imported ones are always this correct
// code: comparing a mutant with them proves nothing about your tests, so such a case is not counted.
let calls = 0;

/** How many times formatMoney, applyDiscount and splitEvenly have been called so far, in total. */
export function callCount(): number {
  return calls;
}
