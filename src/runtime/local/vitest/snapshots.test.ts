import { describe, expect, it } from "vitest";
import { parseSnapshotFile } from "./snapshots";

/** What @vitest/snapshot gets from a `.snap` file where eval is allowed (Node). */
function evaluated(content: string): Record<string, string> {
  const data: Record<string, string> = {};
  new Function("exports", content)(data);
  return data;
}

describe("parseSnapshotFile", () => {
  it("reads the entries Vitest writes, escapes included, as evaluating the file would", () => {
    const content = [
      "// Vitest Snapshot v1, https://vitest.dev/guide/snapshot.html",
      "",
      "exports[`a > b 1`] = `",
      "{",
      '  "x": 1,',
      "}",
      "`;",
      "",
      "exports[`tick \\` and \\${dollar} 1`] = `\"back\\\\slash \\`quoted\\` \\${not} a\\\\nnewline\"`;",
      "",
      "exports[`empty 1`] = ``;",
      "",
    ].join("\n");
    const parsed = parseSnapshotFile(content);
    expect(parsed).toEqual(evaluated(content));
    expect(Object.keys(parsed)).toEqual(["a > b 1", "tick ` and ${dollar} 1", "empty 1"]);
    expect(parsed["tick ` and ${dollar} 1"]).toBe('"back\\slash `quoted` ${not} a\\nnewline"');
  });

  it("finds nothing in a file with no entries", () => {
    expect(parseSnapshotFile("// Vitest Snapshot v1\n")).toEqual({});
  });
});
