import type { RunRequest } from "../types";
import dbSource from "../../harness/db.ts?raw";
import dbStateSource from "../../harness/db-state.ts?raw";
import type { FileSystemTree } from "./container";

/** Pinned to what the in-page runtime and the CLI use, so all three agree (checked by a unit test). */
export const PINNED = { vitest: "4.1.12", "@electric-sql/pglite": "0.5.16", jose: "6.2.18" } as const;

const packageJson = JSON.stringify(
  { name: "roadlab-exercise", private: true, type: "module", devDependencies: PINNED },
  null,
  2,
);

const vitestConfig = `import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@roadlab/db": fileURLToPath(new URL("./.roadlab/db.ts", import.meta.url)) } },
  test: { include: ["tests/**/*.test.ts"], setupFiles: ["./.roadlab/setup.ts"], allowOnly: true },
});
`;

const setupFile = `import { existsSync, readFileSync } from "node:fs";
import { afterAll } from "vitest";
import { closeDb, configureDb, warmDb } from "./db";

const seed = existsSync("seed.sql") ? readFileSync("seed.sql", "utf8") : "";
configureDb({ seed });
if (seed) await warmDb();
afterAll(() => closeDb());
`;

/** The project every exercise runs in: installed once per page, reused across runs and exercises. */
export function baseProject(): FileSystemTree {
  return {
    "package.json": { file: { contents: packageJson } },
    "vitest.config.mjs": { file: { contents: vitestConfig } },
    ".roadlab": {
      directory: {
        "setup.ts": { file: { contents: setupFile } },
        "db.ts": { file: { contents: dbSource } },
        "db-state.ts": { file: { contents: dbStateSource } },
      },
    },
  };
}

/** The files one run writes: learner files at the root, tests in tests/, seed.sql. */
export function runFiles(request: RunRequest): Record<string, string> {
  return { ...request.files, ...request.tests, ...(request.seed === undefined ? {} : { "seed.sql": request.seed }) };
}

export function vitestArgs(timeoutMs: number): string[] {
  return [
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    "--outputFile.json=.roadlab/results.json",
    `--testTimeout=${timeoutMs}`,
    `--hookTimeout=${timeoutMs}`,
  ];
}
