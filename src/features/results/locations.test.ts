import { describe, expect, it } from "vitest";
import { findLocations, segments } from "./locations";

describe("findLocations", () => {
  it("finds syntax-error and stack-frame locations in learner files", () => {
    const text = "Syntax error at main.ts:3:9: Unexpected token\n    at parse (sandbox:///lib/util.ts:12:5)";
    expect(findLocations(text, ["main.ts", "lib/util.ts"]).map(({ file, line, column }) => ({ file, line, column }))).toEqual([
      { file: "main.ts", line: 3, column: 9 },
      { file: "lib/util.ts", line: 12, column: 5 },
    ]);
  });

  it("ignores files the learner cannot open, such as hidden tests", () => {
    expect(findLocations("at sandbox:///tests/main.test.ts:4:1", ["main.ts"])).toEqual([]);
  });

  it("accepts a location without a column", () => {
    expect(findLocations("main.ts:7", ["main.ts"])[0]).toMatchObject({ line: 7, column: undefined });
  });
});

describe("segments", () => {
  it("splits text around locations", () => {
    expect(segments("boom at main.ts:2:3!", ["main.ts"])).toEqual([
      { text: "boom at " },
      { text: "main.ts:2:3", location: { file: "main.ts", line: 2, column: 3 } },
      { text: "!" },
    ]);
  });
});
