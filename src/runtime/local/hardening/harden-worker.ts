/**
 * Hardening the in-page runtime's worker before code under test loads, and the checks around each
 * run: which files are the learner's, what they tampered with, whether the worker is still clean.
 */
import { ASYMMETRIC_MATCHERS_OBJECT, chai, GLOBAL_EXPECT, JEST_MATCHERS_OBJECT, MATCHERS_OBJECT } from "@vitest/expect";
import type { RunEvent, Tampering } from "../../results";
import type { RunRequest } from "../../types";
import { globalExpect } from "../vitest/expect";
import { checkEqualityTesters, guardExpect, guardNewMatchers } from "./expect-guard";
import { compareFingerprint, takeFingerprint, type Fingerprint } from "./fingerprint";
import { guardKey } from "./guard";
import { hardenIntrinsics } from "./intrinsics";
import { guardModuleUrls } from "./module-urls";
import { recordTampering, setCodeOrigins, takeTampering } from "./tampering";

const SOURCE_PREFIX = "sandbox:///";
/**
 * Globals the runtime itself changes between runs: the package registry grows; fake timers put
 * `performance` back as an own property with a getter of their own.
 */
const IGNORED = new Set<PropertyKey>(["__roadlabPackages", "performance"]);

let baseline: Fingerprint | undefined;

/** Once, after the runtime's own modules and packages have loaded and before any exercise code. */
export function hardenRuntime(): void {
  if (baseline) return;
  hardenIntrinsics();
  const registry = (globalThis as Record<symbol, { matchers: object; customEqualityTesters: unknown[] }>)[JEST_MATCHERS_OBJECT];
  guardExpect({
    assertionPrototype: chai.Assertion.prototype,
    matchers: registry.matchers,
    chaiConfig: chai.config,
    chaiExpect: chai.expect,
    globalExpect,
    customEqualityTesters: registry.customEqualityTesters,
  });
  // What the runner and the matchers look up on the global at run time.
  for (const key of Reflect.ownKeys(globalThis)) {
    if (typeof key !== "symbol") continue;
    const value = Object.getOwnPropertyDescriptor(globalThis, key)?.value as unknown;
    if (key === GLOBAL_EXPECT || key === JEST_MATCHERS_OBJECT || key === MATCHERS_OBJECT || key === ASYMMETRIC_MATCHERS_OBJECT || key.description === "vitest:SAFE_TIMERS") {
      if (value && typeof value === "object" && key.description === "vitest:SAFE_TIMERS") Object.freeze(value);
      guardKey(globalThis, key, { label: "globalThis" });
    }
  }
  guardModuleUrls();
  baseline = takeFingerprint(IGNORED);
}

/** Starts a run's checks: exercise frames named by file; at the end, what was tampered with. */
export interface RunChecks {
  /** test-start: matchers added so far are guarded; test-end: the equality testers are checked. */
  onEvent(event: RunEvent): void;
  finish(): { tampering: Tampering[]; touched: boolean };
}

export function runChecks(request: RunRequest): RunChecks {
  const leftover = takeTampering();
  setCodeOrigins({
    exerciseFile: (url) => (url.startsWith(SOURCE_PREFIX) ? url.slice(SOURCE_PREFIX.length) : undefined),
    isHiddenTest: (file) => Object.hasOwn(request.tests, file),
  });
  return {
    onEvent(event) {
      if (event.type === "test-start") guardNewMatchers();
      else if (event.type === "test-end") checkEqualityTesters();
    },
    finish() {
      checkEqualityTesters();
      const tampering = takeTampering();
      const changed = baseline ? compareFingerprint(baseline, IGNORED) : [];
      return { tampering, touched: leftover.length > 0 || tampering.length > 0 || changed.length > 0 };
    },
  };
}
