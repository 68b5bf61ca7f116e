import { subtotalOf } from "./rules";
import type { Discount, PricingRule } from "./types";

const sum = (discounts: Discount[]) => discounts.reduce((total, d) => total + d.amount, 0);

/** Composite: every rule's discounts, in the order of the rules. */
export function allOf(name: string, rules: PricingRule[]): PricingRule {
  return { name, discounts: (cart) => rules.flatMap((rule) => rule.discounts(cart)) };
}

/** Composite: only the discounts of the rule that saves the most; the earliest wins a tie. */
export function bestOf(name: string, rules: PricingRule[]): PricingRule {
  return {
    name,
    discounts(cart) {
      let best: Discount[] = [];
      for (const rule of rules) {
        const candidate = rule.discounts(cart);
        if (sum(candidate) > sum(best)) best = candidate;
      }
      return best;
    },
  };
}

/** Decorator: the wrapped rule, only for carts whose subtotal (before any discount) reaches `threshold`. */
export function minimumSpend(threshold: number, rule: PricingRule): PricingRule {
  return {
    name: rule.name,
    discounts: (cart) => (subtotalOf(cart) >= threshold ? rule.discounts(cart) : []),
  };
}
