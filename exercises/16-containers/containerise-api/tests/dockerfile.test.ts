import { describe, expect, it } from "vitest";
import { contextFiles } from "../context";
import { dockerfile, dockerignore } from "../dockerfile";
import { args, execForm, fromFlag, keyword, looksSecret, stagesOf, text, type Stage } from "./load";

const stages = () => stagesOf(dockerfile);
const final = () => stages().at(-1)!;
const stageNames = () => new Set(stages().flatMap((s) => (s.name ? [s.name.toLowerCase()] : [])));
const isNpmCi = (t: string) => /\bnpm ci\b/.test(t);
const steps = (stage: Stage, kw: string) => stage.steps.filter((i) => keyword(i) === kw);
/** The context paths a COPY/ADD reads: all arguments but the last (the destination). */
const sources = (i: Parameters<typeof args>[0]) => args(i).slice(0, -1);

describe("base images", () => {
  it("builds in two or more stages, the first named, every base pinned, the last a slim node image", () => {
    expect(stages().length).toBeGreaterThanOrEqual(2);
    expect(stages()[0].name).toBeTruthy();
    for (const s of stages()) {
      if (stageNames().has(s.image.toLowerCase()) || s.image === "scratch") continue;
      expect(s.digest !== null || (s.tag !== null && s.tag !== "latest"), `FROM ${s.image}`).toBe(true);
    }
    const { image, tag } = final();
    expect(image).toBe("node");
    expect(tag ?? "").toMatch(/alpine|slim/);
  });
});

describe("the build stage caches dependencies", () => {
  it("copies package.json and package-lock.json, then runs npm ci, before any other source", () => {
    const build = stages()[0];
    const ci = build.steps.findIndex((i) => keyword(i) === "RUN" && isNpmCi(text(i)));
    expect(ci, "a RUN npm ci in the first stage").toBeGreaterThan(-1);
    const before = build.steps.slice(0, ci).filter((i) => keyword(i) === "COPY" || keyword(i) === "ADD");
    const copied = before.flatMap(sources);
    expect(copied).toContain("package.json");
    expect(copied).toContain("package-lock.json");
    expect(copied.filter((p) => p !== "package.json" && p !== "package-lock.json")).toEqual([]);
    // npm ci installs exactly what the lockfile says; npm install may resolve newer versions.
    for (const s of stages()) for (const run of steps(s, "RUN")) expect(text(run)).not.toMatch(/\bnpm (install|i)\b/);
  });

  it("copies from the context only files the context has", () => {
    for (const s of stages()) {
      for (const copy of [...steps(s, "COPY"), ...steps(s, "ADD")]) {
        if (fromFlag(copy) !== null) continue;
        for (const src of sources(copy)) {
          const path = src.replace(/^\.\//, "").replace(/\/$/, "");
          const exists = path === "." || contextFiles.some((f) => f === path || f.startsWith(`${path}/`));
          expect(exists, `COPY ${src}`).toBe(true);
        }
      }
    }
  });
});

describe("the final stage", () => {
  it("takes the build output from an earlier stage, installs only production dependencies, sets NODE_ENV=production", () => {
    const last = final();
    const fromCopies = steps(last, "COPY").filter((c) => fromFlag(c) !== null);
    expect(fromCopies.length).toBeGreaterThan(0);
    for (const c of fromCopies) expect(stageNames().has(fromFlag(c)!.toLowerCase()), `--from=${fromFlag(c)}`).toBe(true);
    const contextCopies = steps(last, "COPY").filter((c) => fromFlag(c) === null).flatMap(sources);
    expect(contextCopies.filter((p) => p !== "package.json" && p !== "package-lock.json")).toEqual([]);
    const ci = steps(last, "RUN").map(text).filter(isNpmCi);
    expect(ci.length).toBeGreaterThan(0);
    for (const run of ci) expect(run).toMatch(/--omit=dev\b/);
    const env = steps(final(), "ENV").map(text).join(" ");
    expect(env).toMatch(/\bNODE_ENV[= ]"?production"?(\s|$)/);
  });

  it("switches to a non-root user before CMD", () => {
    const last = final();
    const users = steps(last, "USER");
    expect(users.length, "a USER instruction").toBeGreaterThan(0);
    const user = args(users.at(-1)!)[0].split(":")[0];
    expect(["root", "0"]).not.toContain(user);
    const cmd = last.steps.findIndex((i) => keyword(i) === "CMD");
    expect(last.steps.indexOf(users.at(-1)!)).toBeLessThan(cmd);
  });

  it("exposes 3000, checks its health with the exec-form healthcheck and starts node in exec form", () => {
    const last = final();
    expect(steps(last, "EXPOSE").flatMap(args)).toContain("3000");
    const health = steps(last, "HEALTHCHECK").at(-1);
    expect(health && text(health)).toMatch(/CMD \[\s*"node",\s*"dist\/healthcheck\.js"\s*\]$/);
    const cmds = steps(last, "CMD");
    expect(cmds.length).toBe(1);
    expect(execForm(cmds[0])).toEqual(["node", "dist/server.js"]);
    expect(steps(last, "ENTRYPOINT")).toEqual([]);
  });
});

describe("secrets", () => {
  it("declares no secret-looking ARG or ENV, and keeps node_modules, .env and .git out of the context", () => {
    for (const s of stages()) {
      for (const i of [...steps(s, "ARG"), ...steps(s, "ENV")]) {
        const names = text(i).split(/\s+/).map((a) => a.split("=")[0]);
        // ENV's legacy form "ENV NAME value" names only its first word.
        const declared = keyword(i) === "ENV" && !text(i).split(/\s+/)[0].includes("=") ? names.slice(0, 1) : names;
        for (const name of declared) expect(looksSecret(name), `${keyword(i)} ${name}`).toBe(false);
      }
    }
    const lines = dockerignore.split("\n").map((l) => l.trim());
    for (const entry of ["node_modules", ".env", ".git"]) expect(lines, entry).toContain(entry);
  });
});
