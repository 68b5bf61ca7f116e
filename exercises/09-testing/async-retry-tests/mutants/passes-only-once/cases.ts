import { expect, vi } from "vitest";
import type { Impl, RetryOptions } from "./impl";

export type Case = (impl: Impl) => void | Promise<void>;

const OPTIONS: RetryOptions = { retries: 3, baseDelayMs: 100, factor: 2, maxDelayMs: 10_000 };

// The correct code is run first, so a case that fails from its second run on looks like it
// catches every mutant.
const runs: Record<string, number> = {};
const once = (name: string) => async (impl: Impl) => {
  runs[name] = (runs[name] ?? 0) + 1;
  await expect(impl.retry(vi.fn(async () => "ok"), OPTIONS)).resolves.toBe("ok");
  expect(runs[name]).toBe(1);
};

export const cases: Record<string, Case> = Object.fromEntries(
  ["first try", "counts", "delays", "cap", "errors", "abort"].map((name) => [name, once(name)]),
);
