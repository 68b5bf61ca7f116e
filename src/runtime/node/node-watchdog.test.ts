import { describe, expect, it } from "vitest";
import { BUDGETS, judge, loggedVerdicts, parseProgress, type ProgressLine, type Step } from "./node-watchdog";

const base = { startedAt: 0, timeoutMs: 5_000 };
const line = (at: number, pid: number, step: Step) => ({ ...step, at, pid }) as ProgressLine;

describe("judge (Node runtime watchdog)", () => {
  it("gives Vitest its start-up budget before any test worker reports", () => {
    expect(judge({ ...base, now: 10_000, progress: [] })).toEqual({ wait: BUDGETS.startupMs - 10_000 });
    expect(judge({ ...base, now: BUDGETS.startupMs, progress: [] })).toEqual({ stuck: true, step: "startup" });
  });

  it("waits for a database that is still booting in the setup file", () => {
    const progress = [line(1_000, 7, { kind: "setup", file: "tests/a.test.ts" })];
    expect(judge({ ...base, now: 20_000, progress })).toEqual({ wait: 1_000 + BUDGETS.setupMs - 20_000 });
  });

  it("measures a test from its own start, whatever the child sends meanwhile", () => {
    const progress = [line(1_000, 7, { kind: "loaded" }), line(3_000, 7, { kind: "test", name: "sum > loops", file: "tests/a.test.ts" })];
    expect(judge({ ...base, now: 9_999, lastMessageAt: 9_000, progress })).toEqual({ wait: 1 });
    expect(judge({ ...base, now: 10_000, lastMessageAt: 9_900, progress })).toEqual({ stuck: true, step: "test", test: "sum > loops", file: "tests/a.test.ts" });
  });

  it("blames loading when setup finished and no test started in time", () => {
    const progress = [line(3_000, 7, { kind: "loaded", file: "tests/a.test.ts" })];
    expect(judge({ ...base, now: 10_001, progress })).toEqual({ stuck: true, step: "loaded", file: "tests/a.test.ts", test: undefined });
  });

  it("watches each test worker on its own and forgets those that finished their file", () => {
    const progress = [
      line(1_000, 7, { kind: "test", name: "a" }),
      line(2_000, 8, { kind: "test", name: "b" }),
      line(2_500, 7, { kind: "done" }),
    ];
    expect(judge({ ...base, now: 8_000, progress })).toEqual({ wait: 1_000 });
    expect(judge({ ...base, now: 9_000, progress })).toMatchObject({ stuck: true, test: "b" });
  });

  it("tells the variants of one process apart: each its own log, pids and time limit", () => {
    const inVariant = (variant: string, l: ProgressLine) => ({ ...l, variant });
    // Logs are read one variant after the other: B's hung test comes first, A's finished file after it, same pid.
    const progress = [
      inVariant("B", line(1_000, 7, { kind: "test", name: "spins", file: "tests/a.test.ts" })),
      inVariant("A", line(500, 7, { kind: "test", name: "quick" })),
      inVariant("A", line(600, 7, { kind: "done" })),
    ];
    const timeoutMs = (variant: string | undefined) => (variant === "B" ? 1_000 : 60_000);
    expect(judge({ ...base, timeoutMs, now: 3_999, progress })).toEqual({ wait: 1 });
    expect(judge({ ...base, timeoutMs, now: 4_000, progress })).toEqual({ stuck: true, step: "test", test: "spins", file: "tests/a.test.ts", variant: "B" });
  });

  it("reads the log, ignoring a line cut short by the kill", () => {
    const text = `${JSON.stringify({ kind: "test", name: "a", at: 1, pid: 2 })}\n{"kind":"te`;
    expect(parseProgress(text)).toEqual([{ kind: "test", name: "a", at: 1, pid: 2 }]);
  });

  it("does not count a logged verdict as a step, and hands verdicts back for a killed child", () => {
    const progress = [line(1_000, 7, { kind: "test", name: "a" }), line(1_500, 7, { kind: "verdict", test: { name: "a", status: "pass" } })];
    expect(judge({ ...base, now: 8_000, progress })).toMatchObject({ stuck: true, test: "a" });
    expect(loggedVerdicts(progress)).toEqual([{ name: "a", status: "pass" }]);
  });
});
