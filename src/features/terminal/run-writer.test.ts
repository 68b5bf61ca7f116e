import { describe, expect, it } from "vitest";
import { stripAnsi, type RunResults } from "../../runtime/results";
import type { RunLog } from "../../store/run-log";
import { RunWriter } from "./run-writer";

const results: RunResults = { version: 2, status: "pass", tests: [{ name: "a", status: "pass" }] };
const run = (id: number, extra: Partial<RunLog> = {}): RunLog => ({ id, slug: "x", startedAt: 0, events: [], ...extra });

describe("RunWriter", () => {
  it("writes each event once as the run grows, then the summary", () => {
    const writer = new RunWriter();
    expect(stripAnsi(writer.next([run(7)]).text)).toMatch(/Run #1/);
    const started = run(7, { events: [{ type: "test-end", test: results.tests[0] }] });
    expect(stripAnsi(writer.next([started]).text)).toBe("✓ a\n");
    expect(writer.next([started]).text).toBe("");
    const done = run(7, { events: [...started.events, { type: "done", results }], results });
    expect(stripAnsi(writer.next([done]).text)).toBe("All tests passed\n");
    expect(writer.next([done]).text).toBe("");
  });

  it("numbers runs, marks cancelled ones, and uses results when no done event came", () => {
    const writer = new RunWriter();
    writer.next([run(1)]);
    const text = stripAnsi(writer.next([run(1, { cancelled: true }), run(2, { results })]).text);
    expect(text).toMatch(/^Cancelled.*\n\n── \d\d:\d\d:\d\d {2}Run #2 ──\nAll tests passed\n$/);
  });

  it("keeps numbering when old runs drop off the front, and resets for another exercise's list", () => {
    const writer = new RunWriter();
    writer.next([run(1, { results }), run(2, { results })]);
    expect(stripAnsi(writer.next([run(2, { results }), run(3)]).text)).toContain("Run #3");
    const other = writer.next([run(9)]);
    expect(other.reset).toBe(true);
    expect(stripAnsi(other.text)).toContain("Run #1");
    expect(writer.next([]).reset).toBe(true);
  });
});
