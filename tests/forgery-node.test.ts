import { beforeAll, describe, expect, it } from "vitest";
import type { Exercise } from "../src/exercises/pack";
import { runNode } from "../src/runtime/node/run-node";
import { exerciseAt, learnerFiles } from "./helpers/exercises";

/**
 * `--runtime node` is for trusted code (see README, Threat model), but its cheap hardening (a setup
 * file, src/runtime/node/harden-setup.ts) still keeps these forgers from passing.
 */
let answer: Exercise;

describe("under --runtime node, the cheap forgeries do not pass", () => {
  beforeAll(async () => {
    answer = await exerciseAt("tests/fixtures/packs/forgery/answer");
  });

  it("passes the honest solution, untouched", async () => {
    const results = await runNode(answer, answer.solution);
    expect(results.status).toBe("pass");
    expect(results.tampering).toBeUndefined();
  });

  it.each([
    ["object-is", /^wrote Object\.is @ main\.ts:\d+/],
    ["expect-extend", /^wrote (the matcher registry|expect's Assertion\.prototype)\.toBe @ main\.ts:\d+/],
    ["prototype-write", /^wrote expect's Assertion\.prototype\.toBe @ main\.ts:\d+/],
    ["extend-later", /^wrote (the matcher registry|expect's Assertion\.prototype)\.toBe @ unknown/],
  ])("%s: an error naming the tampering, never a pass", async (name, what) => {
    const results = await runNode(answer, await learnerFiles(`tests/fixtures/forgery/${name}`));
    expect(results.status).toBe("error");
    expect(results.tampering?.map((t) => `${t.what} @ ${t.where}`).join("\n")).toMatch(what);
  });

  it("a beforeAll that never settles is an error, not a pass of skipped tests", async () => {
    const results = await runNode(answer, await learnerFiles("tests/fixtures/forgery/never-settles"));
    expect(results.status).toBe("error");
    expect(results.message).toMatch(/^"the answer" failed: Hook timed out/);
  });
});
