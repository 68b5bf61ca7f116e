import { describe, expect, it } from "vitest";
import { problemLines, roadlab } from "./helpers/cli";
import { packageNames } from "../src/exercises/packages";
import type { ExerciseCheck } from "../src/cli/check";
import type { RunResults } from "../src/runtime/results";

const broken = "tests/fixtures/packs/broken";

let nodeChecks: ExerciseCheck[] | undefined;

async function checkCatalog(runtime: "node" | "browser"): Promise<ExerciseCheck[]> {
  const { code, stdout, stderr } = await roadlab("check", "--runtime", runtime, "--json");
  let report: { ok: boolean; exercises: ExerciseCheck[] };
  try {
    report = JSON.parse(stdout);
  } catch {
    throw new Error(`check --runtime ${runtime} printed no JSON (exit ${code}):\n${stderr.slice(-2000)}`);
  }
  expect(report.exercises.filter((e) => !e.ok).map((e) => `${e.dir}: ${e.problems.join("; ")}`)).toEqual([]);
  expect(code).toBe(0);
  return report.exercises;
}

/** What must agree between the runtimes: run status, test names, verdicts. */
function verdicts(results: RunResults | undefined) {
  return results && { status: results.status, tests: results.tests.map((t) => `${t.status}: ${t.name}`) };
}

