import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserSession } from "../src/cli/browser/browser-session";
import { toRequest } from "../src/cli/runtimes";
import type { Exercise } from "../src/exercises/pack";
import type { RunEvent } from "../src/runtime/results";
import { exerciseAt, learnerFiles } from "./helpers/exercises";
import { ADDER, ADDER_STARTER_VERDICTS, verdicts } from "./helpers/adder";
import { HUNG, HUNG_VERDICTS } from "./helpers/hung";

let session: BrowserSession;
let adder: Exercise;

async function runAdder(learner: string, timeoutMs?: number, onEvent?: (e: RunEvent) => void) {
  return session.run(toRequest(adder, await learnerFiles(`tests/fixtures/learner/${learner}`), timeoutMs), onEvent);
}

async function runAdderSolution() {
  return session.run(toRequest(adder, adder.solution));
}

describe("in-page runtime in Chromium", () => {
  beforeAll(async () => {
    session = await BrowserSession.open();
    adder = await exerciseAt(ADDER);
  });
  afterAll(() => session?.close());

  it("runs the starter and reports one entry per test, streaming events as tests run", async () => {
    const events: RunEvent[] = [];
    const results = await session.run(toRequest(adder, adder.starter), (e) => events.push(e));
    expect(results.status).toBe("fail");
    expect(verdicts(results.tests)).toEqual(ADDER_STARTER_VERDICTS);
    expect(results.tests[0].message).toContain("TODO: add a and b");
    expect(results.tests[0].message).toContain("main.ts:2:9");
    expect(events.filter((e) => e.type === "test-start").map((e) => e.type === "test-start" && e.name)).toContain("add > adds two numbers");
    expect(events.filter((e) => e.type === "test-end")).toHaveLength(4);
  });

  it("passes the solution", async () => {
    expect((await runAdderSolution()).status).toBe("pass");
  });

  it("ends a hung test alone: finished verdicts kept, the rest run in a fresh worker with their hooks", async () => {
    const hung = await exerciseAt(HUNG);
    const events: RunEvent[] = [];
    const results = await session.run(toRequest(hung, hung.solution), (e) => events.push(e));
    expect(results).toMatchObject({ status: "error", message: 'Test "counter > spins forever" timed out after 400 ms: an infinite loop?' });
    expect(results.tests.map((t) => [t.name, t.status, t.message])).toEqual(HUNG_VERDICTS);
    // One verdict per test reaches the page, the hung one as soon as its worker is ended.
    expect(events.flatMap((e) => (e.type === "test-end" ? [`${e.test.status}: ${e.test.name}`] : []))).toEqual(HUNG_VERDICTS.map(([name, status]) => `${status}: ${name}`));
    expect((await runAdderSolution()).status).toBe("pass");
  });

  it("ends a loop at import, names the file, and the next run works", async () => {
    const results = await runAdder("loop-at-import", 300);
    expect(results.status).toBe("error");
    expect(results.message).toBe("tests/add.test.ts timed out while loading (an infinite loop at import?)");
    expect((await runAdderSolution()).status).toBe("pass");
  });

  it("names file, line and column of a syntax error", async () => {
    const results = await runAdder("syntax-error");
    expect(results.status).toBe("error");
    expect(results.message).toMatch(/^Syntax error at main\.ts:2:13/);
  });

  it("reports a throw at import, naming the file", async () => {
    const results = await runAdder("throws-at-import");
    expect(results.status).toBe("error");
    expect(results.message).toContain("config missing");
    expect(results.message).toContain("main.ts:1:7");
  });

  it("refuses imports outside the curated packages", async () => {
    const results = await runAdder("unknown-import");
    expect(results.status).toBe("error");
    expect(results.message).toContain('main.ts: cannot import "left-pad"');
  });

  it("names the packages entry that would allow a curated package the exercise does not list", async () => {
    const results = await runAdder("unlisted-package");
    expect(results.status).toBe("error");
    expect(results.message).toContain('main.ts: cannot import "hono": this exercise does not list it — add "hono" to "packages" in exercise.json to allow it');
  });

  it("reports an unhandled rejection as an error, never a pass", async () => {
    const results = await runAdder("unhandled-rejection");
    expect(results.status).toBe("error");
    expect(results.message).toContain("nobody caught me");
  });

  it("survives learner code closing the worker", async () => {
    const results = await runAdder("closes-worker");
    expect(results.status).toBe("error");
    expect((await runAdderSolution()).status).toBe("pass");
  });

  it("stops leaked timers so they cannot write into the next run", async () => {
    await runAdder("leaks-timer");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await runAdderSolution();
    expect(next.status).toBe("pass");
    expect(next.tests.map((t) => t.output ?? "").join("")).not.toContain("leaked tick");
  });

  it("turns runaway memory into an error, and the next run works", async () => {
    const results = await runAdder("runaway-memory");
    expect(results.status).toBe("error");
    expect((await runAdderSolution()).status).toBe("pass");
  });
});
