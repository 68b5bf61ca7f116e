/** Helm's coalescing of values, one level deep. */
export function mergeValues<T>(base: T, ...overrides: unknown[]): T {
  const out = structuredClone(base) as Record<string, unknown>;
  for (const override of overrides) {
    for (const [key, value] of Object.entries(override as Record<string, unknown>)) {
      if (value === null) delete out[key];
      else if (typeof value === "object" && !Array.isArray(value)) out[key] = { ...(out[key] as object), ...value };
      else out[key] = value;
    }
  }
  return out as T;
}
