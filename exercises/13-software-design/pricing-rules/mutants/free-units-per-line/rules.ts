import { PricingError, type Cart, type CartLine, type PricingRule } from "./types";

export const lineTotal = (line: CartLine) => line.unitPrice * line.quantity;
export const subtotalOf = (cart: Cart) => cart.lines.reduce((sum, line) => sum + lineTotal(line), 0);

/** `percent` off the lines `applies` picks (all lines by default), rounded down to the cent. */
export function percentOff(name: string, percent: number, applies: (line: CartLine) => boolean = () => true): PricingRule {
  if (!(percent > 0 && percent <= 100)) throw new PricingError("INVALID_RULE", `${name}: percent must be in (0, 100], found ${percent}`);
  return {
    name,
    discounts(cart) {
      const base = cart.lines.filter(applies).reduce((sum, line) => sum + lineTotal(line), 0);
      const amount = Math.floor((base * percent) / 100);
      return amount > 0 ? [{ rule: name, amount }] : [];
    },
  };
}

/** For every `buy + free` units of `sku` in the cart (over all its lines), `free` of them cost nothing. */
export function buyGetFree(name: string, sku: string, buy: number, free: number): PricingRule {
  if (!Number.isInteger(buy) || !Number.isInteger(free) || buy < 1 || free < 1) {
    throw new PricingError("INVALID_RULE", `${name}: buy and free must be whole numbers of at least 1`);
  }
  return {
    name,
    discounts(cart) {
      const lines = cart.lines.filter((line) => line.sku === sku);
      const freeUnits = lines.reduce((sum, line) => sum + Math.floor(line.quantity / (buy + free)) * free, 0);
      // Lines of one SKU may carry different prices (a price change mid-session): the cheapest go free.
      const prices = lines.flatMap((line) => Array<number>(line.quantity).fill(line.unitPrice)).sort((a, b) => a - b);
      const amount = prices.slice(0, freeUnits).reduce((sum, price) => sum + price, 0);
      return amount > 0 ? [{ rule: name, amount }] : [];
    },
  };
}
