import { describe, expect, it } from "vitest";
import type { RunResults } from "../src/runtime/results";
import { roadlab, roadlabWithEnv } from "./helpers/cli";
import { ADDER, ADDER_STARTER_VERDICTS, verdicts } from "./helpers/adder";
import { HUNG, HUNG_VERDICTS } from "./helpers/hung";

const adder = ADDER;
const learner = (name: string) => `tests/fixtures/learner/${name}`;

async function runJson(...args: string[]): Promise<{ code: number | null; results: RunResults }> {
  const { code, stdout, stderr } = await roadlab("run", ...args, "--json");
  try {
    return { code, results: JSON.parse(stdout) as RunResults };
  } catch {
    throw new Error(`not JSON (exit ${code}):\n${stdout}\n${stderr}`);
  }
}

describe("roadlab run --runtime node", () => {
  it("gives status fail on a starter, with one entry per test", async () => {
    const { code, results } = await runJson(adder, "--files", `${adder}/starter`);
    expect(code).toBe(1);
    expect(results.version).toBe(2);
    expect(results.status).toBe("fail");
    expect(verdicts(results.tests)).toEqual(ADDER_STARTER_VERDICTS);
    expect(results.tests[0].message).toContain("TODO: add a and b");
    expect(results.tests[0].message).toContain("at main.ts:2:9");
  });

  it("passes the reference solution with exit code 0", async () => {
    const { code, results } = await runJson(adder, "--files", `${adder}/solution`);
    expect(code).toBe(0);
    expect(results.status).toBe("pass");
  });

  it("ends a hung test alone: finished verdicts kept, the rest run in a fresh child with their hooks", async () => {
    const { code, results } = await runJson(HUNG, "--files", `${HUNG}/solution`);
    expect(code).toBe(1);
    expect(results).toMatchObject({ status: "error", message: 'Test "counter > spins forever" timed out after 400 ms: an infinite loop?' });
    expect(results.tests.map((t) => [t.name, t.status, t.message])).toEqual(HUNG_VERDICTS);
  });

  it("ends a loop at import and names the file", async () => {
    const { code, results } = await runJson(adder, "--files", learner("loop-at-import"), "--timeout", "300");
    expect(code).toBe(1);
    expect(results.status).toBe("error");
    expect(results.message).toBe("tests/add.test.ts timed out while loading (an infinite loop at import?)");
  });

  it("names file, line and column of a syntax error", async () => {
    const { results } = await runJson(adder, "--files", learner("syntax-error"));
    expect(results.status).toBe("error");
    expect(results.message).toMatch(/^Syntax error at main\.ts:2:13/);
  });

  it("reports a throw at import as an error naming the file", async () => {
    const { results } = await runJson(adder, "--files", learner("throws-at-import"));
    expect(results.status).toBe("error");
    expect(results.message).toContain("config missing");
    expect(results.message).toContain("main.ts:1:7");
  });

  it("refuses imports outside the curated packages", async () => {
    const { results } = await runJson(adder, "--files", learner("unknown-import"));
    expect(results.status).toBe("error");
    expect(results.message).toContain('main.ts: cannot import "left-pad"');
  });

  it("names the packages entry that would allow a curated package the exercise does not list", async () => {
    const { results } = await runJson(adder, "--files", learner("unlisted-package"));
    expect(results.status).toBe("error");
    expect(results.message).toContain('main.ts: cannot import "hono": this exercise does not list it — add "hono" to "packages" in exercise.json to allow it');
  });

  it("takes read-only files from the exercise's starter/ and says so when the submitted copy differed", async () => {
    const pack = "tests/fixtures/packs/runtime/readonly";
    const { code, results } = await runJson(pack, "--files", learner("readonly-tampered"));
    expect(code).toBe(1);
    expect(results.status).toBe("fail");
    expect((results as RunResults & { restored?: string[] }).restored).toEqual(["impl.ts"]);
    const text = await roadlab("run", pack, "--files", learner("readonly-tampered"));
    expect(text.stdout).toContain("Restored impl.ts from the exercise's starter/: it is read-only, so the submitted copy was not used.");
    const missing = await runJson(pack, "--files", learner("readonly-missing"));
    expect(missing.results.status).toBe("pass");
    expect("restored" in missing.results).toBe(false);
  });

  it("applies --timeout to each test, as Vitest's testTimeout", async () => {
    const { results } = await runJson("tests/fixtures/packs/runtime/slow", "--files", "tests/fixtures/packs/runtime/slow/solution", "--timeout", "200");
    expect(results.status).toBe("fail");
    expect(results.tests.map((t) => [t.name, t.status])).toEqual([
      ["finishes quickly", "pass"],
      ["takes half a second", "fail"],
    ]);
    expect(results.tests[1].message).toContain("Test timed out in 200ms");
  });

  it("keeps each test's console output", async () => {
    const { results } = await runJson("tests/fixtures/packs/runtime/slow", "--files", "tests/fixtures/packs/runtime/slow/solution");
    expect(results.status).toBe("pass");
    expect(results.tests[0].output).toBe("quick\n");
  });

  it("answers bad usage and bad input with exit code 2", async () => {
    expect((await roadlab("run", adder)).code).toBe(2);
    expect((await roadlab("run", adder, "--files", "nowhere")).code).toBe(2);
    expect((await roadlab("run", adder, "--files", `${adder}/starter`, "--timeout", "soon")).code).toBe(2);
    const invalid = await roadlab("run", "tests/fixtures/packs/broken/bad-schema", "--files", learner("loop"));
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('titel: unknown field — did you mean "title"?');
  });
});

describe("roadlab run --runtime browser", () => {
  it("runs the in-page runtime in Chromium and prints the same results object", async () => {
    const { code, results } = await runJson(adder, "--files", `${adder}/starter`, "--runtime", "browser");
    expect(code).toBe(1);
    expect(results.status).toBe("fail");
    expect(verdicts(results.tests)).toEqual(ADDER_STARTER_VERDICTS);
  });

  it("says clearly when no Chromium can be found", async () => {
    const { code, stderr } = await roadlabWithEnv({ CHROMIUM_PATH: "/nonexistent/chromium" }, "run", adder, "--files", `${adder}/starter`, "--runtime", "browser");
    expect(code).toBe(2);
    expect(stderr).toContain("CHROMIUM_PATH=/nonexistent/chromium is not an executable file");
  });
});
