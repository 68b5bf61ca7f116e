import { describe, expect, it } from "vitest";
import { restoredLine, restoreReadonly } from "./readonly";

const exercise = { config: { readonly: ["types.ts", "impl.ts"] }, starter: { "types.ts": "A", "impl.ts": "B", "main.ts": "C" } };

describe("restoreReadonly", () => {
  it("replaces changed read-only files, supplies missing ones and keeps the learner's own", () => {
    const { files, restored } = restoreReadonly(exercise, { "impl.ts": "hacked", "main.ts": "mine" });
    expect(files).toEqual({ "types.ts": "A", "impl.ts": "B", "main.ts": "mine" });
    expect(restored).toEqual(["impl.ts"]);
  });

  it("reports nothing when the submitted copies are the exercise's", () => {
    expect(restoreReadonly(exercise, { "types.ts": "A", "impl.ts": "B", "main.ts": "x" }).restored).toEqual([]);
  });

  it("says which files were restored, in one line", () => {
    expect(restoredLine(["impl.ts", "types.ts"])).toBe("Restored impl.ts, types.ts from the exercise's starter/: they are read-only, so the submitted copies were not used.");
  });
});
