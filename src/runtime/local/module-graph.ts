import { init, parse, type Import } from "es-module-lexer";
import { importProblem, isRelativeSpecifier } from "../../exercises/packages";
import { resolveRelative } from "../../exercises/resolve";
import { hoistMocks, unwrapImportArguments } from "./hoist-mocks";
import { ModuleMocks, type MockLinker } from "./module-mocks";
import { createModuleUrl } from "./hardening/module-urls";
import { LearnerSyntaxError, transpile } from "./transpile";
import { currentTestPath } from "./vitest/expect";
import { forgetMockExports, setModuleRegistry } from "./vitest/module-mocker";

/** Turns a specifier's target into a URL the module can import, or undefined when it may not. */
export type PackageUrl = (specifier: string) => string | undefined;

export interface ModuleGraph {
  /** Links a file and what it imports, as the module registry stands now; returns its URL. */
  link(file: string): Promise<string>;
  /**
   * Imports a test file with a module registry of its own, as Vitest isolates test files: every
   * module it imports is evaluated afresh, and its mocks apply to nothing else.
   */
  load(file: string): Promise<unknown>;
  dispose(): void;
}

/** Where a linked module's code lives; blob: URLs in the worker, plain strings in unit tests. */
export interface ModuleStore {
  create(code: string, file: string): string;
  revoke(url: string): void;
}

const blobStore: ModuleStore = {
  create: (code) => createModuleUrl(code),
  revoke: (url) => URL.revokeObjectURL(url),
};

/**
 * The bare specifiers the given files import, so their packages' chunks load before linking.
 * Files that do not parse are skipped here; linking reports them.
 */
export async function bareImports(files: Record<string, string>): Promise<string[]> {
  await init;
  const found = new Set<string>();
  for (const [file, code] of Object.entries(files)) {
    try {
      const [imports] = parse(transpile(code, file), file);
      for (const imp of imports) if (imp.specifier !== undefined && imp.type !== "import-meta" && !isRelativeSpecifier(imp.specifier)) found.add(imp.specifier);
    } catch {
      // linking reports it, with the learner's line and column
    }
  }
  return [...found];
}


export class LinkError extends Error {
  override name = "LinkError";
}

/** Packages are module ids too, set apart from file paths. */
const PACKAGE = "npm:";

/**
 * Links exercise files into ES modules in a worker, which has no import maps: every file becomes
 * a blob: URL whose import specifiers are rewritten to other blob: URLs, to the URL of a curated
 * package, or to a mock of either (see ./module-mocks.ts). Files are linked lazily, dependencies
 * first, when something imports them, so mocks registered before then apply.
 */
