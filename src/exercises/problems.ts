import type { z } from "zod";
import { suggestion } from "./did-you-mean";

/** One thing wrong with an exercise pack, printed as `file: field: message`. */
export interface Problem {
  file: string;
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return p.field ? `${p.file}: ${p.field}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** Turns zod issues into one problem per issue, saying what was expected and what was found. */
export function schemaProblems(
  file: string,
  error: z.ZodError,
  input: unknown,
  fields: readonly string[],
): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        file,
        field: [...issue.path, key].join("."),
        message: `unknown field${suggestion(key, fields)}`,
      }));
    }
    const field = issue.path.join(".") || undefined;
    const found = valueAt(input, issue.path);
    // A typo in an enum (a package name, a difficulty) reads better as the one it is close to.
    const near = issue.code === "invalid_value" && typeof found === "string" ? suggestion(found, issue.values.map(String)) : "";
    const message =
      found === undefined
        ? `is required — ${describeExpectation(issue)}`
        : `expected ${describeExpectation(issue)}, found ${show(found)}${near}`;
    return [{ file, field, message }];
  });
}

function describeExpectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "int" ? "an integer" : withArticle(issue.expected);
    case "invalid_value":
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return issue.origin === "string"
        ? "a non-empty string"
        : issue.origin === "array"
          ? `at least ${issue.minimum} item(s)`
          : `a number ≥ ${issue.minimum}`;
    case "too_big":
      return issue.origin === "array" ? `at most ${issue.maximum} item(s)` : `a number ≤ ${issue.maximum}`;
    default:
      return issue.message;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** `Unexpected token } in JSON at position 31` → the same, at line and column, which editors show. */
export function jsonProblem(text: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message);
  if (!position) return error.message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `${error.message.replace(/ in JSON at position \d+.*$/, "")} at line ${line}, column ${column}`;
}
