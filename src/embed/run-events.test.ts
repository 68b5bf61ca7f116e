import { describe, expect, it } from "vitest";
import type { RunResults, TestResult } from "../runtime/results";
import type { RunLog } from "../store/run-log";
import type { EmbedEvent } from "./protocol";
import { runEventsFeed } from "./run-events";

const pass: TestResult = { name: "a", status: "pass" };
const fail: TestResult = { name: "b", status: "fail", message: "expected 1" };

describe("run events for the host", () => {
  it("tells each run's start, each test once, then results and completed", () => {
    const events: EmbedEvent[] = [];
    const feed = runEventsFeed("x", (e) => events.push(e));
    const log: RunLog = { id: 1, slug: "x", startedAt: 0, events: [] };
    feed([log]);
    feed([{ ...log, events: [{ type: "test-start", name: "a" }, { type: "test-end", test: pass }] }]);
    const results: RunResults = { version: 2, status: "fail", tests: [pass, fail] };
    const done: RunLog = { ...log, events: [{ type: "test-end", test: pass }, { type: "test-end", test: fail }], results };
    feed([done]);
    feed([done]);
    expect(events).toEqual([
      { type: "run-started" },
      { type: "test-result", test: pass },
      { type: "test-result", test: fail },
      { type: "results", results },
      { type: "completed", slug: "x", passed: false, score: 50 },
    ]);
  });

  it("says nothing more of a cancelled run, and starts afresh for the next", () => {
    const events: EmbedEvent[] = [];
    const feed = runEventsFeed("x", (e) => events.push(e));
    const cancelled: RunLog = { id: 1, slug: "x", startedAt: 0, events: [], cancelled: true };
    const results: RunResults = { version: 2, status: "pass", tests: [pass] };
    feed([cancelled, { id: 2, slug: "x", startedAt: 1, events: [], results }]);
    expect(events.map((e) => e.type)).toEqual(["run-started", "run-started", "results", "completed"]);
    expect(events.at(-1)).toEqual({ type: "completed", slug: "x", passed: true, score: 100 });
  });

  it("keeps quiet about runs from before the host connected", () => {
    const events: EmbedEvent[] = [];
    const old: RunLog = { id: 1, slug: "x", startedAt: 0, events: [] };
    const feed = runEventsFeed("x", (e) => events.push(e), [old]);
    feed([{ ...old, results: { version: 2, status: "pass", tests: [pass] } }]);
    expect(events).toEqual([]);
  });
});
