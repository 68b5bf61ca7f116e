import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GradeReport } from "../src/cli/grade/report-types";
import type { Exercise } from "../src/exercises/pack";
import { roadlab, type CliResult } from "./helpers/cli";
import { exerciseAt } from "./helpers/exercises";
import { makeSubmission } from "./helpers/make-submission";

const TALLY = "tests/fixtures/grade/tally";
const SCRIPT = "<script>alert('owned')</script>";

let exercise: Exercise;
let tamperedEvent = -1;
let dir: string;
let browser: { result: CliResult; report: GradeReport; junit: string; html: string };

const verdicts = (report: GradeReport, candidate: string) =>
  report.graded.find((g) => g.candidate === candidate)?.tests.map((t) => [t.file, t.name, t.withheld, t.status]);

const SOLUTION_VERDICTS = [
  ["tests/basics.test.ts", "tally > counts repeated words", false, "pass"],
  ["tests/basics.test.ts", "tally > returns nothing for empty text", false, "pass"],
  ["tests/edge.test.ts", "tally edge cases > ignores case", true, "pass"],
  ["tests/edge.test.ts", "tally edge cases > ignores punctuation", true, "pass"],
];
const STARTER_VERDICTS = SOLUTION_VERDICTS.map(([f, n, w], i) => [f, n, w, i === 1 ? "pass" : "fail"]);

async function write(name: string, text: string) {
  await writeFile(path.join(dir, name), text);
}

