import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserSession } from "../src/cli/browser/browser-session";
import { toRequest } from "../src/cli/runtimes";
import type { Exercise } from "../src/exercises/pack";
import type { RunResults } from "../src/runtime/results";
import { exerciseAt, learnerFiles } from "./helpers/exercises";

/** Learner files that return the wrong answer and try to make the hidden tests pass anyway. */
const ANSWER = "tests/fixtures/packs/forgery/answer";

let session: BrowserSession;
let answer: Exercise;

async function runForger(name: string): Promise<RunResults> {
  return session.run(toRequest(answer, await learnerFiles(`tests/fixtures/forgery/${name}`)));
}

const whats = (results: RunResults) => (results.tampering ?? []).map((t) => `${t.what} @ ${t.where}`);

describe("in the page, code under test cannot forge its verdict", () => {
  beforeAll(async () => {
    session = await BrowserSession.open();
    answer = await exerciseAt(ANSWER);
  });
  afterAll(() => session?.close());

  it("passes the honest solution and fails the honest starter, untouched", async () => {
    const solution = await session.run(toRequest(answer, answer.solution));
    expect(solution).toMatchObject({ status: "pass" });
    expect(solution.tampering).toBeUndefined();
    const starter = await session.run(toRequest(answer, answer.starter));
    expect(starter.status).toBe("fail");
    expect(starter.tampering).toBeUndefined();
  });

  it.each([
    ["post-message", /called self\.postMessage @ main\.ts:3:/],
    ["proto-post-message", /called self\.postMessage @ main\.ts:9:/],
    ["onmessage", /set self\.onmessage @ main\.ts:2:/],
    ["expect-extend", /wrote (the matcher registry|expect's Assertion\.prototype)\.toBe @ main\.ts:2:/],
    ["extend-later", /wrote (the matcher registry|expect's Assertion\.prototype)\.toBe @ unknown/],
    ["prototype-write", /wrote expect's Assertion\.prototype\.toBe @ main\.ts:4:/],
    ["object-is", /wrote Object\.is @ main\.ts:2:/],
    ["array-some", /wrote Array\.prototype\.some @ main\.ts:2:/],
    ["globals", /wrote globalThis\.Promise @ main\.ts:2:/],
    ["equality-tester", /changed expect's custom equality testers/],
    ["fake-test-module", /created a JavaScript blob: URL @ main\.ts:3:/],
  ])("%s: never passes, and says what was tampered with and where", async (name, tampering) => {
    const results = await runForger(name);
    expect(results.status).toBe("error");
    expect(results.message).toMatch(/^Code under test tampered with the test runtime/);
    expect(whats(results).join("\n")).toMatch(tampering);
  });

  it.each(["throwing-getter", "never-settles"])("%s: fails in the hook, never passes", async (name) => {
    const results = await runForger(name);
    expect(results.status).toBe("error");
    expect(results.message).toMatch(/^"the answer" failed: /);
    expect(results.tests.filter((t) => t.status === "pass")).toEqual([]);
  });

  it.each(["post-message", "onmessage", "expect-extend", "object-is", "extend-later"])(
    "a forger (%s) graded before an honest wrong answer leaves the honest one failing",
    async (name) => {
      expect((await runForger(name)).status).toBe("error");
      const honest = await session.run(toRequest(answer, answer.starter));
      expect(honest.status).toBe("fail");
      expect(honest.tampering).toBeUndefined();
      expect((await session.run(toRequest(answer, answer.solution))).status).toBe("pass");
    },
  );
});
