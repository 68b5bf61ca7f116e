/**
 * The shim runs through its dev harness in a child process: @vitest/runner keeps module-level state,
 * so starting a run inside this (real Vitest) process would tangle the two runners.
 * Parity with real Vitest is checked by dev/compare.ts; these tests cover what only the shim does.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunEvent, RunResults } from "../../results";

const repo = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../..");
const harness = fileURLToPath(new URL("./dev/run-pack.ts", import.meta.url));
const surface = path.join(repo, "tests/fixtures/vitest-surface");

function harnessRun(...args: string[]): Promise<{ runs: RunResults[]; events: RunEvent[]; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", harness, ...args, "--events"], { cwd: repo, maxBuffer: 32 << 20, timeout: 60_000 }, (error, stdout, stderr) => {
      const lines = (text: string) => text.split("\n").filter((line) => line.startsWith("{"));
      try {
        resolve({
          runs: lines(stdout).map((line) => JSON.parse(line) as RunResults),
          events: lines(stderr).map((line) => JSON.parse(line) as RunEvent),
          ms: Date.now() - started,
        });
      } catch {
        reject(error ?? new Error(stderr));
      }
    });
  });
}

const verdicts = (results: RunResults) => ({
  status: results.status,
  message: results.message,
  tests: results.tests.map(({ duration_ms: _, ...test }) => test),
});

let scratch: string;

async function pack(name: string, tests: Record<string, string>, main = "export const value = 1;\n"): Promise<string> {
  const dir = path.join(scratch, name);
  const files = { "exercise.json": `{ "title": "${name}", "phase": 9 }`, "README.md": `# ${name}`, "starter/main.ts": main, "solution/main.ts": main, ...tests };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "roadlab-shim-test-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("runTestFiles", () => {
  it("gives every fixture the same results on every run in one long-lived process", async () => {
    const packs = (await readdir(surface)).sort().map((name) => path.join(surface, name));
    const { runs } = await harnessRun(...packs, "--repeat", "2");
    expect(runs).toHaveLength(packs.length * 2);
    for (let i = 0; i < packs.length; i++) {
      expect(verdicts(runs[packs.length + i]), packs[i]).toEqual(verdicts(runs[i]));
    }
  });

  it("reports test-start before a test runs and test-end once per test, in order", async () => {
    const { runs, events } = await harnessRun(path.join(surface, "only"));
    const names = runs[0].tests.map((t) => t.name);
    expect(events.filter((e) => e.type === "test-end").map((e) => e.type === "test-end" && e.test.name)).toEqual(names);
    const ran = runs[0].tests.filter((t) => t.status === "pass" || t.status === "fail").map((t) => t.name);
    expect(events.filter((e) => e.type === "test-start").map((e) => e.type === "test-start" && e.name)).toEqual(ran);
    for (const name of ran) {
      const start = events.findIndex((e) => e.type === "test-start" && e.name === name);
      const end = events.findIndex((e) => e.type === "test-end" && e.test.name === name);
      expect(start).toBeLessThan(end);
    }
  });

  it("fails what it cannot support with a reason, never silently", async () => {
    const dir = await pack("unsupported", {
      "tests/u.test.ts": [
        'import { inject, it, vi } from "vitest";',
        'it("injects", () => { inject("x" as never); });',
        'it("sets config", () => { vi.setConfig({ testTimeout: 1 }); });',
      ].join("\n"),
    });
    const { runs } = await harnessRun(dir);
    expect(runs[0].tests.map((t) => [t.status, t.message?.split("\n")[0]])).toEqual([
      ["fail", expect.stringMatching(/^inject\(\) is not supported in Roadlab's in-page runtime; /)],
      ["fail", expect.stringMatching(/^vi\.setConfig is not supported in Roadlab's in-page runtime; /)],
    ]);
  });

  it("hoists a top-level vi.mock above the imports, so the mock reaches the module under test", async () => {
    const dir = await pack(
      "top-level-mock",
      {
        "tests/m.test.ts": [
          'import { expect, it, vi } from "vitest";',
          'import { doubled } from "../main";',
          'vi.mock("../dep", () => ({ value: 21 }));',
          'it("sees the mock", () => expect(doubled()).toBe(42));',
          'it("names its own line in a failure", () => { throw new Error("boom"); });',
        ].join("\n"),
        "solution/dep.ts": "export const value = 1;\n",
        "starter/dep.ts": "export const value = 1;\n",
      },
      'import { value } from "./dep";\nexport const doubled = () => value * 2;\n',
    );
    const { runs } = await harnessRun(dir);
    expect(runs[0].tests.map((t) => t.status)).toEqual(["pass", "fail"]);
    expect(runs[0].tests[1].message).toContain("tests/m.test.ts:5:");
  });

  it("stops a cancelled run soon, even while a test waits forever", async () => {
    const dir = await pack(
      "hang",
      { "tests/h.test.ts": 'import { it } from "vitest";\nimport { never } from "../main";\nit("waits forever", () => never());\nit("never starts", () => {});\n' },
      "export const never = () => new Promise<void>(() => {});\n",
    );
    const { runs, events, ms } = await harnessRun(dir, "--abort-after", "200", "--timeout", "60000");
    expect(runs[0]).toEqual({
      version: 2,
      status: "error",
      message: "Run cancelled",
      tests: [
        { name: "waits forever", status: "skip" },
        { name: "never starts", status: "skip" },
      ],
    });
    expect(events.filter((e) => e.type === "test-start")).toHaveLength(1);
    expect(ms).toBeLessThan(20_000);
  });

  it("clears real timers a run leaves pending, so they cannot fire into the next run", async () => {
    const leaky = await pack(
      "leaky",
      { "tests/l.test.ts": 'import { it } from "vitest";\nimport { leak } from "../main";\nit("leaks", () => leak());\n' },
      "export function leak() {\n  setTimeout(() => console.log('leaked timeout fired'), 50);\n  setInterval(() => console.log('leaked interval fired'), 10);\n  (globalThis as Record<string, unknown>).LEAKED = true;\n}\n",
    );
    const after = await pack("after", {
      "tests/a.test.ts": [
        'import { expect, it, vi } from "vitest";',
        'it("sees no leaked timer fire", async () => {',
        "  const log = vi.spyOn(console, 'log');",
        "  await new Promise((resolve) => setTimeout(resolve, 150));",
        "  expect(log).not.toHaveBeenCalled();",
        "});",
        'it("still sees globals set directly (not stubbed): they outlive a run", () => {',
        "  expect((globalThis as Record<string, unknown>).LEAKED).toBe(true);",
        "});",
      ].join("\n"),
    });
    const { runs } = await harnessRun(leaky, after);
    expect(runs.map((r) => r.status)).toEqual(["pass", "pass"]);
  });
});
