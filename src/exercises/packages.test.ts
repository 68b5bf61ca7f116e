import { describe, expect, it } from "vitest";
import { allowedPackages, entryPoints, importProblem } from "./packages";

const allowed = allowedPackages(["hono"]);

describe("importProblem", () => {
  it("allows a listed package's root and its listed subpaths", () => {
    expect(importProblem("hono", allowed)).toBeUndefined();
    expect(importProblem("hono/streaming", allowed)).toBeUndefined();
    expect(importProblem("vitest", allowed)).toBeUndefined();
  });

  it("names the packages entry that would allow a curated package", () => {
    expect(importProblem("kubernetes-models/apps/v1/Deployment", allowed)).toBe(
      'cannot import "kubernetes-models/apps/v1/Deployment": this exercise does not list it — add "kubernetes-models" to "packages" in exercise.json to allow it',
    );
  });

  it("refuses a subpath that is not an entry point, with the closest one", () => {
    expect(importProblem("hono/stream", allowed)).toBe('cannot import "hono/stream": not an entry point Roadlab provides for hono — did you mean "hono/streaming"?');
    expect(importProblem("hono/cookie", allowed)).toMatch(/^cannot import "hono\/cookie": not an entry point Roadlab provides for hono — importable: hono, hono\/basic-auth, /);
  });

  it("refuses what is not curated, suggesting a near name", () => {
    expect(importProblem("zood", allowed)).toBe('cannot import "zood": not a package Roadlab provides — did you mean "zod"?');
    expect(importProblem("node:fs", allowed)).toMatch(/^cannot import "node:fs": not a package Roadlab provides — curated packages: vitest, /);
  });
});

describe("entryPoints", () => {
  it("lists the root first, then the subpaths", () => {
    expect(entryPoints("eventsource-parser")).toEqual(["eventsource-parser", "eventsource-parser/stream"]);
    expect(entryPoints("zod")).toEqual(["zod"]);
  });

  it("leaves out the root of a rootless package", () => {
    expect(entryPoints("kubernetes-models")).toContain("kubernetes-models/apps/v1/Deployment");
    expect(entryPoints("kubernetes-models")).not.toContain("kubernetes-models");
  });
});
