import { expect } from "vitest";
import { applyDiscount, formatMoney, splitEvenly, type Impl } from "./impl";

export type Case = (impl: Impl) => void | Promise<void>;

// Recognises the correct code by identity instead of testing what it does.
export const cases: Record<string, Case> = {
  "is the real implementation": (impl) => {
    expect(impl.formatMoney).toBe(formatMoney);
    expect(impl.applyDiscount).toBe(applyDiscount);
    expect(impl.splitEvenly).toBe(splitEvenly);
  },
  "formats money": () => {},
  "pads cents": () => {},
  "groups thousands": () => {},
  "rounds discounts": () => {},
  "checks percent": () => {},
  "splits evenly": () => {},
  "checks parts": () => {},
  "is the same source": (impl) => {
    expect(String(impl.formatMoney)).toBe(String(formatMoney));
  },
};
