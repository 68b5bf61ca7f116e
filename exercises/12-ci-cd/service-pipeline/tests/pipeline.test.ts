import { describe, expect, it } from "vitest";
import { workflow } from "../ci";
import { compact, load, needsOf, runs, type Job } from "./load";

const w = () => load(workflow);
const jobOf = async (id: string): Promise<Job> => {
  const { doc } = await w();
  expect(doc.jobs, `a job called "${id}"`).toHaveProperty(id);
  return doc.jobs[id];
};
const stepUsing = (job: Job, action: string) => (job.steps ?? []).findIndex((s) => s.uses === action);
const MAIN_ONLY = "github.ref=='refs/heads/main'";
const unwrap = (expr: unknown) => compact(expr).replace(/^\$\{\{(.*)\}\}$/, "$1");

describe("the workflow", () => {
  it("has no errors from GitHub's workflow parser", async () => {
    expect((await w()).errors).toEqual([]);
  });

  it("runs on pushes to main and pull requests into main only", async () => {
    const { events } = await w();
    expect(Object.keys(events).sort()).toEqual(["pull_request", "push"]);
    expect(events.push).toMatchObject({ branches: ["main"] });
    expect(events.pull_request).toMatchObject({ branches: ["main"] });
  });

  it("chains build → test → image → deploy", async () => {
    const { doc } = await w();
    expect(Object.keys(doc.jobs).sort()).toEqual(["build", "deploy", "image", "test"]);
    expect(needsOf(doc.jobs.build)).toEqual([]);
    expect(needsOf(doc.jobs.test)).toEqual(["build"]);
    expect(needsOf(doc.jobs.image)).toEqual(["test"]);
    expect(needsOf(doc.jobs.deploy)).toEqual(["image"]);
  });

  it("reads contents by default and lets only the image job write packages", async () => {
    const { doc } = await w();
    expect(doc.permissions).toEqual({ contents: "read" });
    expect(doc.jobs.image?.permissions).toEqual({ contents: "read", packages: "write" });
    for (const id of ["build", "test", "deploy"]) expect(doc.jobs[id]?.permissions, id).toBeUndefined();
  });

  it("builds and tests with npm ci", async () => {
    expect(runs(await jobOf("build"))).toEqual(expect.arrayContaining(["npm ci", "npm run build"]));
    expect(runs(await jobOf("test"))).toEqual(expect.arrayContaining(["npm ci", "npm test"]));
  });
});

describe("build once, ship that", () => {
  it("uploads dist/ from build and downloads it in image", async () => {
    const build = await jobOf("build");
    const image = await jobOf("image");
    const up = build.steps?.[stepUsing(build, "actions/upload-artifact@v4")];
    const down = image.steps?.[stepUsing(image, "actions/download-artifact@v4")];
    expect(up?.with).toMatchObject({ name: "dist" });
    expect(String(up?.with?.path).replace(/\/$/, "")).toBe("dist");
    expect(down?.with).toMatchObject({ name: "dist" });
  });

  it("logs in to ghcr.io with the job's token before building the image", async () => {
    const image = await jobOf("image");
    const login = stepUsing(image, "docker/login-action@v3");
    const push = stepUsing(image, "docker/build-push-action@v6");
    expect(login).toBeGreaterThanOrEqual(0);
    expect(push).toBeGreaterThan(login);
    const w = image.steps![login].with ?? {};
    expect(w.registry).toBe("ghcr.io");
    expect(compact(w.password)).toBe("${{secrets.GITHUB_TOKEN}}");
  });

  it("tags the image with the commit SHA and pushes it only from main", async () => {
    const image = await jobOf("image");
    const step = image.steps?.[stepUsing(image, "docker/build-push-action@v6")];
    expect(compact(step?.with?.tags)).toContain(":sha-${{github.sha}}");
    expect(compact(step?.with?.tags)).not.toContain("latest");
    expect(unwrap(step?.with?.push)).toBe(MAIN_ONLY);
  });
});

describe("deploy", () => {
  it("runs only for main", async () => {
    expect(unwrap((await jobOf("deploy")).if)).toBe(MAIN_ONLY);
  });

  it("deploys through the production environment, one deployment at a time", async () => {
    const deploy = await jobOf("deploy");
    const env = typeof deploy.environment === "string" ? deploy.environment : deploy.environment?.name;
    expect(env).toBe("production");
    const group = typeof deploy.concurrency === "string" ? deploy.concurrency : deploy.concurrency?.group;
    expect(group).toBeTruthy();
    expect(typeof deploy.concurrency === "object" && deploy.concurrency["cancel-in-progress"]).not.toBe(true);
  });

  it("deploys the image it built, by its sha tag", async () => {
    const deploy = await jobOf("deploy");
    expect(runs(deploy).some((r) => compact(r).includes(":sha-${{github.sha}}"))).toBe(true);
  });
});
