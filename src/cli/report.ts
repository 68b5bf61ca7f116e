import pc from "picocolors";
import { summarize, type RunResults, type TestResult } from "../runtime/results";

const MARK: Record<TestResult["status"], string> = {
  pass: pc.green("✓"),
  fail: pc.red("✗"),
  error: pc.red("!"),
  skip: pc.yellow("↓"),
  todo: pc.cyan("…"),
};

export function formatTest(test: TestResult): string {
  const duration = test.duration_ms === undefined ? "" : pc.dim(` ${test.duration_ms} ms`);
  const lines = [`  ${MARK[test.status]} ${test.name}${duration}`];
  if (test.message) lines.push(indent(pc.red(test.message), 6));
  if (test.output && test.status !== "pass") lines.push(indent(pc.dim(`console:\n${test.output.trimEnd()}`), 6));
  return lines.join("\n");
}

export function formatResults(results: RunResults): string {
  const lines = results.tests.map(formatTest);
  if (results.message) lines.push(pc.red(`  error: ${results.message}`));
  for (const t of results.tampering ?? []) lines.push(pc.red(`  tampering: ${t.what} at ${t.where}`));
  const summary = results.status === "error" ? "Could not complete the run" : summarize(results);
  lines.push("", results.status === "pass" ? pc.green(summary) : pc.red(summary));
  return lines.join("\n");
}

function indent(text: string, by: number): string {
  const pad = " ".repeat(by);
  return text
    .split("\n")
    .map((line) => pad + line)
    .join("\n");
}
