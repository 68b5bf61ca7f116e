import { describe, expect, it } from "vitest";
import { catalog, findExercise, neighbours } from "./catalog";
import { loadExerciseFiles } from "./exercise-files";

// Every file under exercises/*/*/mutants/, read the way Vite would bundle it if a glob matched.
const mutantSources = import.meta.glob<string>("/exercises/*/*/mutants/**/*", { query: "?raw", import: "default", eager: true });

describe("the app's exercise files", () => {
  it("knows every exercise's learner files and database without loading them", () => {
    const sql = findExercise("sql-queries")!;
    expect(sql.files).toEqual(["main.ts"]);
    expect(sql.hasSeed).toBe(true);
    expect(findExercise("http-request-parser")!.hasSeed).toBe(false);
    for (const entry of catalog) expect(entry.files.length, entry.slug).toBeGreaterThan(0);
  });

  it("loads starter, solution, tests and seed lazily, keyed as the runtime expects", async () => {
    const files = await loadExerciseFiles(findExercise("sql-queries")!.path);
    expect(Object.keys(files.starter)).toEqual(["main.ts"]);
    expect(Object.keys(files.solution)).toEqual(["main.ts"]);
    expect(Object.keys(files.tests).every((name) => name.startsWith("tests/"))).toBe(true);
    expect(files.seed).toMatch(/create table/i);
    expect(files.readme).toMatch(/^# /);
  });

  it("orders neighbours as the catalog does", () => {
    const [first, second] = catalog;
    expect(neighbours(first.slug)).toEqual({ previous: undefined, next: second });
    expect(neighbours(second.slug).previous).toBe(first);
    expect(neighbours("no-such-exercise")).toEqual({});
  });

  it("never ships mutants/ to the app: no loader serves a wrong solution", async () => {
    const mutants = Object.entries(mutantSources).filter(([file]) => !file.endsWith("/README.md"));
    expect(mutants.length).toBeGreaterThan(0);
    for (const [file, text] of mutants) {
      const entry = catalog.find((e) => file.startsWith(`/exercises/${e.path}/`))!;
      const files = await loadExerciseFiles(entry.path);
      const served = [...Object.values(files.starter), ...Object.values(files.solution), ...Object.values(files.tests)];
      expect(served.includes(text), file).toBe(false);
      expect([...Object.keys(files.starter), ...Object.keys(files.tests)].some((k) => k.startsWith("mutants/") || k.includes("/mutants/")), file).toBe(false);
    }
  });
});
