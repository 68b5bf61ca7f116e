import { ManualMockedModule } from "@vitest/mocker";
import { automock, keepMockExports, missingExport, type MockFactory, type MockOptions, type ModuleRegistry } from "./vitest/module-mocker";

/** What the mocks need from the linker of one test file's modules (./module-graph.ts). */
export interface MockLinker {
  /** A specifier, as `importer` writes it, to a module id (a file path or `npm:<specifier>`). */
  resolve(importer: string, specifier: string): string;
  /** The module itself, never its mock. */
  realUrl(id: string): Promise<string>;
  /** What an import of `id` gets now; `names` are the bindings the importer takes. */
  urlFor(id: string, names: string[]): Promise<string>;
  exists(path: string): boolean;
  createFacade(code: string, id: string): string;
  vitestUrl(): string | undefined;
  resetModules(): void;
}

type Mock = { raw: string } & (
  | { type: "manual"; module: ManualMockedModule }
  | { type: "automock" | "autospy" }
  | { type: "redirect"; file: string }
);

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * One test file's module mocks, with Vitest's semantics (its VitestMocker): a factory runs once
 * per registration, when the module is first imported; without one, a `__mocks__` file beside the
 * module (or at the root, for a package) replaces it, else the module is automocked. Registering
 * or unregistering a mock affects imports from then on; modules already imported keep theirs.
 */
export class ModuleMocks implements ModuleRegistry {
  private readonly mocks = new Map<string, Mock>();
  private exports = new Map<string, Promise<Record<PropertyKey, unknown>>>();
  private facades = new Map<string, Promise<string>>();

  constructor(private readonly linker: MockLinker) {}

  isMocked(id: string): boolean {
    return this.mocks.has(id);
  }

  mock(importer: string, path: string, factory?: MockFactory | MockOptions): void {
    const id = this.linker.resolve(importer, path);
    if (typeof factory === "function") {
      const module = new ManualMockedModule(path, id, id, () => factory(() => this.importActual(importer, path)));
      this.mocks.set(id, { raw: path, type: "manual", module });
    } else if (factory?.spy) {
      this.mocks.set(id, { raw: path, type: "autospy" });
    } else {
      const file = this.redirect(id);
      this.mocks.set(id, file ? { raw: path, type: "redirect", file } : { raw: path, type: "automock" });
    }
    this.invalidate(id);
  }

  unmock(importer: string, path: string): void {
    const id = this.linker.resolve(importer, path);
    this.mocks.delete(id);
    this.invalidate(id);
  }

  async importActual(importer: string, path: string): Promise<unknown> {
    return import(/* @vite-ignore */ await this.linker.realUrl(this.linker.resolve(importer, path)));
  }

  async importMock(importer: string, path: string): Promise<unknown> {
    const id = this.linker.resolve(importer, path);
    if (this.mocks.has(id)) return import(/* @vite-ignore */ await this.mockUrl(id, []));
    const file = this.redirect(id);
    if (file) return import(/* @vite-ignore */ await this.linker.realUrl(file));
    return automock(await import(/* @vite-ignore */ await this.linker.realUrl(id)), "automock");
  }

  async import(importer: string, specifier: string): Promise<unknown> {
    return import(/* @vite-ignore */ await this.linker.urlFor(this.linker.resolve(importer, specifier), []));
  }

  /** Modules are evaluated again when next imported, mocks' factories too; registrations stay. */
  resetModules(): void {
    this.linker.resetModules();
    this.exports = new Map();
    this.facades = new Map();
  }

  /** A module that re-exports the mock's exports, and `names` whether the mock has them or not. */
  mockUrl(id: string, names: string[]): Promise<string> {
    const mock = this.mocks.get(id)!;
    if (mock.type === "redirect") return this.linker.realUrl(mock.file);
    const key = `${id}\0${names.join(",")}`;
    let url = this.facades.get(key);
    if (!url) {
      url = this.mockExports(id, mock).then((exports) => this.facade(id, exports, names, mock.raw));
      this.facades.set(key, url);
    }
    return url;
  }

  private mockExports(id: string, mock: Exclude<Mock, { type: "redirect" }>): Promise<Record<PropertyKey, unknown>> {
    let exports = this.exports.get(id);
    if (!exports) {
      exports =
        mock.type === "manual"
          ? Promise.resolve(mock.module.resolve() as Record<PropertyKey, unknown>)
          : this.linker.realUrl(id).then(async (url) => automock(await import(/* @vite-ignore */ url), mock.type));
      this.exports.set(id, exports);
    }
    return exports;
  }

  private facade(id: string, exports: Record<PropertyKey, unknown>, names: string[], raw: string): string {
    const all = [...new Set([...Object.keys(exports), ...names])].filter((name) => name !== "__esModule");
    const view: Record<PropertyKey, unknown> = {};
    for (const name of all) view[name] = name in exports ? exports[name] : missingExport(name, raw);
    const token = keepMockExports(view);
    const lines = [`import { __roadlabMockExports } from ${JSON.stringify(this.linker.vitestUrl())};`, `const m = __roadlabMockExports(${token});`];
    const exported = all.map((name, i) => {
      lines.push(`const v${i} = m[${JSON.stringify(name)}];`);
      return `v${i} as ${IDENTIFIER.test(name) ? name : JSON.stringify(name)}`;
    });
    lines.push(`export { ${exported.join(", ")} };`);
    return this.linker.createFacade(lines.join("\n"), id);
  }

  /** Vitest's findMockRedirect: `dir/__mocks__/file` for a file, `__mocks__/<name>` for a package. */
  private redirect(id: string): string | undefined {
    const candidates = id.startsWith("npm:")
      ? [`__mocks__/${id.slice(4)}`]
      : [id.replace(/(^|\/)([^/]+)$/, "$1__mocks__/$2")];
    for (const candidate of candidates) {
      for (const file of [candidate, candidate.replace(/\.ts$/, ""), `${candidate.replace(/\.ts$/, "")}.ts`]) {
        if (this.linker.exists(file)) return file;
      }
    }
    return undefined;
  }

  private invalidate(id: string) {
    this.exports.delete(id);
    for (const key of [...this.facades.keys()]) if (key.startsWith(`${id}\0`)) this.facades.delete(key);
  }
}
