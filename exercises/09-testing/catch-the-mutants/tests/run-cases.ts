/** Runs the learner's cases against one implementation and describes what went wrong, if anything. */
import type { Impl } from "../impl";

export type Case = (impl: Impl) => void | Promise<void>;

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

/** Runs one case; undefined when it passed, otherwise the first line(s) of what it threw. */
export async function runCase(fn: Case, impl: Impl): Promise<string | undefined> {
  try {
    await fn(impl);
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name === "AssertionError" ? "" : `${error.name}: `}${error.message}` : `threw ${String(error)}`;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
