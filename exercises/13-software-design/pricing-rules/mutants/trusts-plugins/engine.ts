import { subtotalOf } from "./rules";
import { PricingError, type Cart, type Discount, type PricingRule, type Quote } from "./types";

const isCents = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** The core: knows carts and the PricingRule interface, and nothing about any particular rule. */
export class PricingEngine {
  constructor(private readonly rule: PricingRule) {}

  quote(cart: Cart): Quote {
    for (const [i, line] of cart.lines.entries()) {
      if (!isCents(line.unitPrice) || !Number.isSafeInteger(line.quantity) || line.quantity < 1) {
        throw new PricingError("INVALID_CART", `lines[${i}] (${line.sku}): expected a whole price and a quantity of at least 1`);
      }
    }
    const subtotal = subtotalOf(cart);
    let left = subtotal;
    const applied: Discount[] = [];
    // Rules are plug-ins: the engine checks what they return instead of trusting it.
    for (const discount of this.rule.discounts(cart)) {
      if (discount.amount === 0) {
        throw new PricingError("INVALID_DISCOUNT", `${discount.rule}: expected a positive whole amount, found ${discount.amount}`);
      }
      const amount = Math.min(discount.amount, left);
      if (amount === 0) continue;
      applied.push({ rule: discount.rule, amount });
      left -= amount;
    }
    return { subtotal, discounts: applied, total: left };
  }
}
