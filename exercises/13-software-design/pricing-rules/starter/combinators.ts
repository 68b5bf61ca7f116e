import { subtotalOf } from "./rules";
import type { PricingRule } from "./types";

/** Composite: every rule's discounts, in the order of the rules. */
export function allOf(name: string, rules: PricingRule[]): PricingRule {
  // TODO
  throw new Error("not implemented");
}

/** Composite: only the discounts of the rule that saves the most; the earliest wins a tie. */
export function bestOf(name: string, rules: PricingRule[]): PricingRule {
  // TODO
  throw new Error("not implemented");
}

/** Decorator: the wrapped rule, only for carts whose subtotal (before any discount) reaches `threshold`. */
export function minimumSpend(threshold: number, rule: PricingRule): PricingRule {
  // TODO
  void subtotalOf;
  throw new Error("not implemented");
}
