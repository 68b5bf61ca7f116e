import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entryPoints, type PackageName } from "../src/exercises/packages";
import { helperTypeDeps, publishedPackages } from "./package-types-plugin";
import { collectTypes, exportTarget } from "./package-types";

const root = path.resolve(import.meta.dirname, "..");
const tsc = path.join(root, "node_modules/.bin/tsc");

/**
 * The collected declarations alone, in a folder without the repo's node_modules, checked by the
 * TypeScript compiler with the editor's settings: every entry point resolves with its own types,
 * and misuse is a type error, as the learner sees it in Monaco.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "roadlab-types-"));
  for (const name of publishedPackages) {
    for (const [file, text] of Object.entries(collectTypes(root, entryPoints(name as PackageName)))) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
  }
  const compilerOptions = { target: "esnext", module: "esnext", moduleResolution: "bundler", strict: true, noEmit: true, skipLibCheck: true, types: [], lib: ["esnext", "dom"] };
  await writeFile(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.ts"] }));
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function check(files: Record<string, string>): Promise<string[]> {
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  const run = await promisify(execFile)(tsc, ["-p", dir], { cwd: dir }).catch((e: { stdout: string }) => e);
  for (const name of Object.keys(files)) await rm(path.join(dir, name));
  return run.stdout.split("\n").filter((line) => /error TS\d+/.test(line));
}

describe("collected package declarations", () => {
  it("resolve every entry point of every curated package, typed (not any)", async () => {
    const entries = publishedPackages.flatMap((name) => entryPoints(name as PackageName));
    const lines = entries.flatMap((spec, i) => [`import * as m${i} from ${JSON.stringify(spec)};`, `const c${i}: IsAny<typeof m${i}> = false; void c${i};`]);
    const errors = await check({ "all.ts": ["type IsAny<T> = 0 extends 1 & T ? true : false;", ...lines, "export {};"].join("\n") });
    expect(errors).toEqual([]);
  }, 120_000);

  it("make misuse a type error", async () => {
    const errors = await check({
      "bad.ts": [
        'import { Hono } from "hono";',
        'import { streamSSE } from "hono/streaming";',
        'import { z } from "zod";',
        'import { Deployment } from "kubernetes-models/apps/v1/Deployment";',
        "new Hono().get('/', (c) => streamSSE(c, async (s) => { await s.writeSSE({ data: 1 }); }));",
        "z.string().min('three');",
        "new Deployment({ spec: { replicas: 'three' } });",
        "export {};",
      ].join("\n"),
    });
    expect(errors.map((line) => /bad\.ts\((\d+),/.exec(line)?.[1])).toEqual(["5", "6", "7"]);
  }, 120_000);
});

describe("exportTarget", () => {
  it("picks the types condition of a subpath, and fills in patterns", () => {
    const exports = { ".": { types: "./a.d.ts", import: "./a.js" }, "./streaming": { import: { types: "./s.d.ts" } }, "./utils/*": "./u/*.js" };
    expect(exportTarget(exports, ".")).toBe("./a.d.ts");
    expect(exportTarget(exports, "./streaming")).toBe("./s.d.ts");
    expect(exportTarget(exports, "./utils/x")).toBe("./u/x.js");
    expect(exportTarget(exports, "./nope")).toBeUndefined();
  });
});

describe("helperTypeDeps", () => {
  it("finds the npm packages a hand-written helper declaration imports types from", async () => {
    const fake = await mkdtemp(path.join(os.tmpdir(), "roadlab-libs-"));
    const libs = path.join(fake, "src/features/editor/libs");
    await mkdir(libs, { recursive: true });
    await writeFile(path.join(libs, "roadlab-kv.d.ts"), 'import type { Document } from "yaml";\nimport type { Db } from "@roadlab/db";\nexport declare function createKv(): Document;\n');
    await writeFile(path.join(libs, "vitest.d.ts"), "export declare function it(name: string): void;\n");
    try {
      expect(helperTypeDeps(fake)).toEqual({ "@roadlab/kv": ["yaml"] });
    } finally {
      await rm(fake, { recursive: true, force: true });
    }
  });
});
