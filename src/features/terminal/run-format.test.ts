import { describe, expect, it } from "vitest";
import { stripAnsi } from "../../runtime/results";
import { formatCancelled, formatEvent, formatRunHeader } from "./run-format";

const plain = (text: string) => stripAnsi(text);

describe("run output", () => {
  it("heads each run with its local time and number", () => {
    const startedAt = new Date(2026, 0, 2, 9, 5, 7).getTime();
    expect(plain(formatRunHeader({ startedAt }, 3))).toBe("── 09:05:07  Run #3 ──\n");
  });

  it("prints a line per finished test with a coloured mark", () => {
    const pass = formatEvent({ type: "test-end", test: { name: "add > adds", status: "pass", duration_ms: 2.4 } });
    expect(pass).toContain("\x1b[32m✓\x1b[39m");
    expect(plain(pass)).toBe("✓ add > adds 2 ms\n");
    expect(plain(formatEvent({ type: "test-end", test: { name: "later", status: "todo" } }))).toBe("↓ later [todo]\n");
    expect(formatEvent({ type: "test-end", test: { name: "x", status: "skip" } })).toContain("\x1b[33m↓");
    expect(formatEvent({ type: "test-start", name: "x" })).toBe("");
  });

  it("follows a failure with the learner's console output and the message, indented", () => {
    const text = formatEvent({
      type: "test-end",
      test: { name: "sum", status: "fail", message: "expected 3\nat main.ts:2:9", output: "debug 1\ndebug 2\n" },
    });
    expect(text).toContain("\x1b[31m✗\x1b[39m");
    expect(plain(text)).toBe("✗ sum\n  │ debug 1\n  │ debug 2\n    expected 3\n    at main.ts:2:9\n");
  });

  it("ends with the summary, or the error that stopped the run", () => {
    const tests = [{ name: "a", status: "pass" as const }, { name: "b", status: "fail" as const }];
    expect(plain(formatEvent({ type: "done", results: { version: 2, status: "fail", tests } }))).toBe("1 of 2 passed\n");
    expect(plain(formatEvent({ type: "done", results: { version: 2, status: "pass", tests: [tests[0]] } }))).toBe(
      "All tests passed\n",
    );
    const error = formatEvent({ type: "done", results: { version: 2, status: "error", message: "Syntax error at main.ts:2:13", tests: [] } });
    expect(error).toContain("\x1b[31m");
    expect(plain(error)).toBe("Syntax error at main.ts:2:13\n");
    expect(plain(formatCancelled())).toMatch(/^Cancelled/);
  });
});

describe("untrusted text", () => {
  it("shows control characters as symbols but keeps colours in messages", () => {
    const text = formatEvent({
      type: "test-end",
      test: { name: "rejects \x7f and \x1b[2J", status: "fail", message: "\x1b[32m- Expected\x1b[39m\r\nbad\x07", output: "a\rb\n" },
    });
    expect(text).toContain("rejects ␡ and ␛[2J");
    expect(text).toContain("\x1b[32m- Expected\x1b[39m\n");
    expect(text).toContain("bad␇");
    expect(text).toContain("a␍b");
  });
});
