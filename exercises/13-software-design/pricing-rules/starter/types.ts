/** Prices and amounts are integer cents. */
export interface CartLine {
  sku: string;
  category: string;
  unitPrice: number;
  quantity: number;
}

export interface Cart {
  lines: CartLine[];
}

export interface Discount {
  /** The name of the rule that gave it, shown on the receipt. */
  rule: string;
  amount: number;
}

/** The one interface the engine knows: every rule, simple or combined, is a PricingRule. */
export interface PricingRule {
  readonly name: string;
  /** The discounts this rule gives the cart; [] when it does not apply. Must not change the cart. */
  discounts(cart: Cart): Discount[];
}

export interface Quote {
  subtotal: number;
  /** The discounts applied, in order, after capping. */
  discounts: Discount[];
  total: number;
}

export type PricingErrorCode = "INVALID_CART" | "INVALID_RULE" | "INVALID_DISCOUNT";

export class PricingError extends Error {
  constructor(readonly code: PricingErrorCode, message: string) {
    super(message);
    this.name = "PricingError";
  }
}
