/**
 * Mutants: copies of impl.ts with ONE realistic bug each. A good set of cases makes every one of
 * them fail at least one case while the real implementation passes them all.
 */
import { MoneyError, applyDiscount, callCount, formatMoney, splitEvenly, type Impl } from "../impl";

export interface Mutant {
  /** Short name for the test title: "catches the mutant that <title>". */
  title: string;
  /** What the bug does, completing "A mutant that … survived". */
  bug: string;
  /** What kind of case would catch it. */
  advice: string;
  impl: Impl;
  /** Not named in the test title or the failure: the learner must find it from the spec alone. */
  hidden?: boolean;
  /** For a hidden mutant, the function its bug is in. */
  area?: string;
}

export const reference: Impl = { formatMoney, applyDiscount, splitEvenly };

function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
}

function wholeCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) throw new MoneyError(`amount must be a whole number of cents, got ${cents}`);
}

function validDiscount(cents: number, percent: number): void {
  wholeCents(cents);
  if (cents < 0) throw new MoneyError(`price must not be negative, got ${cents}`);
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw new MoneyError(`percent must be a whole number from 0 to 100, got ${percent}`);
  }
}

function validSplit(cents: number, parts: number): void {
  wholeCents(cents);
  if (cents < 0) throw new MoneyError(`amount must not be negative, got ${cents}`);
  if (!Number.isInteger(parts) || parts < 1) throw new MoneyError(`parts must be at least 1, got ${parts}`);
}

/** applyDiscount with the correct rounding and a validation of its own. */
function discountWith(check: (cents: number, percent: number) => void): Impl["applyDiscount"] {
  return (cents, percent) => {
    check(cents, percent);
    return cents - Math.round((cents * percent) / 100);
  };
}

/** splitEvenly with the correct arithmetic and a validation of its own. */
function splitWith(check: (cents: number, parts: number) => void): Impl["splitEvenly"] {
  return (cents, parts) => {
    check(cents, parts);
    const base = Math.floor(cents / parts);
    const remainder = cents % parts;
    return Array.from({ length: parts }, (_, i) => (i < remainder ? base + 1 : base));
  };
}

const bad = (what: string) => {
  throw new MoneyError(what);
};

