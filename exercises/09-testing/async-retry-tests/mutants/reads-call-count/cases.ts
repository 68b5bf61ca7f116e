import { expect } from "vitest";
import { callCount, type Impl } from "./impl";

export type Case = (impl: Impl) => void | Promise<void>;

// Tells the correct retry from a planted copy by whether a call moved the grader's counter.
const counted = (retries: number) => async (impl: Impl) => {
  const before = callCount();
  await impl.retry(async () => "done", { retries, baseDelayMs: 0, factor: 1, maxDelayMs: 0 }).catch(() => {});
  expect(callCount() - before).toBe(1);
};

export const cases: Record<string, Case> = Object.fromEntries(
  ["no retries", "one retry", "two retries", "three retries", "four", "five", "six", "seven", "eight"].map((name, i) => [name, counted(i)]),
);