export async function linkModules(
  files: Record<string, string>,
  packageUrl: PackageUrl,
  allowed: readonly string[],
  store: ModuleStore = blobStore,
): Promise<ModuleGraph> {
  await init;
  const created: string[] = [];
  const exists = (path: string) => Object.hasOwn(files, path);
  const vitestUrl = () => packageUrl("vitest");
  /** One module registry per test file, as Vitest isolates test files. */
  const scopes = new Map<string, Scope>();
  let loading: string | undefined;
  const scope = (): Scope => {
    const file = currentTestPath() ?? loading ?? "";
    let found = scopes.get(file);
    if (!found) scopes.set(file, (found = createScope()));
    return found;
  };
  setModuleRegistry({
    mock: (importer, path, factory) => scope().mocks.mock(importer, path, factory),
    unmock: (importer, path) => scope().mocks.unmock(importer, path),
    importActual: (importer, path) => scope().mocks.importActual(importer, path),
    importMock: (importer, path) => scope().mocks.importMock(importer, path),
    resetModules: () => scope().mocks.resetModules(),
    import: (importer, specifier) => scope().mocks.import(importer, specifier),
  });

  function resolveId(importer: string, specifier: string): string {
    if (isRelativeSpecifier(specifier)) {
      const target = resolveRelative(importer, specifier, exists);
      if (!target) throw new LinkError(`${importer}: cannot import "${specifier}" — no such file`);
      return target;
    }
    const problem = importProblem(specifier, allowed);
    if (problem) throw new LinkError(`${importer}: ${problem}`);
    if (!packageUrl(specifier)) throw new LinkError(`${importer}: cannot import "${specifier}": its module did not load`);
    return PACKAGE + specifier;
  }

  function imports(file: string, js: string): readonly Import[] {
    try {
      return parse(js, file)[0];
    } catch (error) {
      throw new LearnerSyntaxError(`Syntax error in ${file}: ${(error as Error).message}`);
    }
  }

  function createScope(): Scope {
    /** Each module's real (unmocked) URL, per module id; cleared by vi.resetModules. */
    let linked = new Map<string, Promise<string>>();
    const linker: MockLinker = {
      resolve: resolveId,
      realUrl: (id) => realUrl(id, []),
      urlFor: (id, names) => urlFor(id, names, []),
      exists,
      createFacade(code, id) {
        const url = store.create(code, `mock:${id}`);
        created.push(url);
        return url;
      },
      vitestUrl,
      resetModules: () => {
        linked = new Map();
      },
    };
    const mocks = new ModuleMocks(linker);

    /** The URL an import of `id` gets: its mock if one is registered, else the module itself. */
    function urlFor(id: string, names: string[], chain: string[]): Promise<string> {
      return mocks.isMocked(id) ? mocks.mockUrl(id, names) : realUrl(id, chain);
    }

    function realUrl(id: string, chain: string[]): Promise<string> {
      if (id.startsWith(PACKAGE)) return Promise.resolve(packageUrl(id.slice(PACKAGE.length))!);
      if (chain.includes(id)) {
        throw new LinkError(`${id}: circular imports are not supported in the in-page runtime (${[...chain, id].join(" → ")})`);
      }
      let url = linked.get(id);
      if (!url) {
        url = linkFile(id, [...chain, id]);
        linked.set(id, url);
      }
      return url;
    }

    async function linkFile(file: string, chain: string[]): Promise<string> {
      const js = unwrapImportArguments(transpile(files[file], file));
      const hoisted = hoistMocks(js, imports(file, js));
      const code = await rewrite(file, hoisted, imports(file, hoisted), chain);
      // sourceURL makes stack frames read `sandbox:///main.ts:3:9` instead of an opaque blob: URL.
      const url = store.create(`${code}\n//# sourceURL=sandbox:///${file}`, file);
      created.push(url);
      return url;
    }

    async function rewrite(file: string, js: string, found: readonly Import[], chain: string[]): Promise<string> {
      let out = "";
      let last = 0;
      let dynamic = false;
      for (const imp of found) {
        if (imp.type === "dynamic") {
          // Resolved when it runs, against the registry as it is then (vi.doMock, vi.resetModules).
          out += js.slice(last, imp.importStart) + `__vi_import__(${JSON.stringify(file)})`;
          last = imp.importStart + "import".length;
          dynamic = true;
          continue;
        }
        if (imp.type !== "static" && imp.type !== "reexport-star") continue;
        const target = await urlFor(resolveId(file, imp.specifier), importedNames(js.slice(imp.importStart, imp.start)), chain);
        out += js.slice(last, imp.start) + target;
        last = imp.end;
      }
      out += js.slice(last);
      return dynamic ? `import { __roadlabImport as __vi_import__ } from "${vitestUrl()}"; ${out}` : out;
    }

    return { mocks, realUrl: (id) => realUrl(id, []) };
  }

  return {
    link: (file) => scope().realUrl(file),
    async load(file) {
      loading = file;
      try {
        const fresh = createScope();
        scopes.set(file, fresh);
        return await import(/* @vite-ignore */ await fresh.realUrl(file));
      } finally {
        loading = undefined;
      }
    },
    dispose() {
      for (const url of created.splice(0)) store.revoke(url);
      scopes.clear();
      forgetMockExports();
      setModuleRegistry(undefined);
    },
  };
}

interface Scope {
  mocks: ModuleMocks;
  realUrl(id: string): Promise<string>;
}

/** The names `import { a, b as c } from` / `export { a } from` takes from a module (for mock facades). */
function importedNames(statement: string): string[] {
  const names: string[] = [];
  const named = /\{([^}]*)\}/.exec(statement);
  for (const part of named ? named[1].split(",") : []) {
    const name = part.trim().split(/\s+as\s+/)[0].replace(/^["']|["']$/g, "");
    if (name) names.push(name);
  }
  if (/^import\s+[\w$]+\s*(,|from)/.test(statement)) names.push("default");
  return names;
}
