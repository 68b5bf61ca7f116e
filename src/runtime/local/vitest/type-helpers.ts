/**
 * Vitest's type-only helpers. At run time they do nothing (types are erased before the worker sees
 * the code), so any property access or call on expectTypeOf(...) is accepted and ignored.
 */
type Anything = ((...args: unknown[]) => Anything) & { readonly [key: string]: Anything };

const inert: Anything = new Proxy((() => inert) as unknown as Anything, {
  get: (_target, key) => (key === "then" ? undefined : inert),
  apply: () => inert,
});

export function expectTypeOf(_value?: unknown): Anything {
  return inert;
}

export function assertType<T>(_value: T): void {}
