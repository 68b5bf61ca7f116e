import { init, parse } from "es-module-lexer";
import { beforeAll, describe, expect, it } from "vitest";
import { hoistMocks, unwrapImportArguments } from "./hoist-mocks";

beforeAll(() => init);
const hoist = (js: string) => hoistMocks(js, parse(js)[0]);

describe("hoistMocks", () => {
  it("leaves a module without vi.mock, vi.unmock or vi.hoisted alone", () => {
    const js = 'import { a } from "./a";\nvi.doMock("./a");\n';
    expect(hoist(js)).toBe(js);
  });

  it("runs hoisted calls in source order, then the imports, keeping every line where it was", () => {
    const js = [
      'import { vi } from "vitest";',
      'import def, { a, b as c } from "./a";',
      'import * as ns from "./ns";',
      'import "./side";',
      'vi.mock("./a", () => ({ a: 1 }))',
      "const { x, y } = await vi.hoisted(async () => ({ x: 1, y: 2 }));",
      "vi.unmock('./ns');",
      "console.log(def, a, c, ns, x, y);",
    ].join("\n");
    const lines = hoist(js).split("\n");
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe(
      "__vi_hoisted_0__(); const { x, y } = await __vi_hoisted_1__(); __vi_hoisted_2__(); " +
        'const __vi_import_1__ = await import("./a"); const { default: def, a, b: c } = __vi_import_1__; ' +
        'const __vi_import_2__ = await import("./ns"); const ns = __vi_import_2__; const __vi_import_3__ = await import("./side"); ' +
        'import { vi } from "vitest";',
    );
    expect(lines.slice(1, 4)).toEqual([";", ";", ";"]);
    expect(lines[4]).toBe('function __vi_hoisted_0__(){vi.mock("./a", () => ({ a: 1 }))}');
    expect(lines[5]).toBe("async function __vi_hoisted_1__(){return vi.hoisted(async () => ({ x: 1, y: 2 }));}");
    expect(lines[6]).toBe("function __vi_hoisted_2__(){vi.unmock('./ns');}");
  });

  it("does not hoist calls nested in functions, strings, templates, comments or regular expressions", () => {
    const js = [
      'import { it, vi } from "vitest";',
      'it("x", () => { vi.mock("./a"); });',
      'const s = "vi.mock(1)", t = `${"vi.mock("}`, r = /vi.mock\\(/; // vi.mock(',
      "/* vi.mock('./b') */",
    ].join("\n");
    expect(hoist(js)).toBe(js);
  });

  it("keeps a multi-line hoisted declaration's lines", () => {
    const js = 'import { vi } from "vitest";\nconst {\n  a,\n} = vi.hoisted(() => ({ a: 1 }));\nvi.mock("./x", () => ({ a }));';
    const out = hoist(js).split("\n");
    expect(out).toHaveLength(5);
    expect(out[0]).toContain("const { a, } = __vi_hoisted_0__();");
    expect(out[3]).toBe("function __vi_hoisted_0__(){return vi.hoisted(() => ({ a: 1 }));}");
  });
});

describe("unwrapImportArguments", () => {
  it("turns vi.mock(import('./x')) into vi.mock('./x'), as Vitest does", () => {
    expect(unwrapImportArguments('vi.mock(import("./x"), f); vi.doMock(await import(\'./y\'))')).toBe("vi.mock(\"./x\", f); vi.doMock('./y')");
  });
});
