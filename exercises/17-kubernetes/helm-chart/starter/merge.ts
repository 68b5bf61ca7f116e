/**
 * Helm's coalescing of values: maps merge key by key, at every depth; anything else in the
 * override (a scalar, a list) replaces the base; a null in the override deletes the key.
 * Neither input is changed.
 */
export function mergeValues<T>(base: T, ...overrides: unknown[]): T {
  // TODO: apply each override in order
  void overrides;
  return base;
}
