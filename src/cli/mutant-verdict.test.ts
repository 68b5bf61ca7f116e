import { describe, expect, it } from "vitest";
import { errorResults, type RunResults } from "../runtime/results";
import { infrastructureError, isKilled } from "./mutant-verdict";

const failing: RunResults = { version: 2, status: "fail", tests: [{ name: "adds", status: "fail", message: "expected 3 to be 4" }] };
const passing: RunResults = { version: 2, status: "pass", tests: [{ name: "adds", status: "pass" }] };

describe("a mutant's verdict", () => {
  it("is killed by a failing test or by its own error (a throw at import, a hang)", () => {
    expect(isKilled(failing)).toBe(true);
    expect(isKilled(errorResults("tests/add.test.ts failed to load: not ready"))).toBe(true);
    expect(isKilled(errorResults('Test "adds" timed out after 400 ms: an infinite loop?'))).toBe(true);
  });

  it("survives when every test passes", () => {
    expect(isKilled(passing)).toBe(false);
  });

  it("is not killed by the runner failing: a crashed page, a chunk that could not be fetched, Vitest not starting", () => {
    for (const message of [
      "The browser page failed: Target page, context or browser has been closed",
      "Failed to fetch dynamically imported module: http://127.0.0.1:4173/assets/runtime.worker-abc.js",
      "Could not start Vitest: spawn ENOENT",
    ]) {
      expect(isKilled(errorResults(message)), message).toBe(false);
      expect(infrastructureError(errorResults(message))).toBe(message);
    }
    expect(infrastructureError(failing)).toBeUndefined();
  });
});
