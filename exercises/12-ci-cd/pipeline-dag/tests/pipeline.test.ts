import { describe, expect, it } from "vitest";
import { planStages, runPipeline } from "../pipeline";
import { PipelineError, type JobSpec } from "../types";
import { failure, harness, later, settle } from "./helpers";

const quick = (id: string, needs: string[] = [], outputs?: Record<string, string>): JobSpec => ({
  id, needs, run: async () => outputs,
});

describe("planStages", () => {
  it("groups jobs by how deep their needs go, in declaration order", () => {
    const jobs = [quick("lint"), quick("build"), quick("unit", ["build"]), quick("e2e", ["build", "unit"]), quick("docs"), quick("deploy", ["lint", "e2e"])];
    expect(planStages(jobs)).toEqual([["lint", "build", "docs"], ["unit"], ["e2e"], ["deploy"]]);
  });
});

describe("validation, before any job runs", () => {
  const cases: [string, JobSpec[], string, string[]][] = [
    ["a duplicate id", [quick("a"), quick("b"), quick("a")], "DUPLICATE_JOB", ["a"]],
    ["a need that is not a job", [quick("a"), quick("b", ["a", "bulid"])], "UNKNOWN_NEED", ["b", "bulid"]],
  ];
  for (const [what, jobs, code, ids] of cases) {
    it(`rejects ${what} with ${code}`, async () => {
      const ran: string[] = [];
      const spied = jobs.map((j) => ({ ...j, run: async () => { ran.push(j.id); } }));
      for (const call of [() => planStages(spied), () => runPipeline(spied)]) {
        const error = await failure(call);
        expect(error).toBeInstanceOf(PipelineError);
        expect(error).toMatchObject({ code, jobs: ids });
      }
      expect(ran).toEqual([]);
    });
  }

  it("reports the jobs on a cycle, and only those", async () => {
    const jobs = [quick("after", ["a"]), quick("setup"), quick("a", ["setup", "c"]), quick("b", ["a"]), quick("c", ["b"])];
    const error = await failure(() => runPipeline(jobs));
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ code: "CYCLE" });
    expect([...(error as PipelineError).jobs].sort()).toEqual(["a", "b", "c"]);
  });

  it("treats a job that needs itself as a cycle", async () => {
    const error = await failure(() => planStages([quick("a"), quick("b", ["b"])]));
    expect(error).toMatchObject({ code: "CYCLE", jobs: ["b"] });
  });
});

describe("running", () => {
  it("starts independent jobs together and a job only when all its needs are done", async () => {
    const h = harness();
    const done = later(runPipeline([h.job("lint"), h.job("test"), h.job("build", ["lint", "test"])]));
    await settle();
    expect(h.log).toEqual(["start lint", "start test"]);
    h.gate("test").open();
    await settle();
    expect(h.log).not.toContain("start build");
    h.gate("lint").open();
    await settle();
    expect(h.log.at(-1)).toBe("start build");
    h.gate("build").open();
    const report = await done;
    expect(report.result).toBe("success");
    expect(report.started).toEqual(["lint", "test", "build"]);
    expect(Object.values(report.jobs).map((j) => j.result)).toEqual(["success", "success", "success"]);
  });

  it("starts a job as soon as its own needs are done, not when its whole stage is", async () => {
    const h = harness();
    const done = later(runPipeline([h.job("slow"), h.job("fast"), h.job("after-fast", ["fast"])]));
    await settle();
    h.gate("fast").open();
    await settle();
    expect(h.log).toEqual(["start slow", "start fast", "end fast", "start after-fast"]);
    h.gate("after-fast").open();
    h.gate("slow").open();
    await done;
  });

  it("never runs more than maxParallel jobs at once, starting ready jobs in declaration order", async () => {
    const h = harness();
    const done = later(runPipeline([h.job("a"), h.job("b"), h.job("c"), h.job("d"), h.job("e", ["a"])], { maxParallel: 2 }));
    await settle();
    expect(h.startedIds()).toEqual(["a", "b"]);
    h.gate("a").open();
    await settle();
    expect(h.startedIds()).toEqual(["a", "b", "c"]);
    h.gate("c").open();
    await settle();
    h.gate("b").open();
    await settle();
    h.gate("d").open();
    await settle();
    h.gate("e").open();
    const report = await done;
    expect(report.started).toEqual(["a", "b", "c", "d", "e"]);
    expect(h.peak()).toBe(2);
  });

  it("passes outputs to the jobs that need it, and only to those", async () => {
    const seen: Record<string, unknown> = {};
    const jobs: JobSpec[] = [
      { id: "build", run: async () => ({ artifact: "dist-3f7a.tgz" }) },
      { id: "image", needs: ["build"], run: async (ctx) => { seen.image = ctx.needs; return { tag: `sha-3f7a ${ctx.needs.build.outputs.artifact}` }; } },
      { id: "deploy", needs: ["image"], run: async (ctx) => { seen.deploy = ctx.needs; } },
    ];
    const report = await runPipeline(jobs);
    expect(seen.image).toEqual({ build: { result: "success", outputs: { artifact: "dist-3f7a.tgz" } } });
    expect(seen.deploy).toEqual({ image: { result: "success", outputs: { tag: "sha-3f7a dist-3f7a.tgz" } } });
    expect(report.jobs.build.outputs).toEqual({ artifact: "dist-3f7a.tgz" });
    expect(report.jobs.deploy.outputs).toEqual({});
  });
});

describe("failures", () => {
  it("skips everything downstream of a failed job and finishes the independent ones", async () => {
    const boom = new Error("tests failed");
    const h = harness();
    const done = later(runPipeline([h.job("test"), h.job("lint"), h.job("image", ["test"]), h.job("deploy", ["image"]), h.job("docs", ["lint"])]));
    await settle();
    h.gate("test").fail(boom);
    await settle();
    h.gate("lint").open();
    await settle();
    h.gate("docs").open();
    const report = await done;
    expect(report.result).toBe("failure");
    expect(report.jobs.test).toMatchObject({ result: "failure", error: boom });
    expect(report.jobs.image.result).toBe("skipped");
    expect(report.jobs.deploy.result).toBe("skipped");
    expect(report.jobs.docs.result).toBe("success");
    expect(report.started).toEqual(["test", "lint", "docs"]);
  });

  it("counts a job that throws synchronously as failed", async () => {
    const jobs: JobSpec[] = [
      { id: "a", run: () => { throw new Error("sync"); } },
      quick("b", ["a"]),
      quick("c"),
    ];
    const report = await runPipeline(jobs);
    expect(report.jobs.a.result).toBe("failure");
    expect(report.jobs.b.result).toBe("skipped");
    expect(report.jobs.c.result).toBe("success");
  });

  it("runs an always job after a failure and tells it what happened", async () => {
    let seen: unknown;
    const jobs: JobSpec[] = [
      { id: "test", run: async () => { throw new Error("red"); } },
      quick("deploy", ["test"]),
      quick("lint"),
      { id: "notify", needs: ["deploy", "lint"], always: true, run: async (ctx) => { seen = ctx.needs; return { sent: "yes" }; } },
    ];
    const report = await runPipeline(jobs);
    expect(seen).toEqual({ deploy: { result: "skipped", outputs: {} }, lint: { result: "success", outputs: {} } });
    expect(report.jobs.notify).toEqual({ result: "success", outputs: { sent: "yes" } });
    expect(report.result).toBe("failure");
  });
});