beforeAll(async () => {
  exercise = await exerciseAt(TALLY);
  dir = await mkdtemp(path.join(tmpdir(), "roadlab-grade-"));
  const solution = exercise.solution;
  await write("alice.json", JSON.stringify(await makeSubmission(exercise, solution, { pastes: [120, 8], focusLosses: 2, runs: 3, usedMs: 30 * 60_000 })));
  await write("bob.json", JSON.stringify(await makeSubmission(exercise, exercise.starter)));
  const tampered = await makeSubmission(exercise, solution, { pastes: [40] });
  const paste = tampered.log.findIndex((e) => e.type === "paste");
  (tampered.log[paste] as { length: number }).length = 1;
  tamperedEvent = paste;
  await write("carol-tampered.json", JSON.stringify(tampered));
  const edited = await makeSubmission(exercise, solution);
  await write("dave-edited.json", JSON.stringify({ ...edited, files: { ...edited.files, "tally.ts": exercise.starter["tally.ts"] } }));
  await write("erin-old.json", JSON.stringify(await makeSubmission(exercise, solution, { taskOverride: { readme: "# Tally words (v1)\n" } })));
  const hostile = `export function tally(text: string) {\n  return { ${JSON.stringify(SCRIPT)}: text.length };\n}\n`;
  await write("mallory.json", JSON.stringify(await makeSubmission(exercise, { ...solution, "tally.ts": hostile, "types.ts": "export type Tally = any;\n" })));
  const full = JSON.stringify(await makeSubmission(exercise, solution));
  await write("truncated.json", full.slice(0, full.length / 2));
  await write("foreign.json", JSON.stringify({ name: "not a submission", version: 3 }));
  await write("notes.txt", "not a submission, and not *.json: ignored");

  const junit = path.join(dir, "out", "report.xml");
  const html = path.join(dir, "out", "report.html");
  await import("node:fs/promises").then((fs) => fs.mkdir(path.dirname(junit)));
  const result = await roadlab("grade", dir, "--exercise", TALLY, "--runtime", "browser", "--json", "--junit", junit, "--html", html);
  browser = { result, report: JSON.parse(result.stdout) as GradeReport, junit: await readFile(junit, "utf8"), html: await readFile(html, "utf8") };
}, 600_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("roadlab grade --runtime browser", () => {
  it("runs every hidden test, withheld ones marked, and scores the share passed", () => {
    const { report } = browser;
    expect(report.exercise.slug).toBe("tally");
    expect(verdicts(report, "alice")).toEqual(SOLUTION_VERDICTS);
    expect(verdicts(report, "bob")).toEqual(STARTER_VERDICTS);
    const alice = report.graded.find((g) => g.candidate === "alice")!;
    const bob = report.graded.find((g) => g.candidate === "bob")!;
    expect([alice.score, alice.passed, alice.total, alice.flags]).toEqual([100, 4, 4, []]);
    expect([bob.score, bob.passed, bob.total, bob.flags]).toEqual([25, 1, 4, []]);
    expect(alice.facts).toEqual({ usedMs: 30 * 60_000, minutes: 45, pastes: 2, pastedChars: 128, largestPaste: 120, focusLosses: 2, runs: 3, reloads: 0 });
  });

  it("flags an edited event, files edited after the log and another task version, and still grades them", () => {
    const flags = (c: string) => browser.report.graded.find((g) => g.candidate === c);
    expect(flags("carol-tampered")).toMatchObject({ flags: [`log altered (event ${tamperedEvent})`], score: 100 });
    expect(flags("dave-edited")).toMatchObject({ flags: ["files differ from the log"], score: 25 });
    expect(flags("erin-old")).toMatchObject({ flags: ["different task (another version of the exercise)"], score: 100 });
  });

  it("restores read-only files and grades hostile code like any other", () => {
    const mallory = browser.report.graded.find((g) => g.candidate === "mallory")!;
    expect(mallory.flags).toEqual(["read-only types.ts restored from the starter"]);
    expect(mallory.score).toBe(0);
    expect(mallory.tests[0].message).toContain(SCRIPT);
  });

  it("names each unreadable file in one line and grades the rest, exit 1", async () => {
    const { result, report } = browser;
    expect(result.code).toBe(1);
    expect(report.graded.map((g) => g.candidate)).toEqual(["alice", "bob", "carol-tampered", "dave-edited", "erin-old", "mallory"]);
    expect(report.errors).toEqual([
      { file: path.join(dir, "foreign.json"), message: expect.stringContaining("not a Roadlab submission") },
      { file: path.join(dir, "truncated.json"), message: expect.stringContaining("not valid JSON") },
    ]);
    const lines = result.stderr.split("\n").filter((l) => l.includes("foreign.json") || l.includes("truncated.json"));
    expect(lines).toEqual([`roadlab: ${path.join(dir, "foreign.json")}: ${report.errors[0].message}`, `roadlab: ${path.join(dir, "truncated.json")}: ${report.errors[1].message}`]);
  });

  it("writes well-formed JUnit XML, one testsuite per candidate", () => {
    expect(XMLValidator.validate(browser.junit)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(browser.junit);
    const suites = xml.testsuites.testsuite as { name: string; tests: string; failures: string; testcase: { name: string; classname: string; failure?: unknown }[] }[];
    expect(suites.map((s) => s.name)).toEqual(["alice", "bob", "carol-tampered", "dave-edited", "erin-old", "mallory", path.join(dir, "foreign.json"), path.join(dir, "truncated.json")]);
    const bob = suites[1];
    expect([bob.tests, bob.failures]).toEqual(["4", "3"]);
    expect(bob.testcase.map((t) => [t.classname, t.name, t.failure !== undefined])).toEqual(
      STARTER_VERDICTS.map(([f, n, w, s]) => [`bob.${f}${w ? " (withheld)" : ""}`, n, s === "fail"]),
    );
    expect(JSON.stringify(suites[5])).toContain(SCRIPT);
  });

  it("writes a self-contained HTML report with candidate text escaped", () => {
    const { html } = browser;
    expect(html).not.toContain(SCRIPT);
    expect(html).toContain("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;");
    expect(html).not.toMatch(/<script|src=|href="(?!#)|url\(/i);
    expect(html).toContain("(withheld)");
  });
});

describe("roadlab grade: shards, merge, node", () => {
  it("--shard 1/2 and 2/2 partition the set, and --merge puts them back together", async () => {
    const outs: string[] = [];
    const shards: GradeReport[] = [];
    for (const shard of ["1/2", "2/2"]) {
      const result = await roadlab("grade", dir, "--exercise", TALLY, "--json", "--shard", shard);
      outs.push(path.join(dir, `shard-${shard[0]}.out`));
      await writeFile(outs.at(-1)!, result.stdout);
      shards.push(JSON.parse(result.stdout) as GradeReport);
    }
    const names = shards.map((r) => [...r.graded, ...r.errors].map((g) => path.basename(g.file)).sort());
    // Index in path order mod 2: alice 0, bob 1, carol 2, dave 3, erin 4, foreign 5, mallory 6, truncated 7.
    expect(names[0]).toEqual(["alice.json", "carol-tampered.json", "erin-old.json", "mallory.json"].sort());
    expect(names[1]).toEqual(["bob.json", "dave-edited.json", "foreign.json", "truncated.json"].sort());
    const merged = await roadlab("grade", "--merge", ...outs, "--json");
    expect(merged.code).toBe(1);
    expect(JSON.parse(merged.stdout)).toEqual(browser.report);
    const table = await roadlab("grade", "--merge", ...outs);
    expect(table.stdout).toMatch(/^alice\s+100\s+4\/4\s+30m 00s of 45m\s+2 \(128 chars, largest 120\)\s+2\s+3\s+—$/m);
    expect(table.stdout).toMatch(/^bob\s+25\s+1\/4\s/m);
    expect(table.stdout).toContain("✗ tally edge cases > ignores case (withheld)");
    expect(table.stdout).toMatch(/^carol-tampered\s+100\s.*log altered/m);
  }, 900_000);

  it("rejects a malformed --shard and a missing --exercise with exit 2", async () => {
    const result = await roadlab("grade", dir, "--exercise", TALLY, "--shard", "3/2");
    expect([result.code, result.stderr.split("\n")[0]]).toEqual([2, 'roadlab: --shard must be <i>/<n> with 1 ≤ i ≤ n (e.g. 1/4), got "3/2"']);
    expect((await roadlab("grade", dir)).code).toBe(2);
  });

  it("grades the same with --runtime node, and warns", async () => {
    const result = await roadlab("grade", path.join(dir, "alice.json"), path.join(dir, "bob.json"), "--exercise", TALLY, "--runtime", "node", "--json");
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("warning: --runtime node runs each candidate's code");
    const report = JSON.parse(result.stdout) as GradeReport;
    expect(verdicts(report, "alice")).toEqual(SOLUTION_VERDICTS);
    expect(verdicts(report, "bob")).toEqual(STARTER_VERDICTS);
    expect(report.graded.map((g) => g.score)).toEqual([100, 25]);
  }, 600_000);
});
