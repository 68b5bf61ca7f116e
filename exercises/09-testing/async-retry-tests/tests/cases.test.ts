import { afterEach, describe, it, vi } from "vitest";
import { cases } from "../cases";
import { mutants, reference, type Mutant } from "./mutants";
import { notCounted, readCases, runCase, type Case } from "./run-cases";

const MIN_CASES = 6;
const { entries, problems } = readCases(cases);

/** How every case fares against the correct implementation, computed once. */
let referenceRun: Promise<{ valid: [string, Case][]; failures: string[]; empty: string[] }> | undefined;
function againstReference(task: object) {
  referenceRun ??= (async () => {
    const valid: [string, Case][] = [];
    const failures: string[] = [];
    const empty: string[] = [];
    for (const [name, fn] of entries) {
      const run = await runCase(fn, reference, task);
      const reason = notCounted(run);
      if (reason === undefined) valid.push([name, fn]);
      else if (run.failure === undefined && run.direct === 0) empty.push(name);
      else failures.push(`"${name}": ${reason}`);
    }
    return { valid, failures, empty };
  })();
  return referenceRun;
}

/** The case fails on the mutant AND still passes on the correct code, checked again around it. */
async function catches(fn: Case, mutant: Mutant, task: object): Promise<boolean> {
  // A case that passes only on its first run must not look like a mutant killer: the correct code
  // runs again after the mutant, and at random before it too.
  if (Math.random() < 0.5 && notCounted(await runCase(fn, reference, task)) !== undefined) return false;
  const run = await runCase(fn, mutant.impl, task);
  if (run.failure === undefined || run.direct > 0) return false;
  return notCounted(await runCase(fn, reference, task)) === undefined;
}

// However a case ends, the next test starts with real timers.
afterEach(() => {
  vi.useRealTimers();
});

describe("your cases", () => {
  it(`exports at least ${MIN_CASES} cases, each a function that asserts something`, async ({ task }) => {
    if (problems.length > 0) throw new Error(`cases.ts: ${problems.join("; ")}`);
    const { empty } = await againstReference(task);
    const asserting = entries.length - empty.length;
    if (asserting < MIN_CASES) {
      const none = empty.length > 0 ? ` These assert nothing (no expect call), so they don't count: ${empty.map((n) => `"${n}"`).join(", ")}.` : "";
      throw new Error(
        `cases.ts has ${asserting} case(s) that assert something; write at least ${MIN_CASES}. Small, focused cases — ` +
          `one behaviour each — make a failure easy to read.${none}`,
      );
    }
  });

  it("every case passes against the correct implementation", async ({ task }) => {
    const { failures } = await againstReference(task);
    if (failures.length > 0) {
      throw new Error(
        `${failures.length} of ${entries.length} case(s) do not count: they fail against the correct implementation in impl.ts, ` +
          "or bypass `impl`. A test that fails on correct code is a wrong test — fix the expectation (read the doc comment of retry in impl.ts):\n" +
          failures.map((f) => `  - ${f}`).join("\n"),
      );
    }
  });
});

describe("every mutant is caught by at least one case", () => {
  let hidden = 0;
  for (const mutant of mutants) {
    const title = mutant.hidden ? `catches hidden mutant ${++hidden}` : `catches the mutant that ${mutant.title}`;
    it(title, async ({ task }) => {
      const { valid, failures } = await againstReference(task);
      if (valid.length === 0) {
        throw new Error(
          "No case passes against the correct implementation yet, so none can catch a mutant. " +
            "Write cases in cases.ts (and fix any that fail on the correct code).",
        );
      }
      for (const [, fn] of valid) if (await catches(fn, mutant, task)) return;
      const ignored = failures.length > 0 ? ` (${failures.length} case(s) that don't count were left out.)` : "";
      const what = mutant.hidden
        ? `A hidden mutant survived: its bug is not named on purpose, as in real life. It breaks a rule about ${mutant.area}: ` +
          "test every sentence of retry's contract in impl.ts"
        : `A mutant that ${mutant.bug} survived: ${mutant.advice}`;
      throw new Error(`${what}.${ignored}`);
    });
  }
});
