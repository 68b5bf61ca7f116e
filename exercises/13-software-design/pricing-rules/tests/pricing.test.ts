import { describe, expect, it } from "vitest";
import { allOf, bestOf, minimumSpend } from "../combinators";
import { PricingEngine } from "../engine";
import { buyGetFree, percentOff } from "../rules";
import { PricingError, type Cart, type CartLine, type Discount, type PricingRule } from "../types";

const line = (sku: string, unitPrice: number, quantity = 1, category = "general"): CartLine => ({ sku, category, unitPrice, quantity });
const freeze = (cart: Cart): Cart => Object.freeze({ lines: Object.freeze(cart.lines.map((l) => Object.freeze({ ...l }))) as CartLine[] });
const cart = (...lines: CartLine[]) => freeze({ lines });
const quote = (rule: PricingRule, c: Cart) => new PricingEngine(rule).quote(c);
const codeOf = (fn: () => unknown) => {
  try { fn(); } catch (e) { expect(e).toBeInstanceOf(PricingError); return (e as PricingError).code; }
  return undefined;
};

/** A rule the exercise never saw: plugging it in must need no change to the engine or the combinators. */
class Fixed implements PricingRule {
  calls = 0;
  constructor(readonly name: string, private readonly amount: number) {}
  discounts(): Discount[] {
    this.calls += 1;
    return [{ rule: this.name, amount: this.amount }];
  }
}

describe("simple rules", () => {
  it("takes a percentage off the whole cart, rounded down to the cent", () => {
    const q = quote(percentOff("spring", 15), cart(line("mug", 1_299, 3), line("tea", 450)));
    expect(q).toEqual({ subtotal: 4_347, discounts: [{ rule: "spring", amount: 652 }], total: 3_695 });
  });

  it("takes a percentage off the lines its filter picks, and gives nothing when none match", () => {
    const books = percentOff("books", 10, (l) => l.category === "books");
    expect(books.discounts(cart(line("novel", 1_999, 2, "books"), line("pen", 300)))).toEqual([{ rule: "books", amount: 399 }]);
    expect(books.discounts(cart(line("pen", 300)))).toEqual([]);
  });

  it("gives every third unit of a SKU free, counted over all its lines, cheapest first", () => {
    const threeForTwo = buyGetFree("3 for 2", "soap", 2, 1);
    expect(threeForTwo.discounts(cart(line("soap", 400, 2), line("brush", 900), line("soap", 400, 5)))).toEqual([{ rule: "3 for 2", amount: 800 }]);
    expect(threeForTwo.discounts(cart(line("soap", 500, 2), line("soap", 350, 1)))).toEqual([{ rule: "3 for 2", amount: 350 }]);
    expect(threeForTwo.discounts(cart(line("soap", 400, 2)))).toEqual([]);
  });

  it("refuses impossible rules when they are made", () => {
    expect(codeOf(() => percentOff("x", 0))).toBe("INVALID_RULE");
    expect(codeOf(() => percentOff("x", 120))).toBe("INVALID_RULE");
    expect(codeOf(() => buyGetFree("x", "soap", 0, 1))).toBe("INVALID_RULE");
    expect(codeOf(() => buyGetFree("x", "soap", 2, 1.5))).toBe("INVALID_RULE");
  });
});

describe("combining rules", () => {
  const c = cart(line("mug", 1_000, 2), line("tea", 500));

  it("allOf stacks the discounts of every rule, in order", () => {
    const q = quote(allOf("all", [new Fixed("a", 100), allOf("inner", [new Fixed("b", 200), new Fixed("c", 300)])]), c);
    expect(q.discounts.map((d) => d.rule)).toEqual(["a", "b", "c"]);
    expect(q.total).toBe(1_900);
  });

  it("bestOf keeps only the rule that saves the most, the earliest on a tie", () => {
    const twoSmall = allOf("two small", [new Fixed("s1", 150), new Fixed("s2", 150)]);
    expect(quote(bestOf("best", [new Fixed("big", 250), twoSmall]), c).discounts).toEqual([{ rule: "s1", amount: 150 }, { rule: "s2", amount: 150 }]);
    expect(quote(bestOf("best", [new Fixed("first", 300), twoSmall]), c).discounts).toEqual([{ rule: "first", amount: 300 }]);
    expect(bestOf("best", [allOf("nothing", [])]).discounts(c)).toEqual([]);
  });

  it("minimumSpend applies its rule from the threshold on, judged before any discount", () => {
    const inner = new Fixed("over 25", 500);
    const rule = allOf("all", [new Fixed("first", 2_000), minimumSpend(2_500, inner)]);
    expect(quote(rule, c).discounts.map((d) => d.rule)).toEqual(["first", "over 25"]);
    expect(quote(minimumSpend(2_501, inner), c).discounts).toEqual([]);
    expect(minimumSpend(2_500, inner).name).toBe("over 25");
  });

  it("evaluates a rule the exercise never defined, through the interface only", () => {
    const staff = new Fixed("staff", 700);
    const q = quote(bestOf("promo", [percentOff("10%", 10), minimumSpend(1_000, staff)]), c);
    expect(q.discounts).toEqual([{ rule: "staff", amount: 700 }]);
    expect(staff.calls).toBe(1);
  });
});

describe("the engine", () => {
  it("quotes the subtotal when no rule applies", () => {
    expect(quote(allOf("none", []), cart(line("tea", 450, 2)))).toEqual({ subtotal: 900, discounts: [], total: 900 });
    expect(quote(allOf("none", []), cart())).toEqual({ subtotal: 0, discounts: [], total: 0 });
  });

  it("never discounts below zero: cuts the discount that goes too far and drops the ones after it", () => {
    const q = quote(allOf("all", [new Fixed("a", 600), new Fixed("b", 600), new Fixed("c", 100)]), cart(line("tea", 1_000)));
    expect(q).toEqual({ subtotal: 1_000, discounts: [{ rule: "a", amount: 600 }, { rule: "b", amount: 400 }], total: 0 });
  });

  it("rejects a cart line with a bad price or quantity", () => {
    for (const bad of [line("x", 100, 0), line("x", 100, 1.5), line("x", -1), line("x", 99.5)]) {
      expect(codeOf(() => quote(allOf("none", []), cart(line("ok", 100), bad)))).toBe("INVALID_CART");
    }
  });

  it("does not trust a plug-in rule that returns a negative, fractional or zero discount", () => {
    for (const amount of [-100, 12.5, 0, Number.NaN]) {
      expect(codeOf(() => quote(new Fixed("rogue", amount), cart(line("tea", 1_000))))).toBe("INVALID_DISCOUNT");
    }
  });
});
