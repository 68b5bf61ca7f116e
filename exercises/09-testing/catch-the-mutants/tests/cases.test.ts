import { describe, it } from "vitest";
import { cases } from "../cases";
import { mutants, reference } from "./mutants";
import { readCases, runCase } from "./run-cases";

const MIN_CASES = 8;
const { entries, problems } = readCases(cases);

/** How every case fares against the correct implementation, computed once. */
let referenceRun: Promise<{ valid: typeof entries; failures: string[] }> | undefined;
function againstReference() {
  referenceRun ??= (async () => {
    const valid: typeof entries = [];
    const failures: string[] = [];
    for (const [name, fn] of entries) {
      const failure = await runCase(fn, reference);
      if (failure === undefined) valid.push([name, fn]);
      else failures.push(`"${name}": ${failure}`);
    }
    return { valid, failures };
  })();
  return referenceRun;
}

describe("your cases", () => {
  it(`exports at least ${MIN_CASES} cases, each a function`, () => {
    if (problems.length > 0) throw new Error(`cases.ts: ${problems.join("; ")}`);
    if (entries.length < MIN_CASES) {
      throw new Error(
        `cases.ts has ${entries.length} case(s); write at least ${MIN_CASES}. Small, focused cases — ` +
          "one behaviour each — make a failure easy to read.",
      );
    }
  });

  it("every case passes against the correct implementation", async () => {
    const { failures } = await againstReference();
    if (failures.length > 0) {
      throw new Error(
        `${failures.length} of ${entries.length} case(s) fail against the correct implementation in impl.ts. ` +
          "A test that fails on correct code is a wrong test — fix the expectation (read the doc comments in impl.ts):\n" +
          failures.map((f) => `  - ${f}`).join("\n"),
      );
    }
  });
});

describe("every mutant is caught by at least one case", () => {
  for (const mutant of mutants) {
    it(`catches the mutant that ${mutant.title}`, async () => {
      const { valid, failures } = await againstReference();
      if (valid.length === 0) {
        throw new Error(
          "No case passes against the correct implementation yet, so none can catch a mutant. " +
            "Write cases in cases.ts (and fix any that fail on the correct code).",
        );
      }
      for (const [, fn] of valid) {
        if ((await runCase(fn, mutant.impl)) !== undefined) return; // caught
      }
      const ignored = failures.length > 0
        ? ` (${failures.length} case(s) that fail against the correct implementation were not counted.)`
        : "";
      throw new Error(`A mutant that ${mutant.bug} survived: ${mutant.advice}.${ignored}`);
    });
  }
});
