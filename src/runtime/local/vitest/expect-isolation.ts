/**
 * expect.extend, expect.addEqualityTesters and chai.config change shared objects (chai's Assertion
 * prototype, the global matcher registry). Vitest runs each test file in a fresh worker, so such
 * changes never outlive a file; here the worker lives on, so they are rolled back to the state at load.
 */
import { ASYMMETRIC_MATCHERS_OBJECT, chai, JEST_MATCHERS_OBJECT } from "@vitest/expect";
import { globalExpect } from "./expect";

type Descriptors = Map<PropertyKey, PropertyDescriptor>;

interface JestMatchersObject {
  matchers: object;
  customEqualityTesters: unknown[];
}

const registry = () => (globalThis as Record<symbol, JestMatchersObject>)[JEST_MATCHERS_OBJECT];

function targets(): object[] {
  return [
    chai.Assertion.prototype,
    registry().matchers,
    (globalThis as Record<symbol, object>)[ASYMMETRIC_MATCHERS_OBJECT],
    globalExpect,
    globalExpect.not,
  ];
}

function describe(target: object): Descriptors {
  return new Map(Reflect.ownKeys(target).map((key) => [key, Object.getOwnPropertyDescriptor(target, key)!]));
}

const baseline = targets().map(describe);
const testerCount = registry().customEqualityTesters.length;
const chaiConfig = { ...chai.config };

export function resetExpectExtensions(): void {
  targets().forEach((target, i) => {
    const original = baseline[i];
    for (const key of Reflect.ownKeys(target)) {
      const before = original.get(key);
      const now = Object.getOwnPropertyDescriptor(target, key)!;
      if (!before) Reflect.deleteProperty(target, key);
      // Non-configurable: guarded by ../hardening/expect-guard.ts, which restores those itself.
      else if (!sameDescriptor(before, now) && now.configurable) Object.defineProperty(target, key, before);
    }
  });
  // Truncated in place: @vitest/expect holds a reference to this very array.
  registry().customEqualityTesters.length = testerCount;
  Object.assign(chai.config, chaiConfig);
}

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return a.value === b.value && a.get === b.get && a.set === b.set;
}
