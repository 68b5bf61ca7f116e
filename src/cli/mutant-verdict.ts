import type { RunResults } from "../runtime/results";

/**
 * Runs that ended because the runner itself failed, not the code under test: a browser page that
 * crashed, an app chunk that could not be fetched (dist/ rebuilt under a running check), Vitest that
 * could not start. Such a run says nothing about a mutant, so it must not count as killing it.
 */
const INFRASTRUCTURE = [/^The browser page failed: /, /Failed to fetch dynamically imported module/, /^Could not start Vitest: /];

export function infrastructureError(results: RunResults): string | undefined {
  if (results.status !== "error") return undefined;
  const message = results.message ?? "";
  return INFRASTRUCTURE.some((pattern) => pattern.test(message)) ? message.split("\n")[0] : undefined;
}

/**
 * Killed: the hidden tests did not all pass. A run that errored (a throw at import, a synchronous
 * infinite loop) counts as killed, since a learner's copy would fail the same way, but the text
 * output says so: a mutant that cannot load proves little about the tests.
 */
export function isKilled(results: RunResults): boolean {
  return results.status !== "pass" && infrastructureError(results) === undefined;
}
