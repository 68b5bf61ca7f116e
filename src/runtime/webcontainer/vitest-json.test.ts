import { describe, expect, it } from "vitest";
import report from "./fixtures/vitest-report.json";
import { fromVitestJson, type VitestJsonReport } from "./vitest-json";

// fixtures/vitest-report.json is real output of `vitest run --reporter=json` (Vitest 4.1.12) on a
// test file with a pass, a failing toEqual, a skip, a todo and a test over its 200 ms timeout.
describe("fromVitestJson", () => {
  it("maps names, verdicts and durations to the results model", () => {
    const results = fromVitestJson(report as VitestJsonReport, "/home/project");
    expect(results.status).toBe("fail");
    expect(results.tests.map((t) => [t.name, t.status])).toEqual([
      ["add > adds", "pass"],
      ["add > fails", "fail"],
      ["add > skipped", "skip"],
      ["add > todo", "todo"],
      ["add > slow", "fail"],
    ]);
    expect(results.tests[0].duration_ms).toBeTypeOf("number");
  });

  it("keeps the failure's text and where it was thrown, without the stack", () => {
    const failing = fromVitestJson(report as VitestJsonReport, "/home/project").tests[1];
    expect(failing.message).toBe("AssertionError: expected 3 to deeply equal { a: 1 }\n\nat tests/add.test.ts:5:41");
  });

  it("reports a file that failed to load as an error naming it", () => {
    const results = fromVitestJson(
      { testResults: [{ name: "/home/project/tests/a.test.ts", status: "failed", message: "", assertionResults: [] }] },
      "/home/project",
      "Error: Failed to load url ../nope (resolved id: ../nope) in /home/project/tests/a.test.ts",
    );
    expect(results.status).toBe("error");
    expect(results.message).toMatch(/^tests\/a\.test\.ts failed to load: Error: Failed to load url \.\.\/nope/);
  });

  it("calls a report without tests an error", () => {
    expect(fromVitestJson({ testResults: [] }, "/home/project")).toEqual({ version: 2, status: "error", message: "No tests found", tests: [] });
  });
});
