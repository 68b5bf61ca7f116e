import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RunEvent } from "../results";
import type { RunRequest, Runtime, RuntimeStatus } from "../types";
import { withFallback } from "../with-fallback";
import { FakeContainer } from "./fake-container";
import report from "./fixtures/vitest-report.json";
import { PINNED } from "./project-files";
import { createWebContainerRuntime } from "./webcontainer-runtime";

const request: RunRequest = {
  files: { "main.ts": "export const add = (a: number, b: number) => a + b;" },
  tests: { "tests/add.test.ts": "// hidden" },
  seed: "CREATE TABLE t (id int);",
  timeoutMs: 1000,
  packages: [],
};

function passingVitest(): FakeContainer {
  return new FakeContainer({
    "npm install": (p) => {
      p.print("added 57 packages in 9s\n");
      p.finish(0);
    },
    "npx vitest": (p, c) => {
      p.print("\u001b[32m✓\u001b[39m tests/add.test.ts (5 tests)\n");
      c.files.set(".roadlab/results.json", JSON.stringify(report));
      p.finish(1);
    },
  });
}

describe("WebContainer runtime (against a fake container)", () => {
  afterEach(() => vi.useRealTimers());

  it("mounts a project pinning Vitest and PGlite, installs once, and reuses the install", async () => {
    const container = passingVitest();
    const output: string[] = [];
    const runtime = createWebContainerRuntime({ boot: async () => container, onOutput: (c) => output.push(c) });
    await runtime.run(request).outcome;
    await runtime.run(request).outcome;
    const pkg = JSON.parse(container.files.get("package.json")!);
    expect(pkg.devDependencies).toEqual(PINNED);
    expect(container.spawned.filter((p) => p.command === "npm")).toHaveLength(1);
    expect(container.spawned.filter((p) => p.command === "npx")).toHaveLength(2);
    expect(output.join("")).toContain("added 57 packages");
    expect(container.files.has(".roadlab/db.ts")).toBe(true);
  });

  it("lays out learner files at the root and tests in tests/, and removes the last run's files", async () => {
    const container = passingVitest();
    const runtime = createWebContainerRuntime({ boot: async () => container });
    await runtime.run({ ...request, files: { "old.ts": "x" }, tests: { "tests/old.test.ts": "x" } }).outcome;
    await runtime.run(request).outcome;
    expect(container.files.get("main.ts")).toBe(request.files["main.ts"]);
    expect(container.files.get("tests/add.test.ts")).toBe("// hidden");
    expect(container.files.get("seed.sql")).toBe(request.seed);
    expect(container.files.has("old.ts")).toBe(false);
    expect(container.files.has("tests/old.test.ts")).toBe(false);
    const vitest = container.spawned.find((p) => p.command === "npx")!;
    expect(vitest.args).toEqual(expect.arrayContaining(["vitest", "run", "--reporter=json", "--testTimeout=1000"]));
  });

  it("maps Vitest's JSON report to the results model and the same events as the in-page runtime", async () => {
    const runtime = createWebContainerRuntime({ boot: async () => passingVitest() });
    const events: RunEvent[] = [];
    const outcome = await runtime.run(request, (e) => events.push(e)).outcome;
    expect(outcome.cancelled).toBe(false);
    if (outcome.cancelled) return;
    expect(outcome.results.status).toBe("fail");
    expect(outcome.results.tests.map((t) => t.status)).toEqual(["pass", "fail", "skip", "todo", "fail"]);
    expect(events.filter((e) => e.type === "test-end")).toHaveLength(5);
    expect(runtime.status).toBe("ready");
  });

  it("stops a run that goes silent past its time limit", async () => {
    vi.useFakeTimers();
    const container = new FakeContainer({ "npm install": (p) => p.finish(0), "npx vitest": (p) => p.print("RUN v4.1.12\n") });
    const runtime = createWebContainerRuntime({ boot: async () => container, silenceGraceMs: 2000 });
    const handle = runtime.run(request);
    await vi.advanceTimersByTimeAsync(request.timeoutMs + 2000);
    const outcome = await handle.outcome;
    expect(!outcome.cancelled && outcome.results).toMatchObject({ status: "error", message: expect.stringContaining("timed out") });
    expect(container.spawned.find((p) => p.command === "npx")!.killed).toBe(true);
  });

  it("gives up on a boot that never settles, and says why", async () => {
    vi.useFakeTimers();
    const statuses: [RuntimeStatus, string | undefined][] = [];
    const runtime = createWebContainerRuntime({ boot: () => new Promise(() => {}), bootTimeoutMs: 20_000 });
    runtime.subscribe((s, d) => statuses.push([s, d]));
    const handle = runtime.run(request);
    await vi.advanceTimersByTimeAsync(20_000);
    const outcome = await handle.outcome;
    expect(!outcome.cancelled && outcome.results.message).toMatch(/did not start within 20 s/);
    expect(statuses.at(-1)?.[0]).toBe("error");
  });

  it("reports a failed npm install", async () => {
    const container = new FakeContainer({ "npm install": (p) => p.finish(1) });
    const runtime = createWebContainerRuntime({ boot: async () => container });
    const outcome = await runtime.run(request).outcome;
    expect(!outcome.cancelled && outcome.results.message).toBe("npm install failed with exit code 1 (see the terminal)");
  });

  it("opens an interactive shell and forwards servers the learner starts", async () => {
    const container = passingVitest();
    const runtime = createWebContainerRuntime({ boot: async () => container });
    const shell = await runtime.shell({ cols: 80, rows: 24 });
    expect((shell.process as unknown as { command: string }).command).toBe("jsh");
    const servers: string[] = [];
    runtime.onServerReady((port, url) => servers.push(`${port} ${url}`));
    container.startServer(3000, "https://preview.example/3000");
    expect(servers).toEqual(["3000 https://preview.example/3000"]);
  });

  it("falls back to the in-page runtime when the container cannot start", async () => {
    const local: Runtime = {
      status: "ready",
      prepare: vi.fn(),
      run: vi.fn(() => ({ outcome: Promise.resolve({ cancelled: false as const, results: { version: 2 as const, status: "pass" as const, tests: [] } }), cancel() {} })),
      sql: vi.fn(),
      subscribe: () => () => {},
      dispose: vi.fn(),
    };
    const container = createWebContainerRuntime({ boot: async () => { throw new Error("this page is not cross-origin isolated"); } });
    const details: (string | undefined)[] = [];
    const runtime = withFallback(container, local, "The WebContainer runtime");
    runtime.subscribe((_, detail) => details.push(detail));
    container.prepare();
    await vi.waitFor(() => expect(container.status).toBe("error"));
    const outcome = await runtime.run(request).outcome;
    expect(outcome).toMatchObject({ cancelled: false, results: { status: "pass" } });
    expect(local.run).toHaveBeenCalledOnce();
    expect(details.at(-1)).toBe("The WebContainer runtime unavailable: this page is not cross-origin isolated. Tests run in the page instead.");
  });
});

describe("pinned versions", () => {
  it("match what the CLI and the in-page runtime install", () => {
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { version: string }> };
    for (const [name, version] of Object.entries(PINNED)) expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
  });
});
