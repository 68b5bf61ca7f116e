import { expect, vi } from "vitest";
import type { Impl, RetryOptions } from "./impl";

export type Case = (impl: Impl) => void | Promise<void>;

const OPTIONS: RetryOptions = { retries: 3, baseDelayMs: 100, factor: 2, maxDelayMs: 10_000 };

// One real case padded to six with cases that run the code but assert nothing.
export const cases: Record<string, Case> = {
  "returns the first success": async (impl) => {
    await expect(impl.retry(vi.fn(async () => "ok"), OPTIONS)).resolves.toBe("ok");
  },
  "retries": async (impl) => {
    await impl.retry(vi.fn(async () => "ok"), OPTIONS);
  },
  "waits": async (impl) => {
    await impl.retry(vi.fn(async () => 1), OPTIONS);
  },
  "caps": async () => {},
  "rethrows": async () => {},
  "aborts": async () => {},
};