const planted: Mutant[] = [
  {
    title: "forgets to pad the cents",
    bug: "forgets to pad the cents to two digits (105 cents comes out as \"$1.5\")",
    advice: "add a formatMoney case for an amount whose cents part is below 10",
    impl: {
      ...reference,
      formatMoney(cents) {
        wholeCents(cents);
        const sign = cents < 0 ? "-" : "";
        const abs = Math.abs(cents);
        return `${sign}$${groupThousands(Math.floor(abs / 100))}.${abs % 100}`;
      },
    },
  },
  {
    title: "drops the minus sign of small negative amounts",
    bug: "drops the minus sign of negative amounts above -$1 (-50 cents comes out as \"$0.50\")",
    advice: "add a formatMoney case for a negative amount of less than one dollar",
    impl: {
      ...reference,
      formatMoney(cents) {
        wholeCents(cents);
        // Splits the signed number directly: Math.trunc(-50 / 100) is -0, and -0 < 0 is false.
        const dollars = Math.trunc(cents / 100);
        const rest = Math.abs(cents % 100);
        const sign = dollars < 0 ? "-" : "";
        return `${sign}$${groupThousands(Math.abs(dollars))}.${String(rest).padStart(2, "0")}`;
      },
    },
  },
  {
    title: "puts in only the first thousands separator",
    bug: "puts only the first thousands separator in (123456789 cents comes out as \"$1,234567.89\")",
    advice: "add a formatMoney case for an amount of a million dollars or more",
    impl: {
      ...reference,
      formatMoney(cents) {
        wholeCents(cents);
        const sign = cents < 0 ? "-" : "";
        const abs = Math.abs(cents);
        // The regex lost its `g` flag.
        const dollars = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/, ",");
        return `${sign}$${dollars}.${String(abs % 100).padStart(2, "0")}`;
      },
    },
  },
  {
    title: "formats fractional cents instead of rejecting them",
    bug: "formats fractional cents (12.5) instead of throwing MoneyError",
    advice: "add a case that expects formatMoney to throw MoneyError for an amount that is not a whole number of cents",
    impl: {
      ...reference,
      formatMoney(cents) {
        const sign = cents < 0 ? "-" : "";
        const abs = Math.abs(cents);
        return `${sign}$${groupThousands(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, "0")}`;
      },
    },
  },
  {
    title: "truncates the discount",
    bug: "truncates the discount instead of rounding it (999 cents at 15% gives 850 instead of 849)",
    advice: "add an applyDiscount case where the discount has a fraction of a cent above one half",
    impl: {
      ...reference,
      applyDiscount(cents, percent) {
        validDiscount(cents, percent);
        return cents - Math.floor((cents * percent) / 100);
      },
    },
  },
  {
    title: "rounds the price instead of the discount",
    bug: "rounds the price instead of the discount, so an exact half cent goes to the shop (10 cents at 5% gives 10 instead of 9)",
    advice: "add an applyDiscount case where the discount is exactly half a cent",
    impl: {
      ...reference,
      applyDiscount(cents, percent) {
        validDiscount(cents, percent);
        return Math.round(cents - (cents * percent) / 100);
      },
    },
  },
  {
    title: "rejects a 100% discount",
    bug: "rejects a 100% discount (the boundary check uses >= 100)",
    advice: "add an applyDiscount case for the upper boundary, percent = 100",
    impl: {
      ...reference,
      applyDiscount(cents, percent) {
        wholeCents(cents);
        if (cents < 0) throw new MoneyError(`price must not be negative, got ${cents}`);
        if (!Number.isInteger(percent) || percent < 0 || percent >= 100) throw new MoneyError(`bad percent ${percent}`);
        return cents - Math.round((cents * percent) / 100);
      },
    },
  },
  {
    title: "accepts a negative percent instead of rejecting it",
    bug: "accepts a negative percent and raises the price (1000 cents at -10% gives 1100)",
    advice: "add a case that expects applyDiscount to throw MoneyError for a percent below 0",
    impl: {
      ...reference,
      applyDiscount(cents, percent) {
        wholeCents(cents);
        if (cents < 0) throw new MoneyError(`price must not be negative, got ${cents}`);
        if (!Number.isInteger(percent) || percent > 100) throw new MoneyError(`bad percent ${percent}`);
        return cents - Math.round((cents * percent) / 100);
      },
    },
  },
  {
    title: "gives the leftover cents to the last share",
    bug: "gives all the leftover cents to the last share (100 split 3 ways gives [33, 33, 34])",
    advice: "add a splitEvenly case that does not divide evenly and check the whole array",
    impl: {
      ...reference,
      splitEvenly(cents, parts) {
        validSplit(cents, parts);
        const base = Math.floor(cents / parts);
        const shares = Array.from({ length: parts }, () => base);
        shares[parts - 1] += cents - base * parts;
        return shares;
      },
    },
  },
  {
    title: "loses the leftover cents",
    bug: "loses the leftover cents (100 split 3 ways gives [33, 33, 33], a cent short)",
    advice: "add a splitEvenly case that does not divide evenly — the shares must add up to the amount",
    impl: {
      ...reference,
      splitEvenly(cents, parts) {
        validSplit(cents, parts);
        return Array.from({ length: parts }, () => Math.floor(cents / parts));
      },
    },
  },
  {
    title: "accepts 0 parts instead of rejecting them",
    bug: "returns [] for 0 parts instead of throwing MoneyError (the check says parts < 0 instead of parts < 1)",
    advice: "add a case that expects splitEvenly to throw MoneyError when parts is 0",
    impl: {
      ...reference,
      splitEvenly(cents, parts) {
        wholeCents(cents);
        if (cents < 0) throw new MoneyError(`amount must not be negative, got ${cents}`);
        if (!Number.isInteger(parts) || parts < 0) throw new MoneyError(`parts must not be negative, got ${parts}`);
        const base = Math.floor(cents / parts);
        const remainder = cents % parts;
        return Array.from({ length: parts }, (_, i) => (i < remainder ? base + 1 : base));
      },
    },
  },
  {
    title: "accepts a percent above 100",
    bug: "accepts a percent above 100 and gives a negative price (1000 cents at 101% gives -10)",
    advice: "add a case that expects applyDiscount to throw MoneyError for percent 101",
    impl: {
      ...reference,
      applyDiscount: discountWith((cents, percent) => {
        wholeCents(cents);
        if (cents < 0) bad("negative price");
        if (!Number.isInteger(percent) || percent < 0) bad("bad percent");
      }),
    },
  },
  // Hidden mutants: the test title and the failure name only the function, not the bug.
  {
    title: "rejects a 0% discount",
    bug: "rejects percent 0",
    advice: "add an applyDiscount case for percent = 0",
    hidden: true,
    area: "applyDiscount",
    impl: {
      ...reference,
      applyDiscount: discountWith((cents, percent) => {
        wholeCents(cents);
        if (cents < 0) bad("negative price");
        if (!Number.isInteger(percent) || percent <= 0 || percent > 100) bad("bad percent");
      }),
    },
  },
  {
    title: "accepts a fractional percent",
    bug: "accepts a fractional percent such as 12.5",
    advice: "add a case that expects applyDiscount to throw MoneyError for percent 12.5",
    hidden: true,
    area: "applyDiscount",
    impl: {
      ...reference,
      applyDiscount: discountWith((cents, percent) => {
        wholeCents(cents);
        if (cents < 0) bad("negative price");
        if (Number.isNaN(percent) || percent < 0 || percent > 100) bad("bad percent");
      }),
    },
  },
  {
    title: "accepts a negative price",
    bug: "accepts a negative price",
    advice: "add a case that expects applyDiscount to throw MoneyError for cents -1",
    hidden: true,
    area: "applyDiscount",
    impl: {
      ...reference,
      applyDiscount: discountWith((cents, percent) => {
        wholeCents(cents);
        if (!Number.isInteger(percent) || percent < 0 || percent > 100) bad("bad percent");
      }),
    },
  },
  {
    title: "splits a negative amount",
    bug: "splits a negative amount instead of throwing MoneyError",
    advice: "add a case that expects splitEvenly to throw MoneyError for cents -1",
    hidden: true,
    area: "splitEvenly",
    impl: {
      ...reference,
      splitEvenly: splitWith((cents, parts) => {
        wholeCents(cents);
        if (!Number.isInteger(parts) || parts < 1) bad("bad parts");
      }),
    },
  },
  {
    title: "accepts fractional parts",
    bug: "accepts a fractional number of parts",
    advice: "add a case that expects splitEvenly to throw MoneyError for parts 1.5",
    hidden: true,
    area: "splitEvenly",
    impl: {
      ...reference,
      splitEvenly: splitWith((cents, parts) => {
        wholeCents(cents);
        if (cents < 0) bad("negative amount");
        if (Number.isNaN(parts) || parts < 1) bad("bad parts");
      }),
    },
  },
  {
    title: "rejects negative amounts",
    bug: "throws MoneyError for negative amounts, which it should format",
    advice: "add a formatMoney case for a negative amount",
    hidden: true,
    area: "formatMoney",
    impl: {
      ...reference,
      formatMoney(cents) {
        if (cents < 0) bad("negative amount");
        return formatMoney(cents);
      },
    },
  },
];

/**
 * A call into a mutant moves callCount() as a call into the correct code does (one per call), so
 * a case cannot tell them apart by reading the counter instead of testing behaviour.
 */
function countedLikeReference(impl: Impl): Impl {
  const wrap =
    <A extends unknown[], R>(fn: (...args: A) => R, ref: (...args: A) => R) =>
    (...args: A): R => {
      const before = callCount();
      try {
        return fn(...args);
      } finally {
        if (callCount() === before) {
          try {
            ref(...args);
          } catch {
            // only its count matters
          }
        }
      }
    };
  return {
    formatMoney: wrap(impl.formatMoney, formatMoney),
    applyDiscount: wrap(impl.applyDiscount, applyDiscount),
    splitEvenly: wrap(impl.splitEvenly, splitEvenly),
  };
}

export const mutants: Mutant[] = planted.map((mutant) => ({ ...mutant, impl: countedLikeReference(mutant.impl) }));
