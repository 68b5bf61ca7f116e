type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Helm's coalescing of values: maps merge key by key, at every depth; anything else in the
 * override (a scalar, a list) replaces the base; a null in the override deletes the key.
 * Neither input is changed.
 */
export function mergeValues<T>(base: T, ...overrides: unknown[]): T {
  let result: unknown = structuredClone(base);
  for (const override of overrides) result = mergeTwo(result, override);
  return result as T;
}

function mergeTwo(base: unknown, override: unknown): unknown {
  if (!isPlain(base) || !isPlain(override)) return structuredClone(override);
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete out[key];
    else if (value !== undefined) out[key] = mergeTwo(base[key], value);
  }
  return out;
}
