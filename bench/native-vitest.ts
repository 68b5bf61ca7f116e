import { spawnSync } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Exercise } from "../src/exercises/pack";
import { repoRoot } from "../src/cli/browser/app-build";

/**
 * `npx vitest run` of an exercise's tests against its solution, each time a cold Node process, as
 * a developer would run them: the baseline the in-page runtime is compared with.
 */
export async function timeNativeVitest(exercise: Exercise, runs: number): Promise<number[]> {
  // Inside the repo so `vitest` and the packages resolve from node_modules like in a real project.
  const root = path.join(repoRoot, "node_modules", ".cache", "roadlab", "bench-native");
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  try {
    const files = { ...exercise.solution, ...exercise.tests, ...(exercise.seed ? { "seed.sql": exercise.seed } : {}) };
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), text);
    }
    await writeFile(path.join(root, "setup.ts"), setupFile());
    await writeFile(path.join(root, "vitest.config.ts"), configFile());
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const result = spawnSync("npx", ["vitest", "run", "--config", "vitest.config.ts"], { cwd: root, encoding: "utf8" });
      times.push(performance.now() - start);
      if (result.status !== 0) throw new Error(`native vitest failed:\n${result.stdout}\n${result.stderr}`);
    }
    return times;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function configFile(): string {
  const db = path.join(repoRoot, "src/harness/db.ts");
  return `import { defineConfig } from "vitest/config";
export default defineConfig({
  resolve: { alias: { "@roadlab/db": ${JSON.stringify(db)} } },
  test: { include: ["tests/**/*.test.ts"], setupFiles: ["./setup.ts"] },
});
`;
}

/** What a developer's project would do: seed the database helper from seed.sql. */
function setupFile(): string {
  const db = path.join(repoRoot, "src/harness/db.ts");
  return `import { readFileSync, existsSync } from "node:fs";
import { afterAll } from "vitest";
import { configureDb, closeDb } from ${JSON.stringify(db)};
configureDb({ seed: existsSync("seed.sql") ? readFileSync("seed.sql", "utf8") : "" });
afterAll(() => closeDb());
`;
}
