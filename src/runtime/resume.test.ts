import { describe, expect, it } from "vitest";
import { RunLedger, skipJudged } from "./resume";

const test = (name: string, mode = "run") => ({ type: "test", mode, fullTestName: name });

describe("skipJudged", () => {
  it("skips judged tests, and suites left with nothing to run so their beforeAll stays quiet", () => {
    const done = { type: "suite", mode: "run", tasks: [test("a > one"), test("a > two")] };
    const rest = { type: "suite", mode: "run", tasks: [test("b > one"), test("b > two")] };
    const file = { type: "suite", mode: "run", tasks: [done, rest] };
    skipJudged([file], new Set(["a > one", "a > two", "b > one"]));
    expect([done.mode, rest.mode, file.mode]).toEqual(["skip", "run", "run"]);
    expect(rest.tasks.map((t) => t.mode)).toEqual(["skip", "run"]);
  });
});

describe("RunLedger", () => {
  it("puts earlier verdicts back in place of the resumed attempt's skips, the hung test as timed out", () => {
    const ledger = new RunLedger(400);
    expect(ledger.observe({ type: "test-end", test: { name: "one", status: "pass" } })).toBeDefined();
    expect(ledger.timedOut("two")).toEqual({ name: "two", status: "error", message: "timed out after 400 ms" });
    expect(ledger.skip).toEqual(["one", "two"]);
    // The fresh attempt's reports of skipped tests are not passed on.
    expect(ledger.observe({ type: "test-end", test: { name: "one", status: "skip" } })).toBeUndefined();
    expect(ledger.observe({ type: "test-start", name: "three" })).toBeDefined();
    const merged = ledger.merge({
      version: 2,
      status: "pass",
      tests: [
        { name: "one", status: "skip" },
        { name: "two", status: "skip" },
        { name: "three", status: "pass" },
      ],
    });
    expect(merged).toEqual({
      version: 2,
      status: "error",
      message: 'Test "two" timed out after 400 ms: an infinite loop?',
      tests: [
        { name: "one", status: "pass" },
        { name: "two", status: "error", message: "timed out after 400 ms" },
        { name: "three", status: "pass" },
      ],
    });
  });

  it("keeps a later attempt's own error, with every verdict judged so far", () => {
    const ledger = new RunLedger(400);
    ledger.observe({ type: "test-end", test: { name: "one", status: "pass" } });
    ledger.timedOut("two");
    const merged = ledger.merge({ version: 2, status: "error", message: "Unhandled error: boom", tests: [{ name: "three", status: "pass" }] });
    expect(merged.message).toBe("Unhandled error: boom");
    expect(merged.tests.map((t) => t.name)).toEqual(["one", "two", "three"]);
  });

  it("leaves a run with no hung test exactly as it was", () => {
    const results = { version: 2 as const, status: "fail" as const, tests: [{ name: "one", status: "fail" as const }] };
    expect(new RunLedger(400).merge(results)).toBe(results);
  });

  it("clones into an attempt that can be dropped without touching the original", () => {
    const ledger = new RunLedger(100);
    ledger.observe({ type: "test-end", test: { name: "a", status: "pass" } });
    ledger.timedOut("b");
    const attempt = ledger.clone();
    attempt.observe({ type: "test-end", test: { name: "c", status: "fail" } });
    attempt.timedOut("d");
    expect([...ledger.judged.keys()]).toEqual(["a", "b"]);
    expect(ledger.skip).toEqual(["a", "b"]);
    expect(ledger.attempts).toBe(2);
    expect(attempt.skip).toEqual(["a", "b", "c", "d"]);
    expect(attempt.attempts).toBe(3);
    // Tests judged before still do not come through again.
    expect(attempt.observe({ type: "test-end", test: { name: "a", status: "fail" } })).toBeUndefined();
  });
});
