import { subtotalOf } from "./rules";
import { PricingError, type Cart, type PricingRule, type Quote } from "./types";

/** The core: knows carts and the PricingRule interface, and nothing about any particular rule. */
export class PricingEngine {
  constructor(private readonly rule: PricingRule) {}

  quote(cart: Cart): Quote {
    // TODO: validate the cart, apply the rule's discounts in order, capped at what is left.
    void subtotalOf, PricingError;
    throw new Error("not implemented");
  }
}
