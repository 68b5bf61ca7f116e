import { overallStatus, stripAnsi, type RunResults, type TestResult } from "../results";

/** The part of Vitest's JSON reporter output the runtime reads. */
export interface VitestJsonReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: {
      ancestorTitles: string[];
      title: string;
      status: "passed" | "failed" | "skipped" | "pending" | "todo" | "disabled";
      duration?: number | null;
      failureMessages: string[];
    }[];
  }[];
}

/** Maps a Vitest JSON report to the results model every runtime produces. */
export function fromVitestJson(report: VitestJsonReport, projectRoot: string, output = ""): RunResults {
  const tests: TestResult[] = [];
  for (const file of report.testResults) {
    const relative = file.name.startsWith(`${projectRoot}/`) ? file.name.slice(projectRoot.length + 1) : file.name;
    if (file.status === "failed" && file.assertionResults.length === 0) {
      const why = file.message?.trim() || lastLines(stripAnsi(output), 8) || "it could not be imported";
      return { version: 2, status: "error", message: `${relative} failed to load: ${why}`, tests };
    }
    for (const a of file.assertionResults) {
      const status = a.status === "passed" ? "pass" : a.status === "failed" ? "fail" : a.status === "todo" ? "todo" : "skip";
      const test: TestResult = { name: [...a.ancestorTitles, a.title].join(" > "), status };
      if (status === "fail") test.message = failureMessage(a.failureMessages[0] ?? "failed", projectRoot);
      if (typeof a.duration === "number") test.duration_ms = Math.round(a.duration);
      tests.push(test);
    }
  }
  if (tests.length === 0) return { version: 2, status: "error", message: "No tests found", tests };
  return { version: 2, status: overallStatus(tests), tests };
}

/** The error's text without the stack, then where in the exercise it was thrown. */
function failureMessage(raw: string, projectRoot: string): string {
  const lines = stripAnsi(raw).split("\n");
  const firstFrame = lines.findIndex((l) => /^\s+at /.test(l));
  const text = (firstFrame < 0 ? lines : lines.slice(0, firstFrame)).join("\n").trim();
  const frame = lines.slice(Math.max(firstFrame, 0)).map((l) => new RegExp(`${escape(projectRoot)}/([^:()\\s]+:\\d+:\\d+)`).exec(l)).find(Boolean);
  return frame ? `${text}\n\nat ${frame[1]}` : text;
}

function lastLines(text: string, n: number): string {
  return text.trim().split("\n").slice(-n).join("\n");
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
