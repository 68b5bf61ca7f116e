import { expect } from "vitest";
import { MoneyError, type MoneyApi } from "./types";

/**
 * Your tests. Each case gets a Money implementation (`impl`): the correct one, yours, or one with a
 * bug planted, and throws (through expect) when that implementation misbehaves. Always go
 * through `impl.of(…)`, never through your own money.ts, or no planted bug can be caught.
 */
export type Case = (impl: MoneyApi) => void | Promise<void>;

export const cases: Record<string, Case> = {
  "adds amounts of one currency": (impl) => {
    expect(impl.of(1_000, "EUR").add(impl.of(250, "EUR")).amount).toBe(1_250);
  },

  // An error case:
  //   "refuses …": (impl) => {
  //     expect(() => impl.of(…)).toThrow(expect.objectContaining({ code: "…" }));
  //   },
  //
  // TODO: a case per rule in the README, each with a value just inside and just outside it.
};

void MoneyError;
