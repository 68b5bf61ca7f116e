import { PricingError, type Cart, type CartLine, type PricingRule } from "./types";

export const lineTotal = (line: CartLine) => line.unitPrice * line.quantity;
export const subtotalOf = (cart: Cart) => cart.lines.reduce((sum, line) => sum + lineTotal(line), 0);

/** `percent` off the lines `applies` picks (all lines by default), rounded down to the cent. */
export function percentOff(name: string, percent: number, applies: (line: CartLine) => boolean = () => true): PricingRule {
  // TODO: INVALID_RULE unless 0 < percent <= 100; return a PricingRule.
  void PricingError;
  throw new Error("not implemented");
}

/** For every `buy + free` units of `sku` in the cart (over all its lines), `free` of them cost nothing. */
export function buyGetFree(name: string, sku: string, buy: number, free: number): PricingRule {
  // TODO
  throw new Error("not implemented");
}
