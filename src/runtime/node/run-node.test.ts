import { describe, expect, it } from "vitest";
import { mutantFiles } from "../../exercises/mutants";
import type { RunResults } from "../results";
import { exerciseAt, learnerFiles } from "../../../tests/helpers/exercises";
import { runNodeBatch } from "./run-node";

const brief = (r: RunResults) => ({ status: r.status, message: r.message?.split("\n")[0], tests: r.tests.map((t) => `${t.name}: ${t.status}${t.message ? ` (${t.message.split("\n")[0]})` : ""}`) });

describe("runNodeBatch: many variants in one Vitest process", () => {
  it("keeps each workspace's results apart, even with one hanging and one failing to load", async () => {
    const survivor = await exerciseAt("tests/fixtures/packs/mutants/survivor");
    const allKilled = await exerciseAt("tests/fixtures/packs/mutants/all-killed");
    const hung = await exerciseAt("tests/fixtures/packs/runtime/hung");
    const mutant = (name: string) => mutantFiles(survivor.solution, survivor.mutants.find((m) => m.name === name)!);
    const throwing = allKilled.mutants.find((m) => m.name === "throws-at-import")!;

    // Same file names, same test names, different code: mixed-up module graphs or results show at once.
    const results = await runNodeBatch([
      { exercise: survivor, files: mutant("plus-one") },
      { exercise: hung, files: hung.starter },
      { exercise: survivor, files: mutant("square") },
      { exercise: allKilled, files: mutantFiles(allKilled.solution, throwing) },
      { exercise: survivor, files: survivor.solution },
    ]);

    expect(results.map(brief)).toEqual([
      { status: "fail", message: undefined, tests: ["doubles 2: fail (expected 5 to be 4 // Object.is equality)"] },
      {
        status: "error",
        message: 'Test "counter > spins forever" timed out after 400 ms: an infinite loop?',
        tests: ["counter > counts from one: pass", "counter > spins forever: error (timed out after 400 ms)", "counter > starts afresh for each test: pass"],
      },
      { status: "pass", message: undefined, tests: ["doubles 2: pass"] },
      { status: "error", message: "tests/double.test.ts failed to load: not ready", tests: [] },
      { status: "pass", message: undefined, tests: ["doubles 2: pass"] },
    ]);
  }, 300_000);

  it("puts tampering on the variant that tampered, not on its neighbours", async () => {
    const answer = await exerciseAt("tests/fixtures/packs/forgery/answer");
    const [forger, honest] = await runNodeBatch([
      { exercise: answer, files: await learnerFiles("tests/fixtures/forgery/object-is") },
      { exercise: answer, files: answer.solution },
    ]);
    expect(forger.status).toBe("error");
    expect(forger.tampering?.map((t) => `${t.what} @ ${t.where}`).join("\n")).toMatch(/^wrote Object\.is @ main\.ts:\d+/);
    expect(honest.status).toBe("pass");
    expect(honest.tampering).toBeUndefined();
  }, 300_000);

  it("stamps its progress with the real clock: a test that fakes the date to 1970 is not taken for a hang", async () => {
    const clock = await exerciseAt("tests/fixtures/packs/runtime/faked-clock");
    const [results] = await runNodeBatch([{ exercise: clock, files: clock.solution }]);
    expect(brief(results)).toEqual({ status: "pass", message: undefined, tests: ["answers at the dawn of time: pass"] });
  }, 300_000);
});
