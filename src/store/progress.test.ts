import { describe, expect, it } from "vitest";
import type { RunResults } from "../runtime/results";
import { nextProgress, passedAll, progressStatus } from "./progress";

const run = (status: RunResults["status"], tests: RunResults["tests"]): RunResults => ({ version: 2, status, tests });
const pass = run("pass", [{ name: "a", status: "pass" }]);
const fail = run("fail", [{ name: "a", status: "pass" }, { name: "b", status: "fail", message: "nope" }]);

describe("progress transitions", () => {
  it("starts as not started", () => {
    expect(progressStatus(undefined)).toBe("not-started");
  });

  it("an edit or a started run makes it in progress", () => {
    expect(nextProgress(undefined, { type: "edited" }, 1)).toEqual({ status: "in-progress", updatedAt: 1 });
    expect(nextProgress(undefined, { type: "run-started" }, 2).status).toBe("in-progress");
  });

  it("a failing or erroring run keeps it in progress", () => {
    expect(nextProgress(undefined, { type: "ran", results: fail }, 1).status).toBe("in-progress");
    expect(nextProgress({ status: "in-progress", updatedAt: 0 }, { type: "ran", results: run("error", []) }, 1).status).toBe("in-progress");
  });

  it("a run with every test passing passes it", () => {
    expect(nextProgress({ status: "in-progress", updatedAt: 0 }, { type: "ran", results: pass }, 3)).toEqual({ status: "passed", updatedAt: 3 });
  });

  it("passed stays passed after edits and failing runs", () => {
    const passed = { status: "passed", updatedAt: 0 } as const;
    expect(nextProgress(passed, { type: "edited" }, 1).status).toBe("passed");
    expect(nextProgress(passed, { type: "ran", results: fail }, 2).status).toBe("passed");
  });

  it("a run where everything was skipped does not count as passing", () => {
    expect(passedAll(run("pass", [{ name: "a", status: "skip" }, { name: "b", status: "todo" }]))).toBe(false);
    expect(passedAll(run("pass", [{ name: "a", status: "pass" }, { name: "b", status: "skip" }]))).toBe(true);
  });
});
