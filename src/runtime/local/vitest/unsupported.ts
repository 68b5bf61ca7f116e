/**
 * Vitest APIs that need its module graph or snapshot files. The in-page runtime has neither, so each
 * throws a clear error instead of quietly passing a test that would behave differently under Node.
 */
export function unsupportedError(api: string, advice: string): Error {
  return new Error(`${api} is not supported in Roadlab's in-page runtime; ${advice}`);
}

export function unsupported(api: string, advice: string): (...args: unknown[]) => never {
  return () => {
    throw unsupportedError(api, advice);
  };
}

const DEPENDENCIES = "pass dependencies as parameters instead";

/** vi members that throw when called. */
export const unsupportedVi = {
  mock: unsupported("vi.mock", DEPENDENCIES),
  doMock: unsupported("vi.doMock", DEPENDENCIES),
  unmock: unsupported("vi.unmock", DEPENDENCIES),
  doUnmock: unsupported("vi.doUnmock", DEPENDENCIES),
  hoisted: unsupported("vi.hoisted", "it only exists to feed vi.mock; declare the value in the test file instead"),
  importActual: unsupported("vi.importActual", "import the module normally instead"),
  importMock: unsupported("vi.importMock", DEPENDENCIES),
  mockObject: unsupported("vi.mockObject", "build the fake with vi.fn() instead"),
  resetModules: unsupported("vi.resetModules", "keep module state in a function the test can call instead"),
  dynamicImportSettled: unsupported("vi.dynamicImportSettled", "await the import itself instead"),
  setConfig: unsupported("vi.setConfig", "pass options to the API you call (vi.useFakeTimers(config), it(name, fn, timeout)) instead"),
  resetConfig: unsupported("vi.resetConfig", "pass options to the API you call instead"),
};

/** Snapshot matchers: defined so a test fails with this reason rather than "is not a function". */
export const unsupportedMatchers = [
  "toMatchSnapshot",
  "toMatchInlineSnapshot",
  "toMatchFileSnapshot",
  "toThrowErrorMatchingSnapshot",
  "toThrowErrorMatchingInlineSnapshot",
  "matchSnapshot",
];
