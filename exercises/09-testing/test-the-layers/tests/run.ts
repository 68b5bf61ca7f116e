/**
 * Runs one learner case against one version of the system. The oracle stays hidden: each run gets
 * fresh wrappers (the same for the correct code and every planted bug), calls into the correct
 * code that did not go through them are counted, and each integration or functional run gets a
 * freshly seeded database.
 */
import { createDb } from "@roadlab/db";
import { expect } from "vitest";
import { TOKENS } from "../auth";
import { callCount } from "../errors";
import { PROVIDER_STATES, type Http, type ProviderState } from "../contract";
import type { Layer, Parts } from "./planted";

export interface CaseRun {
  failure?: string;
  assertions: number;
  direct: number;
}

type AnyCase = (...args: never[]) => unknown;

/** A tally of calls into the correct code made by the grader's own wrappers. */
class Tally {
  through = 0;
  async grant<T>(run: () => T | Promise<T>): Promise<T> {
    const before = callCount();
    try {
      return await run();
    } finally {
      this.through += callCount() - before;
    }
  }
  grantSync<T>(run: () => T): T {
    const before = callCount();
    try {
      return run();
    } finally {
      this.through += callCount() - before;
    }
  }
  /** Each method of `target` behind a wrapper that counts as the grader's own calls. */
  wrap<T extends object>(target: T): T {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(target)) {
      out[key] = typeof value === "function" ? (...args: unknown[]) => this.grant(() => (value as (...a: unknown[]) => unknown)(...args)) : value;
    }
    return out as T;
  }
}

/** A fresh database, the whole app on it, and (for provider states) Ada's tasks inserted. */
export async function provider(parts: Parts, tally: Tally, state: ProviderState = "no tasks"): Promise<Http> {
  const db = await createDb();
  const app = await tally.grant(async () => {
    const repo = parts.makeTaskRepo(db);
    for (const title of PROVIDER_STATES[state]) await repo.insert("ada", title);
    return parts.makeApp({ service: parts.makeTaskService({ repo }), auth: parts.bearerAuth(TOKENS) });
  });
  return (path, init) => tally.grant(() => app.request(path, init));
}

async function argumentsFor(layer: Layer, parts: Parts, tally: Tally): Promise<unknown[]> {
  if (layer === "unit") {
    const make = (deps: { repo: never }) => tally.wrap(tally.grantSync(() => parts.makeTaskService(deps)));
    return [make];
  }
  if (layer === "integration") {
    const db = await createDb();
    return [tally.wrap(await tally.grant(() => parts.makeTaskRepo(db))), db];
  }
  return [await provider(parts, tally)];
}

function assertionCalls(): number {
  return (expect.getState() as { assertionCalls?: number }).assertionCalls ?? 0;
}

export function newTally(): Tally {
  return new Tally();
}

export async function runCase(layer: Layer, fn: AnyCase, parts: Parts): Promise<CaseRun> {
  const tally = new Tally();
  const args = await argumentsFor(layer, parts, tally);
  const callsBefore = callCount();
  const throughBefore = tally.through;
  const assertionsBefore = assertionCalls();
  let failure: string | undefined;
  try {
    await (fn as (...a: unknown[]) => unknown)(...args);
  } catch (error) {
    failure = describeError(error);
  }
  const direct = callCount() - callsBefore - (tally.through - throughBefore);
  return { failure, assertions: assertionCalls() - assertionsBefore, direct };
}

export function notCounted(run: CaseRun): string | undefined {
  if (run.direct > 0) {
    return "it calls the service's code imported from its files instead of what the case was given; that is always the correct code, so the case proves nothing";
  }
  if (run.failure !== undefined) return run.failure;
  if (run.assertions === 0) return "it asserts nothing: a case must call expect(…)";
  return undefined;
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name === "AssertionError" ? "" : `${error.name}: `}${error.message}` : `threw ${String(error)}`;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
