/**
 * Runs the learner's cases against one implementation and describes what happened.
 *
 * The oracle stays hidden: every run gets a fresh object of fresh wrapper functions, the same
 * source text for the reference and every mutant, so a case cannot recognise the correct code by
 * identity or by its text; calls to the functions imported from ./impl are counted and such a case
 * is not counted; and a case that catches a mutant must pass on the reference again right after
 * (a case that simply fails from its second run on catches nothing).
 */
import { expect } from "vitest";
import { callCount, type Impl } from "../impl";

export type Case = (impl: Impl) => void | Promise<void>;

export interface CaseRun {
  /** Undefined when the case passed, otherwise the first line(s) of what it threw. */
  failure?: string;
  /** How many expect(…) calls the case made. */
  assertions: number;
  /** Calls to the functions imported from ./impl that did not go through the `impl` it was given. */
  direct: number;
}

/** The learner's cases as [name, function] pairs, or a sentence saying why they can't be read. */
export function readCases(exported: unknown): { entries: [string, Case][]; problems: string[] } {
  if (typeof exported !== "object" || exported === null) {
    return { entries: [], problems: ["cases.ts must export `cases`, an object of named case functions"] };
  }
  const entries: [string, Case][] = [];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(exported)) {
    if (typeof value === "function") entries.push([name, value as Case]);
    else problems.push(`case "${name}" is a ${typeof value}, not a function (impl) => { … }`);
  }
  return { entries, problems };
}

/** A fresh Impl over `impl` that notes how many impl.ts calls happened through it. */
function fresh(impl: Impl, tally: { through: number }): Impl {
  const via =
    <A extends unknown[], R>(target: (...args: A) => R) =>
    (...args: A): R => {
      const before = callCount();
      try {
        return target(...args);
      } finally {
        tally.through += callCount() - before;
      }
    };
  return { formatMoney: via(impl.formatMoney), applyDiscount: via(impl.applyDiscount), splitEvenly: via(impl.splitEvenly) };
}

function assertionCalls(): number {
  return (expect.getState() as { assertionCalls?: number }).assertionCalls ?? 0;
}

/** Runs one case against a fresh wrapper of `impl`. */
export async function runCase(fn: Case, impl: Impl): Promise<CaseRun> {
  const tally = { through: 0 };
  const callsBefore = callCount();
  const assertionsBefore = assertionCalls();
  let failure: string | undefined;
  try {
    await fn(fresh(impl, tally));
  } catch (error) {
    failure = describeError(error);
  }
  return { failure, assertions: assertionCalls() - assertionsBefore, direct: callCount() - callsBefore - tally.through };
}

/** Why a run against the correct code does not count, or undefined when it does. */
export function notCounted(run: CaseRun): string | undefined {
  if (run.direct > 0) {
    return "it calls formatMoney/applyDiscount/splitEvenly imported from ./impl instead of through `impl`; that is always the correct code, so the case proves nothing";
  }
  if (run.failure !== undefined) return run.failure;
  if (run.assertions === 0) return "it asserts nothing: a case must call expect(…)";
  return undefined;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name === "AssertionError" ? "" : `${error.name}: `}${error.message}` : `threw ${String(error)}`;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
