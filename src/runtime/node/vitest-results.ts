import path from "node:path";
import type { TestCase, TestModule } from "vitest/node";
import { overallStatus, stripAnsi, type RunResults, type TestResult } from "../results";

export interface ErrorLike {
  message?: string;
  name?: string;
  diff?: string;
  stack?: string;
}

export function testResult(test: TestCase, output?: string): TestResult {
  const result = test.result();
  const duration = test.diagnostic()?.duration;
  const root = test.module.project.config.root;
  const [status, message]: [TestResult["status"], string?] =
    result.state === "passed" ? ["pass"]
    : result.state === "failed" ? ["fail", errorMessage(result.errors[0], root)]
    : result.state === "skipped" ? [test.options.mode === "todo" ? "todo" : "skip"]
    : ["error", "did not finish"];
  return {
    name: test.fullName,
    status,
    ...(message === undefined ? {} : { message }),
    ...(output ? { output } : {}),
    ...(duration === undefined ? {} : { duration_ms: Math.round(duration) }),
  };
}

export function collectResults(
  workspace: string,
  modules: readonly TestModule[],
  unhandled: readonly ErrorLike[],
  logs: Map<string, string>,
): RunResults {
  const tests: TestResult[] = [];
  for (const module of modules) {
    const failure = module.errors()[0];
    if (failure) {
      const file = path.relative(workspace, module.moduleId);
      const message = errorMessage(failure, workspace);
      return { version: 2, status: "error", message: message.startsWith("Syntax error") ? message : `${file} failed to load: ${message}`, tests };
    }
    for (const test of module.children.allTests()) tests.push(testResult(test, logs.get(test.id)));
  }
  // A failed beforeAll/afterAll leaves its tests skipped: without this the run would "pass".
  for (const module of modules) {
    for (const suite of module.children.allSuites()) {
      const failure = suite.errors()[0];
      if (failure) return { version: 2, status: "error", message: `"${suite.fullName}" failed: ${errorMessage(failure, workspace)}`, tests };
    }
  }
  if (unhandled.length > 0) {
    return { version: 2, status: "error", message: `Unhandled error: ${errorMessage(unhandled[0], workspace)}`, tests };
  }
  if (tests.length === 0) return { version: 2, status: "error", message: "No tests found", tests };
  return { version: 2, status: overallStatus(tests), tests };
}

/** The error's message, its diff, and where in the exercise's files it was thrown, paths relative. */
export function errorMessage(error: ErrorLike | undefined, workspace: string): string {
  if (!error) return "failed";
  const message = tidySyntaxError(stripAnsi(error.message ?? String(error)));
  const where = firstFrame(error.stack ?? "", workspace);
  const parts = [relativise(message, workspace)];
  if (error.diff) parts.push(stripAnsi(error.diff));
  if (where && !parts[0].includes(where)) parts.push(`at ${where}`);
  return parts.join("\n\n");
}

function firstFrame(stack: string, workspace: string): string | undefined {
  for (const line of stack.split("\n")) {
    const match = /\(?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (!match) continue;
    const file = match[1].replace(/^file:\/\//, "");
    if (file.startsWith(workspace + path.sep)) return `${path.relative(workspace, file)}:${match[2]}:${match[3]}`;
  }
  return undefined;
}

function relativise(text: string, workspace: string): string {
  return text.split(workspace + path.sep).join("");
}

/** Vite's parse errors come as a boxed code frame; lead with `file:line:column` like a compiler would. */
function tidySyntaxError(message: string): string {
  const match = /\[PARSE_ERROR\]\s*(.+)\n[\s\S]*?\[\s*([^\]\s]+:\d+:\d+)\s*\]([\s\S]*)/.exec(message);
  if (!match) return message;
  const [, what, where, frame] = match;
  return `Syntax error at ${where}: ${what.trim()}\n${frame.replace(/^\s*│?\s*\n/, "").trimEnd()}`;
}
