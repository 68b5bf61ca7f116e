import { describe, expect, it } from "vitest";
import { cases } from "../cases";
import { money as yours } from "../money";
import type { MoneyApi } from "../types";
import { makeMoney, mutants } from "./reference";

type Case = (impl: MoneyApi) => void | Promise<void>;
const MIN_CASES = 6;
const entries = Object.entries((cases ?? {}) as Record<string, Case>).filter(([, fn]) => typeof fn === "function");

const assertionCalls = () => (expect.getState() as { assertionCalls?: number }).assertionCalls ?? 0;
/** Runs a case against a fresh implementation; undefined when it passed and asserted something. */
async function run(fn: Case, impl: MoneyApi): Promise<string | undefined> {
  const before = assertionCalls();
  try {
    await fn({ of: (amount, currency) => impl.of(amount, currency) });
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 200) : String(error);
  }
  return assertionCalls() > before ? undefined : "it asserts nothing";
}

let valid: Promise<[string, Case][]> | undefined;
const validCases = () =>
  (valid ??= (async () => {
    const ok: [string, Case][] = [];
    for (const [name, fn] of entries) if ((await run(fn, makeMoney())) === undefined) ok.push([name, fn]);
    return ok;
  })());

describe("your cases", () => {
  it(`has at least ${MIN_CASES} cases that assert something and pass on correct Money`, async () => {
    const problems: string[] = [];
    for (const [name, fn] of entries) {
      const why = await run(fn, makeMoney());
      if (why) problems.push(`"${name}": ${why}`);
    }
    expect(problems, "cases that fail on a correct Money or assert nothing").toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(MIN_CASES);
  });

  it("pass on your own money.ts too (green)", async () => {
    const failing: string[] = [];
    for (const [name, fn] of await validCases()) {
      const why = await run(fn, yours);
      if (why) failing.push(`"${name}": ${why}`);
    }
    expect(failing).toEqual([]);
  });
});

describe("your cases catch every planted bug (red)", () => {
  let hidden = 0;
  for (const mutant of mutants) {
    it(mutant.hidden ? `catches hidden mutant ${++hidden}` : `catches the Money that ${mutant.title}`, async () => {
      const ok = await validCases();
      let caught = false;
      for (const [, fn] of ok) {
        if ((await run(fn, makeMoney(mutant.bugs))) !== undefined && (await run(fn, makeMoney())) === undefined) {
          caught = true;
          break;
        }
      }
      expect(caught, `no case fails on a Money that ${mutant.hidden ? "has a hidden bug" : mutant.title}`).toBe(true);
    });
  }
});
