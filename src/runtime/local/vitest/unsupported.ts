/**
 * Vitest APIs the in-page runtime has no counterpart for: each throws a clear error instead of
 * quietly passing a test that would behave differently under Node.
 */
export function unsupportedError(api: string, advice: string): Error {
  return new Error(`${api} is not supported in Roadlab's in-page runtime; ${advice}`);
}

export function unsupported(api: string, advice: string): (...args: unknown[]) => never {
  return () => {
    throw unsupportedError(api, advice);
  };
}

/** vi members that throw when called. */
export const unsupportedVi = {
  setConfig: unsupported("vi.setConfig", "pass options to the API you call (vi.useFakeTimers(config), it(name, fn, timeout)) instead"),
  resetConfig: unsupported("vi.resetConfig", "pass options to the API you call instead"),
};
