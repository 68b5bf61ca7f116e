/** A value object: an amount of minor units (cents) in one ISO 4217 currency. Immutable. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
  add(other: Money): Money;
  subtract(other: Money): Money;
  /** Same amount and same currency. */
  equals(other: Money): boolean;
  /** Splits the amount by whole-number ratios without losing a cent. */
  allocate(ratios: number[]): Money[];
}

export interface MoneyApi {
  of(amount: number, currency: string): Money;
}

export type MoneyErrorCode = "INVALID_AMOUNT" | "INVALID_CURRENCY" | "CURRENCY_MISMATCH" | "INVALID_RATIOS";

export class MoneyError extends Error {
  constructor(readonly code: MoneyErrorCode, message: string) {
    super(message);
    this.name = "MoneyError";
  }
}
