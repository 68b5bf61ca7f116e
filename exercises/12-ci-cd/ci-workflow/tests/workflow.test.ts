import { describe, expect, it } from "vitest";
import { workflow } from "../ci";
import { load, needsOf, runs, type Job } from "./load";

const w = () => load(workflow);
const jobOf = async (id: string): Promise<Job> => {
  const { doc } = await w();
  expect(doc.jobs, `a job called "${id}"`).toHaveProperty(id);
  return doc.jobs[id];
};

describe("a workflow GitHub accepts", () => {
  it("has no errors from GitHub's workflow parser", async () => {
    const { errors } = await w();
    expect(errors).toEqual([]);
  });

  it("has exactly the jobs lint, test and build", async () => {
    const { doc } = await w();
    expect(Object.keys(doc.jobs).sort()).toEqual(["build", "lint", "test"]);
  });
});

describe("triggers", () => {
  it("runs on pushes to main and on pull requests into main, nothing else", async () => {
    const { events } = await w();
    expect(Object.keys(events).sort()).toEqual(["pull_request", "push"]);
    expect(events.push).toMatchObject({ branches: ["main"] });
    expect(events.pull_request).toMatchObject({ branches: ["main"] });
  });
});

describe("the job graph", () => {
  it("runs lint and test in parallel: neither needs anything", async () => {
    expect(needsOf(await jobOf("lint"))).toEqual([]);
    expect(needsOf(await jobOf("test"))).toEqual([]);
  });

  it("builds only after both lint and test passed", async () => {
    expect(needsOf(await jobOf("build")).sort()).toEqual(["lint", "test"]);
  });

  it("runs each job on ubuntu-latest with a timeout of at most 30 minutes", async () => {
    const { doc } = await w();
    for (const [id, job] of Object.entries(doc.jobs)) {
      expect(job["runs-on"], id).toBe("ubuntu-latest");
      expect(job["timeout-minutes"], id).toBeGreaterThan(0);
      expect(job["timeout-minutes"], id).toBeLessThanOrEqual(30);
    }
  });
});

describe("the test matrix", () => {
  it("tests on Node 20, 22 and 24 and lets every leg finish", async () => {
    const test = await jobOf("test");
    expect((test.strategy?.matrix?.["node-version"] as unknown[] | undefined)?.map(String)).toEqual(["20", "22", "24"]);
    expect(test.strategy?.["fail-fast"]).toBe(false);
  });

  it("hands the matrix value to setup-node", async () => {
    const test = await jobOf("test");
    const setup = test.steps?.find((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(String(setup?.with?.["node-version"]).replace(/\s+/g, "")).toBe("${{matrix.node-version}}");
  });
});

describe("dependencies", () => {
  it("installs with npm ci in every job, never npm install", async () => {
    const { doc } = await w();
    for (const [id, job] of Object.entries(doc.jobs)) {
      const commands = runs(job);
      expect(commands, id).toContain("npm ci");
      expect(commands.some((c) => /\bnpm\s+(install|i)\b/.test(c)), `${id} runs npm install`).toBe(false);
    }
  });

  it("restores ~/.npm before npm ci, keyed on the OS and the lockfile's hash", async () => {
    const { doc } = await w();
    for (const [id, job] of Object.entries(doc.jobs)) {
      const steps = job.steps ?? [];
      const cache = steps.findIndex((s) => s.uses === "actions/cache@v4");
      const install = steps.findIndex((s) => s.run?.trim() === "npm ci");
      expect(cache, `${id} has an actions/cache@v4 step`).toBeGreaterThanOrEqual(0);
      expect(cache, `${id} restores the cache before npm ci`).toBeLessThan(install);
      const { path, key } = steps[cache].with ?? {};
      expect(path, id).toBe("~/.npm");
      const compact = String(key).replace(/\s+/g, "");
      expect(compact, id).toContain("${{runner.os}}");
      expect(compact, id).toMatch(/hashFiles\(['"]\*\*\/package-lock\.json['"]\)/);
    }
  });

  it("checks out the code first, with actions pinned to a major version", async () => {
    const { doc } = await w();
    for (const [id, job] of Object.entries(doc.jobs)) {
      expect(job.steps?.[0]?.uses, id).toBe("actions/checkout@v4");
      for (const step of job.steps ?? []) if (step.uses) expect(step.uses, id).toMatch(/@v\d+$/);
    }
  });

  it("runs lint, the tests and the build in their jobs", async () => {
    expect(runs(await jobOf("lint"))).toContain("npm run lint");
    expect(runs(await jobOf("test"))).toContain("npm test");
    expect(runs(await jobOf("build"))).toContain("npm run build");
  });
});

describe("least privilege and concurrency", () => {
  it("gives the token read access to the contents only, and no job asks for more", async () => {
    const { doc } = await w();
    expect(doc.permissions).toEqual({ contents: "read" });
    for (const [id, job] of Object.entries(doc.jobs)) expect(job.permissions, id).toBeUndefined();
  });

  it("cancels a superseded run of the same ref", async () => {
    const { doc } = await w();
    expect(String(doc.concurrency?.group).replace(/\s+/g, "")).toContain("${{github.ref}}");
    expect(doc.concurrency?.["cancel-in-progress"]).toBe(true);
  });
});