describe("roadlab check", () => {
  // The catalog is checked once per runtime; the two reports are then compared test by test, so
  // this is also the catalog's parity proof (tests/parity.test.ts keeps the fixture packs).
  it("passes on the catalog with real Vitest", async () => {
    nodeChecks = await checkCatalog("node");
    for (const check of nodeChecks) {
      if (check.skipped) continue;
      const starter = check.starter!;
      expect(starter.status, check.dir).toBe("fail");
      expect(starter.tests.length, check.dir).toBeGreaterThanOrEqual(6);
      expect(new Set(starter.tests.map((t) => t.name)).size, check.dir).toBe(starter.tests.length);
    }
    // Every solution, starter and mutant of the catalog is a Vitest process: minutes, not seconds.
  }, 65 * 60_000);

  it("passes on the catalog with the in-page runtime in Chromium, test by test as real Vitest does", async () => {
    const browserChecks = await checkCatalog("browser");
    expect(nodeChecks, "the real-Vitest check runs first").toBeDefined();
    const byDir = new Map(nodeChecks!.map((c) => [c.dir, c]));
    let compared = 0;
    for (const check of browserChecks) {
      const node = byDir.get(check.dir);
      if (check.skipped || node?.skipped) continue;
      expect(verdicts(check.solution), `${check.dir} solution`).toEqual(verdicts(node?.solution));
      expect(verdicts(check.starter), `${check.dir} starter`).toEqual(verdicts(node?.starter));
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  }, 40 * 60_000);

  it("reports one line per schema problem, with did-you-mean", async () => {
    const { code, stdout } = await roadlab("check", `${broken}/bad-schema`);
    expect(code).toBe(1);
    const file = `${broken}/bad-schema/exercise.json`;
    expect(problemLines(stdout)).toEqual([
      `${file}: title: is required — a string`,
      `${file}: phase: expected a number, found "four"`,
      `${file}: difficulty: expected one of "beginner", "intermediate", "advanced", found "hard"`,
      `${file}: hints: expected an array, found "use a map"`,
      `${file}: titel: unknown field — did you mean "title"?`,
    ]);
  });

  it("refuses invalid JSON with its line and column", async () => {
    const { code, stdout } = await roadlab("check", `${broken}/invalid-json`);
    expect(code).toBe(1);
    expect(problemLines(stdout)).toEqual([
      `${broken}/invalid-json/exercise.json: is not valid JSON: Expected double-quoted property name at line 1, column 32`,
    ]);
  });

  it("refuses missing starter/, solution/ and tests/", async () => {
    const { code, stdout } = await roadlab("check", `${broken}/missing-folders`);
    expect(code).toBe(1);
    expect(problemLines(stdout)).toEqual([
      `${broken}/missing-folders/starter/: missing — the files the learner starts from`,
      `${broken}/missing-folders/solution/: missing — the reference solution, with the starter's file names`,
      `${broken}/missing-folders/tests/: missing or has no *.test.ts files — the hidden tests`,
    ]);
  });

  it("refuses solution files that do not match the starter's", async () => {
    const { stdout } = await roadlab("check", `${broken}/mismatched-solution`);
    expect(problemLines(stdout)).toEqual([
      `${broken}/mismatched-solution/solution/main.ts: missing — starter/ has main.ts, so the solution must too`,
      `${broken}/mismatched-solution/solution/extra.ts: is not in starter/ — solution files must have the starter's names`,
      `${broken}/mismatched-solution/exercise.json: readonly: names "types.ts", which starter/ lacks`,
    ]);
  });

  it("refuses tests importing files the starter lacks, and packages outside the curated set", async () => {
    const { stdout } = await roadlab("check", `${broken}/bad-imports`);
    expect(problemLines(stdout)).toEqual([
      `${broken}/bad-imports/tests/x.test.ts: imports "../mian", which the starter and tests lack — did you mean "../main"?`,
      `${broken}/bad-imports/tests/x.test.ts: cannot import "lodash": not a package Roadlab provides — curated packages: ${packageNames.join(", ")}`,
    ]);
  });

  it("refuses a phase that disagrees with the folder", async () => {
    const { stdout } = await roadlab("check", `${broken}/04-relational-databases`);
    expect(problemLines(stdout)).toEqual([
      `${broken}/04-relational-databases/wrong-phase/exercise.json: phase: is 3, but the folder is 04-relational-databases (phase 3 lives in 03-version-control)`,
    ]);
  });

  it("refuses duplicate slugs across the folders it checks", async () => {
    const { code, stdout } = await roadlab("check", "tests/fixtures/packs/duplicates");
    expect(code).toBe(1);
    expect(problemLines(stdout)).toEqual([
      'tests/fixtures/packs/duplicates/b/same-slug: slug "same-slug" is already used by tests/fixtures/packs/duplicates/a/same-slug — slugs must be unique',
    ]);
  });

  it("fails when the solution fails a test or the starter passes them all", async () => {
    const { code, stdout } = await roadlab("check", "tests/fixtures/packs/behaviour", "--json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { ok: boolean; exercises: { dir: string; ok: boolean; problems: string[] }[] };
    expect(report.ok).toBe(false);
    expect(report.exercises.map((e) => [e.dir, e.problems])).toEqual([
      [
        "tests/fixtures/packs/behaviour/solution-fails",
        ['tests/fixtures/packs/behaviour/solution-fails/solution/: must pass every hidden test, but: 1 of 2 passed (failing: "doubles 3")'],
      ],
      [
        "tests/fixtures/packs/behaviour/starter-passes",
        ["tests/fixtures/packs/behaviour/starter-passes/starter/: passes every hidden test — the starter must fail at least one, or there is nothing to do"],
      ],
    ]);
  });

  it("requires every mutant to fail a test, reporting a survivor as one line with its README", async () => {
    const { code, stdout } = await roadlab("check", "tests/fixtures/packs/mutants/survivor");
    expect(code).toBe(1);
    expect(problemLines(stdout)).toEqual([
      "tests/fixtures/packs/mutants/survivor: mutant square passed every test — Squares instead of doubling; the tests only try 2.",
    ]);
  });

  it("passes when every mutant is killed, noting one that only errored, and lists mutants in --json", async () => {
    const dir = "tests/fixtures/packs/mutants/all-killed";
    const text = await roadlab("check", dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("2 mutant(s) killed");
    expect(text.stdout).toContain("! mutant throws-at-import errored instead of failing a test: tests/double.test.ts failed to load: not ready");
    const { code, stdout } = await roadlab("check", dir, "tests/fixtures/packs/mutants/survivor", "--json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { exercises: { dir: string; mutants: { name: string; readme?: string; killed: boolean; results: { status: string } }[] }[] };
    expect(report.exercises.map((e) => [e.dir, e.mutants.map((m) => [m.name, m.killed, m.results.status, m.readme])])).toEqual([
      [dir, [["plus-one", true, "fail", 'Adds one: breaks "double means times two".'], ["throws-at-import", true, "error", undefined]]],
      ["tests/fixtures/packs/mutants/survivor", [["plus-one", true, "fail", undefined], ["square", false, "pass", "Squares instead of doubling; the tests only try 2."]]],
    ]);
  });

  it("refuses malformed mutants and a solution that changes a read-only file", async () => {
    const dir = `${broken}/bad-mutants`;
    const { code, stdout } = await roadlab("check", dir);
    expect(code).toBe(1);
    expect(problemLines(stdout)).toEqual([
      `${dir}/solution/impl.ts: differs from starter/impl.ts, which is read-only — graders restore it from starter/, so the solution must not change it`,
      `${dir}/mutants/notes.md: is not in a mutant's folder — put each wrong solution in mutants/<name>/`,
      `${dir}/mutants/Off_By_One/: mutant name "Off_By_One" is not kebab-case`,
      `${dir}/mutants/edits-readonly/impl.ts: is read-only ("readonly" in exercise.json): graders restore it from starter/, so this change would never run`,
      `${dir}/mutants/only-readme/: is empty — a mutant holds at least one of solution's files, changed`,
      `${dir}/mutants/unchanged/main.ts: is the same as solution/main.ts — keep only the files the mutant changes`,
      `${dir}/mutants/wrong-name/mian.ts: is not in solution/ — a mutant's files have solution's names — did you mean "main.ts"?`,
      `${dir}/mutants/bad-import/main.ts: cannot import "left-pad": not a package Roadlab provides — curated packages: ${packageNames.join(", ")}`,
    ]);
  });

  it("answers bad usage with exit code 2 and one line", async () => {
    const missing = await roadlab("check", "no/such/dir");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("roadlab: no folder at no/such/dir");
    const runtime = await roadlab("check", "--runtime", "deno");
    expect(runtime.code).toBe(2);
    expect(runtime.stderr).toContain('--runtime must be "node" or "browser", got "deno"');
    const unknown = await roadlab("frobnicate");
    expect(unknown.code).toBe(2);
  });
});
