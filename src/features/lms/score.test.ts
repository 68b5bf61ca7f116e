import { describe, expect, it } from "vitest";
import type { RunResults, TestResult } from "../../runtime/results";
import { scoreOf } from "./score";

const run = (statuses: TestResult["status"][], extra: Partial<RunResults> = {}): RunResults => ({
  version: 2,
  status: statuses.every((s) => s === "pass") ? "pass" : "fail",
  tests: statuses.map((status, i) => ({ name: `t${i}`, status })),
  ...extra,
});

describe("scoreOf", () => {
  it("is the share of tests passed, leaving skipped and todo tests out", () => {
    expect(scoreOf(run(["pass", "pass", "pass", "pass"]))).toBe(100);
    expect(scoreOf(run(["pass", "fail", "error", "pass"]))).toBe(50);
    expect(scoreOf(run(["pass", "skip", "todo", "fail"]))).toBe(50);
  });

  it("is 0 for a run that could not complete or tampered with the runtime", () => {
    expect(scoreOf({ version: 2, status: "error", message: "Syntax error at main.ts:2:3", tests: [] })).toBe(0);
    expect(scoreOf(run(["pass", "pass"], { status: "error", tampering: [{ what: "wrote Object.is", where: "main.ts:1:1" }] }))).toBe(0);
  });
});
