/**
 * The bridge between `vi.mock` & co. and the module linker (../module-graph.ts), which owns the
 * module registry of a run. Linked modules reach it through two internal exports of the `vitest`
 * facade: dynamic imports go through `__roadlabImport`, mock facades read `__roadlabMockExports`.
 */
import { mockObject } from "@vitest/mocker";
import { createMockInstance } from "@vitest/spy";
import { unsupportedError } from "./unsupported";

export type MockFactory = (importOriginal: () => Promise<unknown>) => unknown;
export type MockOptions = { spy?: boolean };

export interface ModuleRegistry {
  mock(importer: string, path: string, factory?: MockFactory | MockOptions): void;
  unmock(importer: string, path: string): void;
  importActual(importer: string, path: string): Promise<unknown>;
  importMock(importer: string, path: string): Promise<unknown>;
  resetModules(): void;
  import(importer: string, specifier: string): Promise<unknown>;
}

let current: ModuleRegistry | undefined;

export function setModuleRegistry(registry: ModuleRegistry | undefined): void {
  current = registry;
}

export function moduleRegistry(api: string): ModuleRegistry {
  if (!current) throw unsupportedError(api, "there is no module linker here");
  return current;
}

/** `import(x)` in a linked module, so a mock registered later (vi.doMock) applies to it. */
export function __roadlabImport(importer: string): (specifier: string) => Promise<unknown> {
  return (specifier) => {
    const loading = moduleRegistry("import()").import(importer, String(specifier));
    pending.add(loading);
    void loading.then(settle, settle);
    return loading;
    function settle() {
      pending.delete(loading);
    }
  };
}

const pending = new Set<Promise<unknown>>();

/** vi.dynamicImportSettled: until every dynamic import started so far (and those they start) is done. */
export async function dynamicImportSettled(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}

const exportsByToken = new Map<number, Record<PropertyKey, unknown>>();
let nextToken = 0;

/** Keeps a mock's exports for the facade module that re-exports them; returns its token. */
export function keepMockExports(exports: Record<PropertyKey, unknown>): number {
  exportsByToken.set(++nextToken, exports);
  return nextToken;
}

export function __roadlabMockExports(token: number): Record<PropertyKey, unknown> {
  return exportsByToken.get(token) ?? {};
}

export function forgetMockExports(): void {
  exportsByToken.clear();
}

/** Vitest's automocker (@vitest/mocker's mockObject, as its VitestMocker calls it). */
export function automock(module: object, type: "automock" | "autospy"): Record<PropertyKey, unknown> {
  const exports = Object.create(null) as Record<PropertyKey, unknown>;
  Object.defineProperty(exports, Symbol.toStringTag, { value: "Module", configurable: true, writable: true });
  const globalConstructors = { Object, Error, Function, RegExp, Symbol: globalThis.Symbol, Array, Map };
  return mockObject({ globalConstructors, createMockInstance, type }, module as Record<PropertyKey, unknown>, exports) as Record<PropertyKey, unknown>;
}

/**
 * What an import gets for a name a mock factory left out: Vitest's mock module is a Proxy that
 * throws on such an access; an ES module binding cannot, so the value throws at its first use.
 */
export function missingExport(name: string, raw: string): unknown {
  const fail = () => {
    throw new Error(
      `[vitest] No "${name}" export is defined on the "${raw}" mock. Did you forget to return it from "vi.mock"?\n` +
        `If you need to partially mock a module, you can use "importOriginal" helper inside:\n`,
    );
  };
  const traps = ["apply", "construct", "get", "set", "has", "ownKeys", "defineProperty", "deleteProperty", "getOwnPropertyDescriptor"];
  return new Proxy(function missing() {}, Object.fromEntries(traps.map((trap) => [trap, fail])));
}

const SANDBOX_FRAME = /sandbox:\/\/\/([^\s():]+):\d+:\d+/;

/** The linked module that called a vi.* function, from the stack (as Vitest's getImporter does). */
export function callerModule(fallback: string | undefined): string {
  const stack = new Error().stack ?? "";
  const frame = SANDBOX_FRAME.exec(stack);
  if (frame) return frame[1];
  if (fallback) return fallback;
  throw new Error("[vitest] cannot tell which module called the mocking API");
}
