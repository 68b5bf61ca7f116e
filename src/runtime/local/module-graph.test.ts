import { describe, expect, it } from "vitest";
import { bareImports, linkModules, LinkError, type ModuleStore } from "./module-graph";
import { LearnerSyntaxError } from "./transpile";

function memoryStore() {
  const modules = new Map<string, string>();
  const store: ModuleStore = {
    create: (code, file) => {
      const url = `mem:${file}`;
      modules.set(url, code);
      return url;
    },
    revoke: (url) => modules.delete(url),
  };
  return { store, modules };
}

const packageUrl = (specifier: string) => `pkg:${specifier}`;
const allowed = ["vitest", "@roadlab/db"];

describe("linkModules", () => {
  it("rewrites relative imports, with or without extensions, to linked modules", async () => {
    const { store, modules } = memoryStore();
    const graph = await linkModules(
      {
        "main.ts": 'import { helper } from "./lib/helper.js";\nexport const main = (n: number): number => helper(n);',
        "lib/helper.ts": 'export { twice as helper } from "./math";',
        "lib/math/index.ts": "export const twice = (n: number) => n * 2;",
        "tests/main.test.ts": 'import { it } from "vitest";\nimport { main } from "../main";\nit("x", () => main(1));',
      },
      packageUrl,
      allowed,
      store,
    );
    expect(await graph.link("tests/main.test.ts")).toBe("mem:tests/main.test.ts");
    const test = modules.get("mem:tests/main.test.ts")!;
    expect(test).toContain('from "pkg:vitest"');
    expect(test).toContain('from "mem:main.ts"');
    expect(modules.get("mem:main.ts")).toContain('from "mem:lib/helper.ts"');
    expect(modules.get("mem:lib/helper.ts")).toContain('from "mem:lib/math/index.ts"');
  });

  it("strips types but keeps line numbers, and names each module for stack traces", async () => {
    const { store, modules } = memoryStore();
    const graph = await linkModules({ "main.ts": "interface A { x: number }\n\nexport const f = (a: A): number => {\n  throw new Error('line 4');\n};" }, packageUrl, allowed, store);
    await graph.link("main.ts");
    const code = modules.get("mem:main.ts")!;
    expect(code.split("\n")[3]).toContain("throw new Error('line 4')");
    expect(code).not.toContain(": number");
    expect(code.trimEnd().endsWith("//# sourceURL=sandbox:///main.ts")).toBe(true);
  });

  it("sends dynamic imports through the module registry, resolved when they run", async () => {
    const { store, modules } = memoryStore();
    const graph = await linkModules({ "main.ts": 'export const load = () => import("./lazy");', "lazy.ts": "export const x = 1;" }, packageUrl, allowed, store);
    await graph.link("main.ts");
    const code = modules.get("mem:main.ts")!;
    expect(code).toContain('import { __roadlabImport as __vi_import__ } from "pkg:vitest";');
    expect(code).toContain('__vi_import__("main.ts")("./lazy")');
    expect(modules.has("mem:lazy.ts")).toBe(false);
  });

  it("refuses a missing relative file, naming the importer and the specifier", async () => {
    const graph = await linkModules({ "main.ts": 'import { x } from "./nope";\nexport const y = x;' }, packageUrl, allowed, memoryStore().store);
    await expect(graph.link("main.ts")).rejects.toThrow(new LinkError('main.ts: cannot import "./nope" — no such file'));
  });

  it("refuses a package the exercise does not allow", async () => {
    const graph = await linkModules({ "main.ts": 'import pad from "left-pad";\nexport const y = pad("1", 2);' }, packageUrl, allowed, memoryStore().store);
    await expect(graph.link("main.ts")).rejects.toThrow('main.ts: cannot import "left-pad": not a package Roadlab provides — curated packages: ');
  });

  it("names the packages entry that would allow a curated package the exercise does not list", async () => {
    const graph = await linkModules({ "main.ts": 'import { cors } from "hono/cors";\nexport const c = cors;' }, packageUrl, allowed, memoryStore().store);
    await expect(graph.link("main.ts")).rejects.toThrow(
      new LinkError('main.ts: cannot import "hono/cors": this exercise does not list it — add "hono" to "packages" in exercise.json to allow it'),
    );
  });

  it("reports a syntax error with file, line and column", async () => {
    const graph = await linkModules({ "main.ts": "export function add(a: number, b: number) {\n  return a +* b;\n}" }, packageUrl, allowed, memoryStore().store);
    await expect(graph.link("main.ts")).rejects.toThrow(LearnerSyntaxError);
    await expect(graph.link("main.ts")).rejects.toThrow(/^Syntax error at main\.ts:2:13: Unexpected token$/);
  });

  it("refuses circular imports with the cycle spelt out", async () => {
    const graph = await linkModules({ "a.ts": 'import "./b";', "b.ts": 'import "./a";' }, packageUrl, allowed, memoryStore().store);
    await expect(graph.link("a.ts")).rejects.toThrow("a.ts → b.ts → a.ts");
  });

  it("revokes every module it created on dispose", async () => {
    const { store, modules } = memoryStore();
    const graph = await linkModules({ "main.ts": 'import "./dep";', "dep.ts": "export {};" }, packageUrl, allowed, store);
    await graph.link("main.ts");
    expect(modules.size).toBe(2);
    graph.dispose();
    expect(modules.size).toBe(0);
  });

  it("hoists vi.mock above the test file's imports, which become awaited imports, on the same lines", async () => {
    const { store, modules } = memoryStore();
    const test = [
      'import { it, vi } from "vitest";',
      'import { main } from "../main";',
      "const m = vi.hoisted(() => ({ n: 2 }));",
      'vi.mock("../main", () => ({ main: () => m.n }));',
      'it("x", () => { throw new Error(`line 5 ${main()}`); });',
    ].join("\n");
    const graph = await linkModules({ "main.ts": "export const main = () => 1;", "tests/m.test.ts": test }, packageUrl, allowed, store);
    await graph.link("tests/m.test.ts");
    const lines = modules.get("mem:tests/m.test.ts")!.split("\n");
    expect(lines[0]).toMatch(/const m = __vi_hoisted_0__\(\); __vi_hoisted_1__\(\); const __vi_import_1__ = await __vi_import__\("tests\/m\.test\.ts"\)\("\.\.\/main"\);/);
    expect(lines[0]).toContain('from "pkg:vitest"');
    expect(lines[1]).toBe(";");
    expect(lines[2]).toBe("function __vi_hoisted_0__(){return vi.hoisted(() => ({ n: 2 }));}");
    expect(lines[3]).toBe('function __vi_hoisted_1__(){vi.mock("../main", () => ({ main: () => m.n }));}');
    expect(lines[4]).toContain("throw new Error(`line 5");
    expect(modules.has("mem:main.ts")).toBe(false);
  });
  it("lists the bare specifiers files import, so only their packages' chunks load (type-only imports are erased)", async () => {
    const specifiers = await bareImports({
      "main.ts": 'import { Hono } from "hono";\nimport type { Context } from "hono/streaming";\nimport { x } from "./x";\nexport const app = new Hono<Context>(x);\nexport const y = await import("zod");',
      "tests/a.test.ts": 'import { it } from "vitest";\nimport "../main";\nit("runs", () => {});',
      "broken.ts": "import { from",
    });
    expect(specifiers.sort()).toEqual(["hono", "vitest", "zod"]);
  });
});
