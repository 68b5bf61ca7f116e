import { describe, expect, it } from "vitest";
import { exerciseFields, exerciseSchema } from "./schema";
import { formatProblem, schemaProblems } from "./problems";
import { packageNames } from "./packages";

function problemsFor(input: unknown): string[] {
  const result = exerciseSchema.safeParse(input);
  return result.success ? [] : schemaProblems("exercise.json", result.error, input, exerciseFields).map(formatProblem);
}

describe("exerciseSchema", () => {
  it("needs only a title and a phase, and fills in defaults", () => {
    expect(exerciseSchema.parse({ title: "Parse HTTP", phase: 1 })).toEqual({
      title: "Parse HTTP",
      phase: 1,
      difficulty: "beginner",
      order: 100,
      summary: "",
      hints: [],
      timeoutMs: 5000,
      packages: [],
      runtime: "local",
      readonly: [],
      topics: [],
      checkpoint: false,
    });
  });

  it("keeps every optional field it is given", () => {
    const full = {
      title: "Transfer money",
      phase: 4,
      difficulty: "advanced",
      order: 3,
      summary: "All or nothing.",
      hints: ["Use a transaction."],
      timeoutMs: 8000,
      packages: ["@electric-sql/pglite"],
      runtime: "webcontainer",
      readonly: ["types.ts"],
      topics: ["transactions", "ACID"],
      checkpoint: true,
    };
    expect(exerciseSchema.parse(full)).toEqual(full);
  });

  it("wants topics as a list of names and checkpoint as a boolean", () => {
    expect(problemsFor({ title: "X", phase: 4, topics: "joins", checkpoint: "yes" })).toEqual([
      'exercise.json: topics: expected an array, found "joins"',
      'exercise.json: checkpoint: expected a boolean, found "yes"',
    ]);
    expect(problemsFor({ title: "X", phase: 4, topics: [""] })).toEqual([
      'exercise.json: topics.0: expected a non-empty string, found ""',
    ]);
  });

  it("says which field is missing", () => {
    expect(problemsFor({ phase: 2 })).toEqual(["exercise.json: title: is required — a string"]);
  });

  it("says what was expected and what was found", () => {
    expect(problemsFor({ title: "X", phase: "four" })).toEqual([
      'exercise.json: phase: expected a number, found "four"',
    ]);
    expect(problemsFor({ title: "X", phase: 26 })).toEqual(["exercise.json: phase: expected a number ≤ 25, found 26"]);
    expect(problemsFor({ title: "X", phase: 1, difficulty: "hard" })).toEqual([
      'exercise.json: difficulty: expected one of "beginner", "intermediate", "advanced", found "hard"',
    ]);
  });

  it("suggests the field a misspelt name was meant to be", () => {
    expect(problemsFor({ titel: "X", phase: 1 })).toEqual([
      "exercise.json: title: is required — a string",
      'exercise.json: titel: unknown field — did you mean "title"?',
    ]);
    expect(problemsFor({ title: "X", phase: 1, timeout: 100 })).toEqual([
      'exercise.json: timeout: unknown field — did you mean "timeoutMs"?',
    ]);
  });

  it("does not guess when nothing is close", () => {
    expect(problemsFor({ title: "X", phase: 1, colour: "red" })).toEqual(["exercise.json: colour: unknown field"]);
  });

  it("points into arrays", () => {
    expect(problemsFor({ title: "X", phase: 1, packages: ["vitest", "lodash"] })).toEqual([
      `exercise.json: packages.1: expected one of ${packageNames.map((n) => JSON.stringify(n)).join(", ")}, found "lodash"`,
    ]);
  });

  it("suggests the curated package an unknown one is close to", () => {
    const [line] = problemsFor({ title: "X", phase: 1, packages: ["hnoo"] });
    expect(line).toMatch(/^exercise\.json: packages\.0: expected one of .*, found "hnoo" — did you mean "hono"\?$/);
    expect(line).not.toContain("\n");
  });

  it("rejects an empty title and a non-integer phase", () => {
    expect(problemsFor({ title: " ", phase: 1.5 })).toEqual([
      'exercise.json: title: expected a non-empty string, found " "',
      "exercise.json: phase: expected an integer, found 1.5",
    ]);
  });
});
