import { describe, expect, it } from "vitest";
import { withHelpers } from "./interview";

describe("withHelpers", () => {
  it("ships the helpers the visible tests import, transitively, and nothing else of tests/", () => {
    const tests = {
      "tests/a.test.ts": 'import { w } from "./world";\nimport { x } from "../main";',
      "tests/world.ts": 'export * from "./deep.js";',
      "tests/deep.ts": "",
      "tests/only-for-b.ts": "",
      "tests/b.test.ts": 'import "./only-for-b";',
    };
    expect(withHelpers(tests, ["tests/a.test.ts"])).toEqual(["tests/a.test.ts", "tests/deep.ts", "tests/world.ts"]);
  });
});
