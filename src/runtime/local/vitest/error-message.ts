/**
 * A failure as the learner reads it, with the Node runtime's conventions
 * (src/runtime/node/vitest-results.ts): message, blank line, diff, then `at file:line:col` for the
 * first stack frame in the exercise's files. Linked modules carry `//# sourceURL=sandbox:///<file>`.
 */
import { stripAnsi } from "../../results";

export interface ErrorLike {
  message?: string;
  diff?: string;
  stack?: string;
}

const SANDBOX = "sandbox:///";
// V8 `at f (sandbox:///main.ts:2:9)` / `at sandbox:///main.ts:2:9`, Firefox/Safari `f@sandbox:///main.ts:2:9`.
const FRAME = /sandbox:\/\/\/([^\s():]+):(\d+):(\d+)/;

export function errorMessage(error: ErrorLike | undefined): string {
  if (!error) return "failed";
  const message = stripAnsi(error.message ?? String(error)).split(SANDBOX).join("");
  const where = firstFrame(error.stack ?? "");
  const parts = [message];
  if (error.diff) parts.push(stripAnsi(error.diff));
  if (where && !message.includes(where)) parts.push(`at ${where}`);
  return parts.join("\n\n");
}

function firstFrame(stack: string): string | undefined {
  for (const line of stack.split("\n")) {
    const match = FRAME.exec(line);
    if (match) return `${match[1]}:${match[2]}:${match[3]}`;
  }
  return undefined;
}
