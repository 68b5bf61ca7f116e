/**
 * Keeps code under test from changing what the hidden tests' `expect` does: the matchers on chai's
 * Assertion prototype and in the matcher registry, chai's config, the global `expect`'s own members,
 * and the custom equality testers. Only a hidden test may override a matcher (its own expect.extend);
 * learner code may add matchers with new names, which the hidden tests never call.
 * Works on @vitest/expect's objects in the page and on real Vitest's in the Node runtime.
 */
import { guardedValue, guardKey, setGuarded } from "./guard";
import { calledByHiddenTest, recordTampering } from "./tampering";

export interface ExpectParts {
  assertionPrototype: object;
  matchers: object;
  chaiConfig: object;
  chaiExpect: object;
  globalExpect: object;
  customEqualityTesters: unknown[];
}

let parts: ExpectParts | undefined;
let baseline: Map<object, Map<PropertyKey, unknown>> = new Map();
let knownTesters: unknown[] = [];

const allow = () => calledByHiddenTest();

function targets(p: ExpectParts): [object, string][] {
  return [
    [p.assertionPrototype, "expect's Assertion.prototype"],
    [p.matchers, "the matcher registry"],
    [p.chaiConfig, "chai.config"],
    [p.chaiExpect, "chai.expect"],
    [p.globalExpect, "expect"],
  ];
}

/** Guards what exists now; call once setup (plugins, snapshot support) has finished. */
export function guardExpect(next: ExpectParts): void {
  if (parts) return;
  parts = next;
  for (const [target, label] of targets(next)) {
    for (const key of Reflect.ownKeys(target)) guardKey(target, key, { label, allow });
  }
  baseline = snapshot();
  knownTesters = [...next.customEqualityTesters];
}

/**
 * Before each test: matchers the hidden tests added since (expect.extend at a file's top level or
 * in a hook) are guarded too, so learner code called by the test cannot replace them.
 */
export function guardNewMatchers(): void {
  if (!parts) return;
  for (const target of [parts.assertionPrototype, parts.matchers]) {
    for (const key of Reflect.ownKeys(target)) guardKey(target, key, { label: "expect's Assertion.prototype", allow });
  }
}

/** A change to the custom equality testers made by anything but a hidden test's addEqualityTesters. */
export function checkEqualityTesters(): void {
  if (!parts) return;
  const testers = parts.customEqualityTesters;
  const same = testers.length === knownTesters.length && knownTesters.every((t, i) => testers[i] === t);
  if (same) return;
  recordTampering("changed expect's custom equality testers", "unknown");
  testers.length = 0;
  testers.push(...knownTesters);
}

/** expect.addEqualityTesters: refused to learner code, which would change every toEqual. */
export function addEqualityTesters(add: () => void): void {
  checkEqualityTesters();
  if (parts && !calledByHiddenTest()) {
    recordTampering("called expect.addEqualityTesters");
    throw new TypeError("expect.addEqualityTesters() may only be called by the hidden tests: it would change how they compare values");
  }
  add();
  if (parts) knownTesters = [...parts.customEqualityTesters];
}

/** After a test file: guarded members back to their values at setup; matchers added since, gone. */
export function restoreExpectGuards(): void {
  if (!parts) return;
  for (const [target] of targets(parts)) {
    const before = baseline.get(target)!;
    for (const key of Reflect.ownKeys(target)) {
      if (!guardedValue(target, key)) continue;
      setGuarded(target, key, before.has(key) ? before.get(key) : undefined);
    }
  }
  knownTesters = [...parts.customEqualityTesters];
}

function snapshot(): Map<object, Map<PropertyKey, unknown>> {
  const out = new Map<object, Map<PropertyKey, unknown>>();
  for (const [target] of targets(parts!)) {
    const values = new Map<PropertyKey, unknown>();
    for (const key of Reflect.ownKeys(target)) {
      const slot = guardedValue(target, key);
      if (slot) values.set(key, slot.value);
    }
    out.set(target, values);
  }
  return out;
}
