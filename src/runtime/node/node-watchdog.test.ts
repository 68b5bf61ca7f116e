import { describe, expect, it } from "vitest";
import { BUDGETS, judge, LOADED_MARKER, SETUP_MARKER } from "./node-watchdog";

const base = { startedAt: 0, timeoutMs: 5_000 };

describe("judge (Node runtime watchdog)", () => {
  it("gives Vitest its start-up budget before anything is reported", () => {
    expect(judge({ ...base, now: 10_000 })).toEqual({ wait: BUDGETS.startupMs - 10_000 });
    expect(judge({ ...base, now: BUDGETS.startupMs })).toEqual({ stuck: true, test: undefined });
  });

  it("waits for a database that is still booting in the setup file", () => {
    const progress = { content: SETUP_MARKER, mtimeMs: 1_000 };
    expect(judge({ ...base, now: 20_000, lastMessageAt: 500, progress })).toEqual({ wait: 1_000 + BUDGETS.setupMs - 20_000 });
  });

  it("keeps a run alive while tests keep starting", () => {
    const progress = { content: "sum > adds", mtimeMs: 9_000 };
    expect(judge({ ...base, now: 10_000, lastMessageAt: 2_000, progress })).toEqual({ wait: 9_000 + 7_000 - 10_000 });
  });

  it("names the test that has been running past its timeout plus grace", () => {
    const progress = { content: "sum > loops", mtimeMs: 3_000 };
    expect(judge({ ...base, now: 10_000, lastMessageAt: 2_000, progress })).toEqual({ stuck: true, test: "sum > loops" });
  });

  it("blames loading when setup finished and no test started in time", () => {
    const progress = { content: LOADED_MARKER, mtimeMs: 3_000 };
    expect(judge({ ...base, now: 10_001, progress })).toEqual({ stuck: true, test: undefined });
  });
});
