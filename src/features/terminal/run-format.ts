import { summarize, type RunEvent, type RunResults, type TestResult } from "../../runtime/results";
import type { RunLog } from "../../store/run-log";
import { bold, dim, green, printable, red, yellow } from "./ansi";

/** `── 14:03:27  Run #3 ──`: one per press of Run tests, numbered within the exercise. */
export function formatRunHeader(run: Pick<RunLog, "startedAt">, number: number): string {
  const at = new Date(run.startedAt);
  const time = [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
  return bold(`── ${time}  Run #${number} ──`) + "\n";
}

/** What one streamed event adds to the terminal; test starts add nothing (the results say them). */
export function formatEvent(event: RunEvent): string {
  switch (event.type) {
    case "test-start":
      return "";
    case "test-end":
      return formatTest(event.test);
    case "done":
      return formatSummary(event.results);
  }
}

export function formatTest(test: TestResult): string {
  const name = printable(test.name);
  const duration = test.duration_ms === undefined ? "" : dim(` ${Math.round(test.duration_ms)} ms`);
  const lines: string[] = [];
  switch (test.status) {
    case "pass":
      lines.push(`${green("✓")} ${name}${duration}`);
      break;
    case "fail":
    case "error":
      lines.push(`${red("✗")} ${name}${duration}`);
      break;
    case "skip":
    case "todo":
      lines.push(`${yellow("↓")} ${name} ${dim(test.status === "todo" ? "[todo]" : "[skipped]")}`);
      break;
  }
  if (test.output) lines.push(...indent(printable(test.output, true).replace(/\n$/, ""), dim("  │ ")));
  if (test.message && (test.status === "fail" || test.status === "error")) {
    lines.push(...indent(printable(test.message, true).replace(/\n$/, ""), "    "));
  }
  return lines.join("\n") + "\n";
}

export function formatSummary(results: RunResults): string {
  const summary = summarize(results);
  if (results.status === "error") {
    const message = results.message ? red(bold(printable(results.message, true))) + "\n" : "";
    const counts = results.tests.length > 0 ? red(summary) + "\n" : "";
    return message + counts;
  }
  return (results.status === "pass" ? green(bold(summary)) : red(bold(summary))) + "\n";
}

export function formatCancelled(): string {
  return dim("Cancelled: a newer run replaced this one.") + "\n";
}

function indent(text: string, prefix: string): string[] {
  return text.split("\n").map((line) => prefix + line);
}
