import { describe, expect, it } from "vitest";
import { joinPath, resolveRelative } from "./resolve";
import { scanImports } from "./imports";

const files = new Set(["main.ts", "lib/util.ts", "lib/index.ts", "db/index.js", "tests/helpers.ts"]);
const exists = (p: string) => files.has(p);

describe("resolveRelative", () => {
  it("resolves with or without an extension, and .js to .ts", () => {
    expect(resolveRelative("tests/a.test.ts", "../main", exists)).toBe("main.ts");
    expect(resolveRelative("tests/a.test.ts", "../main.ts", exists)).toBe("main.ts");
    expect(resolveRelative("tests/a.test.ts", "../main.js", exists)).toBe("main.ts");
  });

  it("resolves index files and sibling folders", () => {
    expect(resolveRelative("main.ts", "./lib", exists)).toBe("lib/index.ts");
    expect(resolveRelative("main.ts", "./db", exists)).toBe("db/index.js");
    expect(resolveRelative("lib/util.ts", "../main", exists)).toBe("main.ts");
    expect(resolveRelative("tests/a.test.ts", "./helpers", exists)).toBe("tests/helpers.ts");
  });

  it("finds nothing for missing files or paths above the root", () => {
    expect(resolveRelative("main.ts", "./missing", exists)).toBeUndefined();
    expect(resolveRelative("main.ts", "../main", exists)).toBeUndefined();
    expect(joinPath("", "../x")).toBe("../x");
  });
});

describe("scanImports", () => {
  it("lists static, re-export and dynamic imports, but not type-only ones", async () => {
    const code = `
      import type { Db } from "@roadlab/db";
      import { x } from "./a";
      export * from "./b";
      const c = await import("./c");
      import unused from "left-pad";
      let y: Array<Db> = [];
    `;
    expect((await scanImports(code, "main.ts")).specifiers).toEqual(["./a", "./b", "./c", "left-pad"]);
  });

  it("reports a file it cannot parse", async () => {
    const scan = await scanImports("export const = 1;", "main.ts");
    expect(scan.error).toBeTruthy();
  });
});
