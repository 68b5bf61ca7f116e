import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExercise } from "../src/cli/exercise-loader";
import { taskHash } from "../src/exercises/submission";
import { roadlab, type CliResult } from "./helpers/cli";

const EXERCISE = "exercises/04-relational-databases/sql-queries";
const VISIBLE = "tests/queries.test.ts";
const WITHHELD = "tests/place-order.test.ts";

/** Every file under `dir`, as bytes: text, source maps, wasm, the service worker, _headers. */
async function allFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(path.join(entry.parentPath, entry.name), await readFile(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

/**
 * Runs of a text that survive any way a bundler may quote it (no quotes, backslashes, `$` or line
 * breaks, ASCII only), long enough to be distinctive.
 */
function fragments(text: string): string[] {
  return [...new Set(text.split("\n").flatMap((line) => line.trim().match(/[\x20-\x21\x23\x25-\x26\x28-\x5b\x5d-\x5f\x61-\x7e]{28,}/g) ?? []))];
}

describe("roadlab interview: usage", () => {
  it("refuses an unknown visible test file, with a did-you-mean", async () => {
    const { code, stderr } = await roadlab("interview", EXERCISE, "--visible", "quereis.test.ts", "--out", "/tmp/never");
    expect(code).toBe(2);
    expect(stderr).toContain('has no test file quereis.test.ts — did you mean "tests/queries.test.ts"?');
  });
  it.each([
    [["--visible", VISIBLE], "needs --out"],
    [["--out", "/tmp/never"], "needs --visible"],
    [["--visible", VISIBLE, "--out", "/tmp/never", "--minutes", "soon"], '--minutes must be a positive number of minutes, got "soon"'],
    [["--visible", VISIBLE, "--out", "/tmp/never", "--minutes", "0"], "--minutes must be a positive number"],
  ])("exits 2 for %j", async (args, message) => {
    const { code, stderr } = await roadlab("interview", EXERCISE, ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
  it("exits 1 with the check's one-line problems on a bad pack", async () => {
    const { code, stderr } = await roadlab("interview", "tests/fixtures/packs/broken/bad-schema", "--visible", "x.test.ts", "--out", "/tmp/never");
    expect(code).toBe(1);
    expect(stderr).toMatch(/^tests\/fixtures\/packs\/broken\/bad-schema\/exercise\.json: /m);
  });
});

describe("roadlab interview: the candidate bundle", () => {
  let out: string;
  let result: CliResult;
  let files: Map<string, Buffer>;

  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), "roadlab-interview-"));
    result = await roadlab("interview", EXERCISE, "--visible", `${EXERCISE}/${VISIBLE}`, "--minutes", "45", "--title", "Shop queries", "--out", out);
    files = await allFiles(out);
  }, 600_000);
  afterAll(() => rm(out, { recursive: true, force: true }));

  const found = (fragment: string) => [...files].filter(([, bytes]) => bytes.includes(fragment)).map(([name]) => path.relative(out, name));

  it("says where the bundle is and how to host it", () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`written to ${out}`);
    expect(result.stdout).toContain(`npx vite preview --outDir ${out}`);
    expect(result.stdout).toContain("python3 -m http.server");
    expect(result.stdout).toContain("Building the app");
  });

  it("carries the task: the visible tests' text and the hash of the full exercise", async () => {
    const { exercise } = await loadExercise(EXERCISE);
    const hash = await taskHash({ ...exercise!, visible: [VISIBLE], minutes: 45 });
    expect(result.stdout).toContain(`Task hash: ${hash}`);
    expect(found(hash).length).toBeGreaterThan(0);
    const visible = fragments(exercise!.tests[VISIBLE]);
    expect(visible.length).toBeGreaterThan(20);
    expect(visible.filter((f) => found(f).length === 0)).toEqual([]);
  });

  it("holds not one distinctive line of the withheld tests, the solution or the mutants, in any file", async () => {
    const { exercise } = await loadExercise(EXERCISE);
    const shipped = [exercise!.readme, ...Object.values(exercise!.starter), exercise!.tests[VISIBLE], exercise!.seed ?? "", JSON.stringify(exercise!.config)].join("\n");
    const secret = (text: string) => fragments(text).filter((f) => !shipped.includes(f));
    const withheld = secret(exercise!.tests[WITHHELD]);
    const solution = secret(Object.values(exercise!.solution).join("\n"));
    const mutants = secret(exercise!.mutants.flatMap((m) => Object.values(m.files)).join("\n"));
    expect(withheld.length).toBeGreaterThan(20);
    expect(solution.length).toBeGreaterThan(5);
    expect([...files.keys()].some((f) => f.endsWith("sw.js"))).toBe(true);
    const leaks = [...withheld, ...solution, ...mutants].flatMap((f) => found(f).map((file) => `${file}: ${f}`));
    expect(leaks).toEqual([]);
  });
});
